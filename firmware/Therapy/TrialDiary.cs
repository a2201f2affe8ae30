using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Therapy
{
    /// <summary>
    /// The trial's patient diary: pain scores (0-10), activity entries and side effects with their
    /// severity, with their times, in
    /// preallocated storage. Entries before <see cref="TrialStart"/> are the baseline. Entries must
    /// come in time order (a diary is written as the days go; an out-of-order entry is an entry error).
    /// </summary>
    public sealed class TrialDiary
    {
        public const int Capacity = 256;
        public const int MaxPain = 10;
        /// <summary>An activity entry covers at most one day.</summary>
        public const int MaxActivityMinutes = 24 * 60;

        private readonly long[] _at = new long[Capacity];
        private readonly int[] _pain = new int[Capacity];
        private readonly ActivityKind[] _activity = new ActivityKind[Capacity];
        private readonly int[] _minutes = new int[Capacity];
        private readonly SideEffectKind[] _effect = new SideEffectKind[Capacity];
        private readonly SideEffectSeverity[] _severity = new SideEffectSeverity[Capacity];
        private int _count;

        private Milliseconds _trialStart = Milliseconds.Never;
        private Nanograms _deliveredAtStart;
        private int _grantedAtStart;
        private int _refusedAtStart;
        private int _baselineEntries;

        /// <summary>Opens the diary when the trial infusion starts; counters are taken from the therapy now.</summary>
        public TrialDiary(Milliseconds trialStart, InfusionTherapy therapy)
        {
            StartTrial(trialStart, therapy);
        }

        /// <summary>
        /// A diary before the trial infusion (every entry is baseline until <see cref="StartTrial"/>), or,
        /// after a reset, one whose trial started at <paramref name="trialStart"/> with these counters and
        /// <paramref name="baselineEntries"/> entries made before it.
        /// </summary>
        public TrialDiary(Milliseconds trialStart, Nanograms deliveredAtStart, int grantedAtStart, int refusedAtStart, int baselineEntries)
        {
            _baselineEntries = baselineEntries;
            _trialStart = trialStart;
            _deliveredAtStart = deliveredAtStart;
            _grantedAtStart = grantedAtStart;
            _refusedAtStart = refusedAtStart;
        }

        /// <summary>True once the trial infusion has started (entries from then on are trial, not baseline).</summary>
        public bool TrialStarted { get { return !_trialStart.IsNever; } }

        /// <summary>The trial infusion starts now: later entries count as trial, and the report counts from the therapy's counters now.</summary>
        public void StartTrial(Milliseconds at, InfusionTherapy therapy)
        {
            _trialStart = at;
            _baselineEntries = _count;
            therapy.Tick(at);
            _deliveredAtStart = therapy.DeliveredMass;
            _grantedAtStart = therapy.PatientBolusesGranted;
            _refusedAtStart = therapy.PatientBolusesRefused;
        }

        public Milliseconds TrialStart { get { return _trialStart; } }
        public Nanograms DeliveredAtStart { get { return _deliveredAtStart; } }
        public int GrantedAtStart { get { return _grantedAtStart; } }
        public int RefusedAtStart { get { return _refusedAtStart; } }
        public int Count { get { return _count; } }

        /// <summary>Entries made before the trial infusion started (by order of entry, so one made in the same millisecond still counts).</summary>
        public int BaselineEntries { get { return TrialStarted ? _baselineEntries : _count; } }

        /// <summary>Baseline: entered before the trial started, or dated before it (a back-dated entry).</summary>
        public bool IsBaseline(int i) { return i < BaselineEntries || _at[i] < _trialStart.Value; }

        public Milliseconds At(int i) { return new Milliseconds(_at[i]); }
        /// <summary>The pain score of entry i, or -1 for an activity entry, -2 for a side effect.</summary>
        public int Pain(int i) { return _pain[i]; }
        public ActivityKind Activity(int i) { return _activity[i]; }
        /// <summary>Activity minutes of entry i, 0 for a pain entry.</summary>
        public int Minutes(int i) { return _minutes[i]; }

        /// <summary>True if entry i records a side effect (<see cref="SideEffect"/>, <see cref="Severity"/>).</summary>
        public bool IsSideEffect(int i) { return _pain[i] == SideEffectEntry; }
        public SideEffectKind SideEffect(int i) { return _effect[i]; }
        public SideEffectSeverity Severity(int i) { return _severity[i]; }

        private const int ActivityEntry = -1;
        private const int SideEffectEntry = -2;

        public CheckReport AddPain(Milliseconds at, int score)
        {
            CheckReport report = CheckEntry(at);
            if (score < 0 || score > MaxPain)
            {
                report.Add(TherapyError.DiaryPainOutOfRange, CheckOutcome.Refused, "pain score " + score.ToString() + " is outside the limit 0.." + MaxPain.ToString());
            }
            if (report.Accepted) Store(at, score, ActivityKind.Other, 0, SideEffectSeverity.None, SideEffectKind.NauseaVomiting);
            return report;
        }

        public CheckReport AddActivity(Milliseconds at, ActivityKind kind, int minutes)
        {
            CheckReport report = CheckEntry(at);
            if (minutes <= 0 || minutes > MaxActivityMinutes)
            {
                report.Add(TherapyError.DiaryActivityMinutesOutOfRange, CheckOutcome.Refused, "activity minutes " + minutes.ToString() + " is outside the limit 1.." + MaxActivityMinutes.ToString());
            }
            if (report.Accepted) Store(at, ActivityEntry, kind, minutes, SideEffectSeverity.None, SideEffectKind.NauseaVomiting);
            return report;
        }

        /// <summary>A side effect and how bad it is (mild, moderate or severe).</summary>
        public CheckReport AddSideEffect(Milliseconds at, SideEffectKind kind, SideEffectSeverity severity)
        {
            CheckReport report = CheckEntry(at);
            if ((int)kind < 0 || (int)kind >= SideEffectName.Count)
            {
                report.Add(TherapyError.DiarySideEffectOutOfRange, CheckOutcome.Refused, "side effect " + ((int)kind).ToString() + " is outside the limit 0.." + (SideEffectName.Count - 1).ToString());
            }
            if (severity < SideEffectSeverity.Mild || severity > SideEffectSeverity.Severe)
            {
                report.Add(TherapyError.DiarySideEffectOutOfRange, CheckOutcome.Refused, "side-effect severity " + ((int)severity).ToString() + " is outside the limit 1..3 (mild, moderate, severe)");
            }
            if (report.Accepted) Store(at, SideEffectEntry, ActivityKind.Other, 0, severity, kind);
            return report;
        }

        private CheckReport CheckEntry(Milliseconds at)
        {
            CheckReport report = new CheckReport();
            if (_count == Capacity)
            {
                report.Add(TherapyError.DiaryFull, CheckOutcome.Refused, "diary entries " + _count.ToString() + " reached the limit " + Capacity.ToString());
            }
            if (_count > 0 && at.Value < _at[_count - 1])
            {
                report.Add(TherapyError.DiaryTimeOutOfOrder, CheckOutcome.Refused, "diary time " + at.ToString() + " is before the limit of the last entry " + new Milliseconds(_at[_count - 1]).ToString());
            }
            return report;
        }

        private void Store(Milliseconds at, int pain, ActivityKind kind, int minutes, SideEffectSeverity severity, SideEffectKind effect)
        {
            _effect[_count] = effect;
            _severity[_count] = severity;
            _at[_count] = at.Value;
            _pain[_count] = pain;
            _activity[_count] = kind;
            _minutes[_count] = minutes;
            _count++;
        }
    }
}
