using OpenIdds.Firmware.Units;
using OpenIdds.Hal;

namespace OpenIdds.Firmware.Safety
{
    /// <summary>
    /// The alarm system: which alarms are shown, which one the annunciator plays, and the rules for
    /// silencing, acknowledging and clearing them (IEC 60601-1-8 behaviour):
    /// - ALARM-CLEARS-WITH-CONDITION: an alarm clears only when its condition is gone; a latched one
    ///   also needs an acknowledgement.
    /// - HIGHEST-PRIORITY-SOUNDS: of simultaneous alarms, the highest priority (then the oldest) sets
    ///   tone and light; a silenced alarm keeps its light, and its tone returns when the pause ends.
    /// - EVERY-ALARM-EVENT-LOGGED: raise, silence, acknowledgement, clear and re-annunciation each go to
    ///   the event sink with their time.
    /// - AUDIO-PAUSE-CAPPED (IEC 60601-1-8, 6.8: audio paused is a state of limited duration): the audio
    ///   pause granted to one alarm condition, press after press, adds up to at most
    ///   <see cref="PauseBudgetFactor"/> times its row's pause time; beyond it the tone sounds whatever
    ///   is pressed, and the refused press is logged. The budget starts again when the condition is raised anew.
    /// Per-alarm state lives in arrays indexed by code, allocated once.
    /// </summary>
    public sealed class AlarmSystem
    {
        private readonly IAnnunciator _annunciator;
        private readonly IAlarmEventSink _sink;
        private readonly bool[] _shown = new bool[AlarmTable.CodeSpace];
        private readonly bool[] _condition = new bool[AlarmTable.CodeSpace];
        private readonly bool[] _acknowledged = new bool[AlarmTable.CodeSpace];
        private readonly long[] _raisedAt = new long[AlarmTable.CodeSpace];
        private readonly long[] _quietUntil = new long[AlarmTable.CodeSpace];
        private readonly long[] _pausedMilliseconds = new long[AlarmTable.CodeSpace];

        /// <summary>AUDIO-PAUSE-CAPPED: one alarm condition's audio pauses add up to at most this many times its row's pause time.</summary>
        public const int PauseBudgetFactor = 3;
        // Alarms shown now. Most ticks show none, so the table scans below (every tick, and before
        // every sleep) answer at once then; a raise and a clear are the only places _shown changes.
        private int _shownCount;
        private AlarmCode _sounding;
        private bool _audible;

        public AlarmSystem(IAnnunciator annunciator, IAlarmEventSink sink)
        {
            _annunciator = annunciator;
            _sink = sink;
            // NO-STEADY-STATE-ALLOCATION: the alarm table's rows are built on its first use. Build them
            // now, at start-up, not at the first alarm weeks into therapy (1.2 KiB on the host).
            _rows = AlarmTable.Count;
        }

        private readonly int _rows;

        public bool IsShown(AlarmCode code) { return _shown[(int)code]; }

        /// <summary>True while any shown alarm's row says delivery must stop.</summary>
        public bool StopsDelivery
        {
            get
            {
                if (_shownCount == 0) return false;
                for (int i = 0; i < AlarmTable.Count; i++)
                {
                    AlarmDefinition row = AlarmTable.At(i);
                    if (row.StopsDelivery && _shown[(int)row.Code]) return true;
                }
                return false;
            }
        }

        /// <summary>The alarm whose signal the annunciator shows now (None if no alarm is shown).</summary>
        public AlarmCode Highest
        {
            get
            {
                AlarmCode best = AlarmCode.None;
                if (_shownCount == 0) return best;
                for (int i = 0; i < AlarmTable.Count; i++)
                {
                    AlarmDefinition row = AlarmTable.At(i);
                    int c = (int)row.Code;
                    if (!_shown[c]) continue;
                    if (best == AlarmCode.None) { best = row.Code; continue; }
                    AlarmDefinition held = AlarmTable.Of(best);
                    if (row.Priority > held.Priority || (row.Priority == held.Priority && _raisedAt[c] < _raisedAt[(int)best])) best = row.Code;
                }
                return best;
            }
        }

        /// <summary>
        /// LATCHES-SURVIVE-RESET: bit c set = alarm c is shown, latched and not yet acknowledged. The
        /// journal keeps these bits, so a power cycle can never clear a latched alarm (an over-infusion
        /// stop would otherwise end at the next battery change).
        /// </summary>
        public uint LatchedBits
        {
            get
            {
                uint bits = 0;
                if (_shownCount == 0) return bits;
                for (int i = 0; i < AlarmTable.Count; i++)
                {
                    AlarmDefinition row = AlarmTable.At(i);
                    int c = (int)row.Code;
                    if (row.Latched && _shown[c] && !_acknowledged[c]) bits |= 1u << c;
                }
                return bits;
            }
        }

        /// <summary>Shows again, latched, every alarm of <paramref name="bits"/> (after a reset); a detector re-raises those whose condition is still there.</summary>
        public void RestoreLatched(uint bits, Milliseconds now)
        {
            for (int i = 0; i < AlarmTable.Count; i++)
            {
                AlarmDefinition row = AlarmTable.At(i);
                if (!row.Latched || (bits & (1u << (int)row.Code)) == 0) continue;
                Raise(row.Code, now);
                ConditionGone(row.Code, now);
            }
        }

