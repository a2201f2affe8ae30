using OpenIdds.Firmware.Units;
using OpenIdds.Hal;

namespace OpenIdds.Firmware.Persistence
{
    /// <summary>
    /// The append-only event log: typed, timestamped 32-byte records (kind, pump time, two values, e.g.
    /// steps and microliters, or an alarm code and a reason code) in a ring of flash pages, each record
    /// with its own CRC. Capacity: (pages - 1) x records per page - 8 pages of 4 KiB hold 896 events, a
    /// month of hourly delivery lines plus the events between. Readable oldest to newest by sequence
    /// number for export.
    /// EVENT-TIME-FIXED: each record also holds the time of day the pump's clock showed when it was
    /// written (10 ms resolution, after the first clock sync), so an export shows the same time in
    /// every reading: a later clock sync moves only later events, and power-off time, which pump time
    /// does not count, cannot shift it. The pump time takes the low 40 bits of the first field (34
    /// years), the time of day the 24 bits above it (0 when the clock was never synced). The clock's
    /// time of day at pump time 0 is recovered from the newest record at start-up.
    /// </summary>
    public sealed class EventLog
    {
        public const int RecordBytes = 32;
        private readonly Journal _ring;
        private readonly RecordBuffer _buffer;
        private const long PumpTimeMask = 0xFFFFFFFFFF;
        private const int TimeOfDayShift = 40;
        private const long TimeOfDayUnitMilliseconds = 10;
        private long _timeOfDayAtZero = -1;

        /// <summary>An event written before the pump's clock was first synced has no time of day.</summary>
        public const long NoTimeOfDay = -1;

        public EventLog(INonVolatileStore store, int firstPage, int pageCount)
        {
            _ring = new Journal(store, firstPage, pageCount, RecordBytes);
            _buffer = new RecordBuffer(_ring.PayloadBytes);
            int kind;
            if (_ring.Recover(_buffer.Bytes, out kind) && _ring.Sequence != 0)
            {
                _buffer.Position = 0;
                long first = _buffer.GetInt64();
                long tod = TimeOfDayOf(first);
                if (tod != NoTimeOfDay) SetClock(new Milliseconds(tod - (first & PumpTimeMask)));
            }
        }

        /// <summary>The pump clock's time of day at pump time 0 (a clock sync sets it); events written from now on carry their time of day from it.</summary>
        public void SetClock(Milliseconds timeOfDayAtZero)
        {
            long t = timeOfDayAtZero.Value % Milliseconds.PerDay;
            if (t < 0) t += Milliseconds.PerDay;
            _timeOfDayAtZero = t;
        }

        /// <summary>The time of day at pump time 0 the events are written with, or <see cref="NoTimeOfDay"/> before the first clock sync.</summary>
        public long TimeOfDayAtZero { get { return _timeOfDayAtZero; } }

        private static long TimeOfDayOf(long first)
        {
            long units = (first >> TimeOfDayShift) & 0xFFFFFF;
            return units == 0 ? NoTimeOfDay : (units - 1) * TimeOfDayUnitMilliseconds;
        }

        public int Capacity { get { return _ring.Capacity; } }
        public uint Newest { get { return _ring.Sequence; } }
        public uint Oldest { get { return _ring.OldestSequence; } }

        /// <summary>Records found damaged at start-up (a torn append, the power cut in the middle of it, is not damage): see <see cref="Journal.DamagedRecords"/>.</summary>
        public int DamagedRecords { get { return _ring.DamagedRecords; } }

        public void Append(EventKind kind, Milliseconds pumpTime, long a, long b)
        {
            _buffer.Clear();
            long first = pumpTime.Value & PumpTimeMask;
            if (_timeOfDayAtZero != NoTimeOfDay)
            {
                long tod = (_timeOfDayAtZero + (pumpTime.Value % Milliseconds.PerDay)) % Milliseconds.PerDay;
                first |= (tod / TimeOfDayUnitMilliseconds + 1) << TimeOfDayShift;
            }
            _buffer.PutInt64(first);
            _buffer.PutInt64(a);
            _buffer.PutUInt32((uint)b);
            _ring.Append((int)kind, _buffer.Bytes);
        }

        /// <summary>Reads event <paramref name="sequence"/> (Oldest..Newest); false if it was overwritten or failed its CRC.</summary>
        public bool Read(uint sequence, out EventKind kind, out Milliseconds pumpTime, out long a, out long b)
        {
            long timeOfDay;
            return Read(sequence, out kind, out pumpTime, out timeOfDay, out a, out b);
        }

        /// <summary>As <see cref="Read(uint, out EventKind, out Milliseconds, out long, out long)"/>, with the time of day (ms after midnight) fixed when the event was written, or <see cref="NoTimeOfDay"/>.</summary>
        public bool Read(uint sequence, out EventKind kind, out Milliseconds pumpTime, out long timeOfDay, out long a, out long b)
        {
            int k;
            bool ok = _ring.TryRead(sequence, _buffer.Bytes, out k);
            _buffer.Position = 0;
            kind = (EventKind)k;
            long first = ok ? _buffer.GetInt64() : 0;
            pumpTime = new Milliseconds(first & PumpTimeMask);
            timeOfDay = TimeOfDayOf(first);
            a = ok ? _buffer.GetInt64() : 0;
            b = ok ? _buffer.GetUInt32() : 0;
            return ok;
        }
    }
}
