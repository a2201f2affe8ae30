using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Safety
{
    /// <summary>
    /// LINE-RESISTANCE-RISE. A stroke raises the line's pressure by its volume over the line's
    /// compliance, and the line drains into the CSF with time constant R x C (0.07 s through the implanted
    /// catheter). A kink multiplies R: the same jump drains more slowly, long before the strokes stay in
    /// the line (OCCLUSION-BY-STROKE-RETENTION needs R x C of ~40 s). So the trend reads the pressure once
    /// more, <see cref="DecayMilliseconds"/> after a stroke, and takes the share of the stroke's jump
    /// still there (the retention, per mille: ~0 through an open catheter, 600 at a x15 kink).
    /// Every <see cref="WindowIntervalMilliseconds"/> it opens a window of <see cref="WindowStrokes"/>
    /// single strokes; the window's retention is the mean of its middle half (a cough, a strain or a
    /// posture step in one decay, and the CSF pulse's swing, stay out of it). The first
    /// <see cref="BaselineWindows"/> windows are the patient's own line; from then on a window whose
    /// retention is <see cref="RisePerMille"/> above that baseline, in <see cref="ConsecutiveWindows"/>
    /// windows in a row, is a raised line resistance (<see cref="Raised"/>: partial-occlusion).
    /// Integer only, no allocation after construction.
    /// </summary>
    public sealed class LineResistanceTrend
    {
        /// <summary>When the second reading is taken: the open line (R x C 0.07 s) has drained to 0.1 %, a x15 kink (1 s) holds 60 %.</summary>
        public const long DecayMilliseconds = 500;

        /// <summary>A reading up to this late still counts (another wake-up came first); later, the stroke is not used.</summary>
        public const long LateToleranceMilliseconds = 50;

        /// <summary>Strokes per window: the CSF pulse moves one retention by up to ~30 %, the middle half of 32 by a few percent.</summary>
        public const int WindowStrokes = 32;

        /// <summary>Six windows a day, as the pulsatility bursts: 32 extra readings each, 192 a day.</summary>
        public const long WindowIntervalMilliseconds = 4 * Milliseconds.PerHour;

        /// <summary>Windows learned as the patient's own line: one day.</summary>
        public const int BaselineWindows = 6;

        /// <summary>Windows in a row that must show the rise: 8 h at the ends, so one odd window does not alarm.</summary>
        public const int ConsecutiveWindows = 3;

        /// <summary>A quarter of the stroke still there after 0.5 s above the baseline: R about x5.5 on the implanted line (R x C 0.36 s).</summary>
        public const int RisePerMille = 250;

        /// <summary>A jump under 400 Pa (a third of the implanted line's 1,250 Pa per 250 nL stroke) is too small against the CSF pulse's swing to judge.</summary>
        public const int MinimumJumpPascals = 400;

        /// <summary>One retention is clamped to this many per mille either side, so a transient cannot overflow a sum.</summary>
        private const int RetentionLimitPerMille = 4000;

        private readonly long[] _window = new long[WindowStrokes];
        private readonly long[] _learned = new long[BaselineWindows];
        private int _count;
        private int _baselineCount;
        private long _baseline;
        private int _run;
        private Milliseconds _nextWindow;
        private Milliseconds _sampleDue = Milliseconds.Never;
        private int _before;
        private int _jump;

        public LineResistanceTrend(Milliseconds now)
        {
            Relearn(now);
        }

        /// <summary>When the trend needs the next reading: <see cref="DecayMilliseconds"/> after the stroke it follows, or never.</summary>
        public Milliseconds NextWake { get { return _sampleDue; } }

        /// <summary>When the current window opened, or the next one opens: strokes from then on are followed.</summary>
        public Milliseconds WindowOpens { get { return _nextWindow; } }

        /// <summary>Windows still to learn the baseline from.</summary>
        public int BaselineWindowsLeft { get { return _baselineCount >= BaselineWindows ? 0 : BaselineWindows - _baselineCount; } }

        /// <summary>Completed windows since the last <see cref="Relearn"/>.</summary>
        public int Windows { get; private set; }

        /// <summary>When the last window completed (Never before the first since the last <see cref="Relearn"/>).</summary>
        public Milliseconds LastWindowAt { get; private set; }

        /// <summary>Decay readings the trend woke the pump for since the device started, used or not: each costs charge (CATHETER-BURST-IN-ERI).</summary>
        public long ReadingsTaken { get; private set; }

        /// <summary>The last window's retention and the baseline's, per mille of a stroke's jump (0 before the first).</summary>
        public int RetentionPerMille { get; private set; }
        public int BaselinePerMille { get { return (int)_baseline; } }

        /// <summary>Windows in a row above the rise, up to the last.</summary>
        public int Run { get { return _run; } }

        /// <summary>The last window was above the rise: a lost pulse now is this kink's damping, not a leak or a dislodged tip.</summary>
        public bool Rising { get { return _run > 0; } }

        /// <summary>LINE-RESISTANCE-RISE holds.</summary>
        public bool Raised { get { return _run >= ConsecutiveWindows; } }

        /// <summary>The baseline is learned (and is what a journal record keeps: CATHETER-BASELINE-KEPT).</summary>
        public bool BaselineLearned { get { return _baselineCount >= BaselineWindows; } }

        /// <summary>
        /// CATHETER-BASELINE-KEPT: after a reset, the journaled baseline. Learned afresh, a line kinked
        /// before the reset would be this patient's normal; only <see cref="Relearn"/> (a revision) forgets it.
        /// </summary>
        public void Restore(int baselinePerMille)
        {
            _baseline = baselinePerMille;
            _baselineCount = BaselineWindows;
        }

        /// <summary>After implant or a catheter revision: forget the baseline and learn it again.</summary>
        public void Relearn(Milliseconds now)
        {
            _count = 0;
            _baselineCount = 0;
            _baseline = 0;
            _run = 0;
            Windows = 0;
            RetentionPerMille = 0;
            LastWindowAt = Milliseconds.Never;
            _sampleDue = Milliseconds.Never;
            _nextWindow = now;
        }

        /// <summary>
        /// One tick: the pressure read before and after the tick's strokes (and whether each was usable),
        /// and the number of forward strokes the tick made.
        /// </summary>
        public void Observe(Milliseconds now, bool beforeOk, int beforePascals, bool afterOk, int afterPascals, int strokes)
        {
            if (!_sampleDue.IsNever && now >= _sampleDue)
            {
                // The decay reading is the one before this tick's strokes; a late or unusable one is dropped.
                ReadingsTaken++;
                if (beforeOk && now.Value - _sampleDue.Value <= LateToleranceMilliseconds) Add(now, beforePascals);
                _sampleDue = Milliseconds.Never;
            }
            if (strokes <= 0) return;
            // Another stroke before the decay reading spoils it; only a single stroke has a known jump.
            _sampleDue = Milliseconds.Never;
            if (strokes != 1 || now < _nextWindow || !beforeOk || !afterOk) return;
            int jump = afterPascals - beforePascals;
            if (jump < MinimumJumpPascals) return;
            _before = beforePascals;
            _jump = jump;
            _sampleDue = new Milliseconds(now.Value + DecayMilliseconds);
        }

        private void Add(Milliseconds now, int pascals)
        {
            long retention = (long)(pascals - _before) * 1000 / _jump;
            if (retention > RetentionLimitPerMille) retention = RetentionLimitPerMille;
            if (retention < -RetentionLimitPerMille) retention = -RetentionLimitPerMille;
            _window[_count++] = retention;
            if (_count < WindowStrokes) return;
            _count = 0;
            _nextWindow = new Milliseconds(now.Value + WindowIntervalMilliseconds);
            Windows++;
            LastWindowAt = now;
            RetentionPerMille = (int)MiddleMean.OfMiddleHalf(_window);
            if (_baselineCount < BaselineWindows)
            {
                _learned[_baselineCount++] = RetentionPerMille;
                if (_baselineCount == BaselineWindows) _baseline = MiddleMean.OfMiddleTwo(_learned);
                return;
            }
            // LINE-RESISTANCE-RISE: the window's retention a quarter of a stroke above the patient's own, windows in a row.
            _run = RetentionPerMille >= _baseline + RisePerMille ? _run + 1 : 0;
        }
    }
}