        /// <summary>The condition of <paramref name="code"/> is present at <paramref name="now"/>. Raising a shown alarm again changes nothing.</summary>
        public void Raise(AlarmCode code, Milliseconds now)
        {
            int c = (int)code;
            AlarmTable.Of(code);
            _condition[c] = true;
            if (_shown[c]) return;
            _shown[c] = true;
            _shownCount++;
            _acknowledged[c] = false;
            _raisedAt[c] = now.Value;
            _quietUntil[c] = 0;
            _pausedMilliseconds[c] = 0;
            _sink.Record(now, AlarmEventKind.Raised, code);
        }

        /// <summary>The condition of <paramref name="code"/> is gone. A latched, unacknowledged alarm stays shown.</summary>
        public void ConditionGone(AlarmCode code, Milliseconds now)
        {
            int c = (int)code;
            _condition[c] = false;
            if (!_shown[c]) return;
            if (AlarmTable.Of(code).Latched && !_acknowledged[c]) return;
            Clear(code, now);
        }

        /// <summary>Someone acknowledged the alarm: it clears if its condition is gone, else its tone pauses until re-annunciation.</summary>
        public void Acknowledge(AlarmCode code, Milliseconds now)
        {
            int c = (int)code;
            if (!_shown[c]) return;
            _acknowledged[c] = true;
            _sink.Record(now, AlarmEventKind.Acknowledged, code);
            if (!_condition[c])
            {
                Clear(code, now);
                return;
            }
            long again = AlarmTable.Of(code).ReannunciateMilliseconds;
            _quietUntil[c] = again > 0 ? now.Value + again : long.MaxValue;
        }

        /// <summary>
        /// Audio pause: every shown alarm that may be silenced is quiet for its row's silence time, within
        /// its budget (AUDIO-PAUSE-CAPPED); one whose budget is spent keeps sounding, logged as refused.
        /// Lights stay. Returns how many alarms were paused.
        /// </summary>
        public int Silence(Milliseconds now)
        {
            int paused = 0;
            for (int i = 0; i < AlarmTable.Count; i++)
            {
                AlarmDefinition row = AlarmTable.At(i);
                int c = (int)row.Code;
                // Acknowledged with no re-annunciation (a low alarm): already quiet for good.
                if (!_shown[c] || row.SilenceMilliseconds == 0 || _quietUntil[c] == long.MaxValue) continue;
                // A press inside a running pause only adds the time past its end to the budget spent.
                long quietFrom = _quietUntil[c] > now.Value ? _quietUntil[c] : now.Value;
                long left = PauseBudgetFactor * row.SilenceMilliseconds - _pausedMilliseconds[c];
                long until = now.Value + row.SilenceMilliseconds;
                if (until - quietFrom > left) until = quietFrom + left;
                if (until <= quietFrom)
                {
                    _sink.Record(now, AlarmEventKind.SilenceRefused, row.Code);
                    continue;
                }
                _pausedMilliseconds[c] += until - quietFrom;
                _quietUntil[c] = until;
                _sink.Record(now, AlarmEventKind.Silenced, row.Code);
                paused++;
            }
            return paused;
        }

        /// <summary>Audio pause one alarm condition may still be granted (AUDIO-PAUSE-CAPPED).</summary>
        public Milliseconds PauseLeft(AlarmCode code)
        {
            return new Milliseconds(PauseBudgetFactor * AlarmTable.Of(code).SilenceMilliseconds - _pausedMilliseconds[(int)code]);
        }

        /// <summary>True while the alarm's tone is paused (silenced or acknowledged and not yet re-annunciated).</summary>
        public bool IsQuiet(AlarmCode code, Milliseconds now) { return _quietUntil[(int)code] > now.Value; }

        /// <summary>Shows the highest-priority alarm (audible unless paused) and re-annunciates paused alarms whose pause ended. Call every tick.</summary>
        public void Tick(Milliseconds now)
        {
            AlarmCode top = Highest;
            if (top == AlarmCode.None)
            {
                Show(AlarmCode.None, AlarmPriority.None, false);
                return;
            }
            int c = (int)top;
            if (_quietUntil[c] != 0 && _quietUntil[c] <= now.Value)
            {
                _quietUntil[c] = 0;
                _sink.Record(now, AlarmEventKind.Reannunciated, top);
            }
            Show(top, AlarmTable.Of(top).Priority, !IsQuiet(top, now));
        }

        /// <summary>When a paused alarm's tone is due back (the only moment the alarm system needs a tick of its own).</summary>
        public Milliseconds NextWake(Milliseconds now)
        {
            long next = long.MaxValue;
            if (_shownCount == 0) return new Milliseconds(next);
            for (int i = 0; i < AlarmTable.CodeSpace; i++)
            {
                long q = _quietUntil[i];
                if (_shown[i] && q > now.Value && q != long.MaxValue && q < next) next = q;
            }
            return new Milliseconds(next);
        }

        private void Show(AlarmCode code, AlarmPriority priority, bool audible)
        {
            if (code == _sounding && audible == _audible) return;
            _sounding = code;
            _audible = audible;
            _annunciator.Annunciate(priority, audible);
        }

        private void Clear(AlarmCode code, Milliseconds now)
        {
            int c = (int)code;
            _shown[c] = false;
            _shownCount--;
            _acknowledged[c] = false;
            _quietUntil[c] = 0;
            _sink.Record(now, AlarmEventKind.Cleared, code);
        }
    }
}
