using OpenIdds.Firmware.Persistence;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Device
{
    /// <summary>
    /// The trial diary's entries on flash. They live in their own ring, so a flood of other events
    /// cannot push them out, and go to the event log too; they are read back into the diary at start-up.
    /// </summary>
    public sealed class TrialDiaryLog
    {
        private readonly EventLog _ring;
        private readonly EventLog _events;

        public TrialDiaryLog(EventLog ring, EventLog events)
        {
            _ring = ring;
            _events = events;
        }

        /// <summary>A pain score (<paramref name="a"/> 0-10), or an activity (<paramref name="a"/> -1, <paramref name="b"/> kind and minutes).</summary>
        public void Append(Milliseconds now, long a, long b)
        {
            _ring.Append(EventKind.DiaryEntry, now, a, b);
            _events.Append(EventKind.DiaryEntry, now, a, b);
        }

        /// <summary>A side effect: its kind and severity, under their own event kind.</summary>
        public void AppendSideEffect(Milliseconds now, SideEffectKind kind, SideEffectSeverity severity)
        {
            _ring.Append(EventKind.DiarySideEffect, now, (long)kind, (long)severity);
            _events.Append(EventKind.DiarySideEffect, now, (long)kind, (long)severity);
        }

        /// <summary>EVENT-TIME-FIXED: entries from here on carry this clock's time of day.</summary>
        public void SetClock(Milliseconds timeOfDayAtZero) { _ring.SetClock(timeOfDayAtZero); }

        public void ReplayInto(TrialDiary diary)
        {
            EventKind kind;
            Milliseconds at;
            long a, b;
            for (uint s = _ring.Oldest; s != 0 && s <= _ring.Newest; s++)
            {
                if (!_ring.Read(s, out kind, out at, out a, out b)) continue;
                if (kind == EventKind.DiarySideEffect) diary.AddSideEffect(at, (SideEffectKind)(int)a, (SideEffectSeverity)(int)b);
                if (kind != EventKind.DiaryEntry) continue;
                if (a >= 0) diary.AddPain(at, (int)a);
                else diary.AddActivity(at, (ActivityKind)(b >> 16), (int)(b & 0xFFFF));
            }
        }
    }
}
