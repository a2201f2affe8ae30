using System;
using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Therapy
{
    /// <summary>
    /// The therapy of one pump: the committed prescription and its rate profile, and the programming
    /// transaction that changes them. What it runs on has its own types: <see cref="CatheterLine"/>
    /// (priming, bridge), <see cref="DoseIntegral"/> (delivered mass, rolling 24 h ledger),
    /// <see cref="BolusHistory"/> and <see cref="BolusRequests"/>, <see cref="RefillSession"/>,
    /// <see cref="TherapyPlanner"/>; the computed reservoir is read from its owner (RESERVOIR-ONE-MODEL).
    /// It is driven by <see cref="Tick"/> with the HAL clock's time and never reads a clock itself. The pump controller runs a <see cref="DosingScheduler"/> over
    /// <see cref="Profile"/>; whenever <see cref="Revision"/> changes it must call
    /// <c>ChangeProfile</c> (if the profile object changed) or <c>Replan</c> (a bolus was laid over it).
    ///
    /// Safety rules kept here (each has a test in tests/unit/Therapy and a line in docs/therapy.md):
    /// - PROGRAMMING-IS-A-TRANSACTION: a prescription is checked, its plan built completely, and only
    ///   then swapped in; any refusal, expiry or fault leaves the previous therapy running.
    /// - ROLLING-24H-LIMIT: no plan and no bolus is accepted whose forecast rolling 24 h dose exceeds
    ///   the drug's hard daily limit; a bolus is refused in advance, never cut midway.
    /// - PATIENT-LOCKOUT and PATIENT-MAX-PER-24H: counted from grants, which survive reprogramming.
    /// - PRIME-BEFORE-THERAPY: an empty line is filled at the priming rate before the basal starts;
    ///   the ledger counts no drug until the drug reaches the tip.
    /// - BRIDGE-AT-OLD-RATE: after a drug or concentration change the old drug is pushed out of the
    ///   line at the old prescription's rate; the new prescription starts when the new drug reaches the tip.
    /// - BRIDGE-NO-BOLUS: no bolus, and no reprogramming to another drug than the incoming one, while
    ///   a bridge runs: extra volume would bring the new drug to the tip early, at the old rate.
    /// - STOP-STOPS-ALL: programming "stopped" ends running boluses too; other reprogramming of the
    ///   same drug carries running boluses over (they are never cut midway by a rate change).
    /// - EVERY-REFUSAL-LOGGED: every refusal reason goes to the recorder.
    /// </summary>
    public sealed class InfusionTherapy
    {
        /// <summary>A programming session left open longer than this is expired (the programmer went away).</summary>
        public static readonly Milliseconds SessionTimeout = Milliseconds.FromMinutes(10);

        /// <summary>Patient-bolus grants remembered (<see cref="BolusHistory.GrantCapacity"/>).</summary>
        public const int GrantCapacity = BolusHistory.GrantCapacity;

        private PumpConfiguration _config;
        private readonly DrugLibrary _library;
        private readonly ITherapyRecorder _recorder;
        private readonly TherapyRecordRing _records;
        private readonly DoseForecast _forecast = new DoseForecast();
        private readonly IReservoirGauge _gauge;
        private readonly CatheterLine _line;
        private readonly DoseIntegral _integral;
        private readonly BolusHistory _history = new BolusHistory();
        private readonly BolusRequests _boluses;
        private TherapyPlan _plan;
        private int _revision;
        private int _sessionSerial;
        private Drug _reservoirDrug = Drug.None;
        private Milliseconds _filledAt = Milliseconds.Never;

        /// <summary>Test hook: runs after the plan is built and checked, just before the swap, to simulate an interruption.</summary>
        internal Action? FaultBeforeCommit { get; set; }

        /// <param name="reservoir">The computed reservoir's owner (RESERVOIR-ONE-MODEL): the therapy reads it and reports refills to it.</param>
        public InfusionTherapy(PumpConfiguration config, DrugLibrary library, ITherapyRecorder? recorder, IReservoirGauge reservoir, Milliseconds now)
        {
            _config = config;
            _gauge = reservoir;
            _library = library;
            _records = new TherapyRecordRing(64);
            if (recorder != null) _records.Next = recorder;
            _recorder = _records;
            _line = new CatheterLine(config.LineVolume);
            _integral = new DoseIntegral(now);
            _boluses = new BolusRequests(this, _history);
            _plan = new TherapyPlan(Prescription.Stopped(Drug.None), null, new ConstantRate(NanolitersPerHour.Zero), TipSchedule.Steady(new MicrogramsPerMilliliter(0)), now, Drug.None, false);
        }

        public PumpConfiguration Configuration { get { return _config; } }
        public DrugLibrary Library { get { return _library; } }

        /// <summary>The latest records (refusals, grants, alerts); the persistent log hooks in via <see cref="TherapyRecordRing.Next"/>.</summary>
        public TherapyRecordRing Records { get { return _records; } }

        public TherapyPlan Plan { get { return _plan; } }
        public Prescription Prescription { get { return _plan.Prescription; } }

        /// <summary>The rate profile the dosing scheduler must run.</summary>
        public BolusOverlays Profile { get { return _plan.Profile; } }

        /// <summary>Changes whenever the profile or its future changed.</summary>
        public int Revision { get { return _revision; } }

        public CatheterLine Line { get { return _line; } }
        public DoseIntegral Integral { get { return _integral; } }
        public BolusHistory Boluses { get { return _history; } }
        public DoseLedger Ledger { get { return _integral.Ledger; } }

        /// <summary>The volume every plan since start-up asked for: the exact integral of the rate profiles (the simulator's "prescribed").</summary>
        public Nanoliters PlannedVolume { get { return _integral.PlannedVolume; } }

        /// <summary>All drug mass that left the catheter tip since start-up (never cleared; a trial report's numerator).</summary>
        public Nanograms DeliveredMass { get { return _integral.DeliveredMass; } }
        public Drug LineDrug { get { return _line.Drug; } }

        /// <summary>The drug in the reservoir (set by a refill).</summary>
        public Drug ReservoirDrug { get { return _reservoirDrug; } internal set { _reservoirDrug = value; } }

        /// <summary>The computed reservoir (RESERVOIR-ONE-MODEL), read from its owner.</summary>
        public Nanoliters ReservoirVolume { get { return _gauge.Computed; } }

        public bool ReservoirLow { get { return _gauge.Computed <= _gauge.LowThreshold; } }

        /// <summary>When the reservoir was last filled; Never before the first fill.</summary>
        public Milliseconds FilledAt { get { return _filledAt; } internal set { _filledAt = value; } }

        /// <summary>
        /// DRUG-STABILITY-LIMIT: when the fill has been in the reservoir for the drug library's maximum
        /// time for the drug (a drug not in the library: the default); Never before a fill.
        /// </summary>
        public Milliseconds DrugExpiresAt
        {
            get
            {
                if (_filledAt.IsNever || _reservoirDrug.IsNone) return Milliseconds.Never;
                DrugLimits? limits = _library.Find(_reservoirDrug.Name);
                return _filledAt + (limits == null ? DrugLimits.DefaultMaxReservoirTime : limits.MaxReservoirTime);
            }
        }

        /// <summary>
        /// The next refill date: the earlier of the instant the reservoir reaches its low threshold at the
        /// worst-case daily volume (the alert before empty) and the drug's expiry (DRUG-STABILITY-LIMIT).
        /// </summary>
        public Milliseconds NextRefillAt(Nanoliters reservoir, Milliseconds now)
        {
            Milliseconds due = Milliseconds.Never;
            long perDay = WorstCaseDailyVolume.Value;
            if (perDay > 0)
            {
                long aboveLow = reservoir.Value - _gauge.LowThreshold.Value;
                due = now + new Milliseconds(aboveLow <= 0 ? 0 : aboveLow * Milliseconds.PerDay / perDay);
            }
            Milliseconds expires = DrugExpiresAt;
            return expires < due ? expires : due;
        }

        /// <summary>When the new drug reaches the catheter tip after a priming or bridge bolus; Never if none is pending.</summary>
        public Milliseconds TipArrival { get { return _line.Flushing ? _plan.TipArrival : Milliseconds.Never; } }

        /// <summary>True while a priming or bridge bolus still pushes the line.</summary>
        public bool Flushing { get { return _line.Flushing; } }

        /// <summary>The rolling 24 h dose recorded up to the last tick (conservative, see <see cref="DoseLedger"/>).</summary>
        public Nanograms RollingDose { get { return _integral.RollingDose; } }

        /// <summary>The daily dose of the running prescription, zero when stopped.</summary>
        public Nanograms CurrentDailyDose { get { return _plan.Prescription.Mode == DeliveryMode.Stopped ? Nanograms.Zero : _plan.Prescription.DailyDose; } }

        public int PatientBolusesGranted { get { return _history.PatientGranted; } }
        public int PatientBolusesRefused { get { return _history.PatientRefused; } }
        public int ClinicianBolusesGranted { get { return _history.ClinicianGranted; } }
        public int ClinicianBolusesRefused { get { return _history.ClinicianRefused; } }

        /// <summary>Patient boluses granted in (now - 24 h, now].</summary>
        public int PatientBolusesInLast24Hours(Milliseconds now) { return _history.PatientInLast24Hours(now); }

        /// <summary>When the last patient bolus was granted; Never if none.</summary>
        public Milliseconds LastPatientBolus { get { return _history.LastPatient; } }

        internal ITherapyRecorder Recorder { get { return _recorder; } }
        internal IReservoirGauge Gauge { get { return _gauge; } }
        internal DoseForecast Forecast { get { return _forecast; } }

        /// <summary>The profile or its future changed: the pump hands it to the motor again.</summary>
        internal void Changed() { _revision++; }

        /// <summary>Brings the dose integral and the line up to <paramref name="now"/>.</summary>
        public void Tick(Milliseconds now)
        {
            while (_integral.IntegratedTo < now)
            {
                Milliseconds from = _integral.IntegratedTo;
                Milliseconds change;
                NanolitersPerHour rate = _plan.Profile.RateAt(from, out change);
                Milliseconds end = Milliseconds.Min(change, now);
                Milliseconds bucketEnd = DoseLedger.StartOf(DoseLedger.BucketOf(from) + 1);
                end = Milliseconds.Min(end, bucketEnd);
                Milliseconds arrival = TipArrival;
                if (from < arrival) end = Milliseconds.Min(end, arrival);
                _line.Pushed(_integral.Integrate(rate, end, _plan.Tip));
                if (end == arrival) NewDrugAtTip(end);
            }
            _plan.Profile.Expire(now);
        }

        private void NewDrugAtTip(Milliseconds at)
        {
            Drug incoming = _line.Arrived(_config.LineVolume, _plan.Prescription);
            _integral.NewDrugAtTip(incoming.Name);
            _recorder.Record(at, TherapyRecordKind.NewDrugAtTip, TherapyError.None, incoming.Concentration.Value, incoming.ToString() + " reached the catheter tip at " + at.ToString());
        }

        /// <summary>The patient pressed the bolus button (<see cref="BolusRequests"/>).</summary>
        public CheckReport RequestPatientBolus(Milliseconds now) { return _boluses.RequestPatientBolus(now); }

        /// <summary>A clinician bolus of <paramref name="dose"/> over <paramref name="duration"/> (<see cref="BolusRequests"/>).</summary>
        public CheckReport RequestClinicianBolus(Micrograms dose, Milliseconds duration, bool confirmed, Milliseconds now) { return _boluses.RequestClinicianBolus(dose, duration, confirmed, now); }

        /// <summary>
        /// BOLUS-ABANDONED-AFTER-OUTAGE: ends every running bolus at <paramref name="now"/> - the rest of it
        /// is never given - and returns how many there were. Grants, lockouts and the dose given so far stay.
        /// </summary>
        public int AbandonBoluses(Milliseconds now)
        {
            int running = _history.RunningAt(now);
            if (running == 0) return 0;
            BolusOverlays profile = _plan.Profile;
            for (int slot = 0; slot < BolusOverlays.Capacity; slot++) profile.EndAt(slot, now);
            _history.Forget();
            _revision++;
            return running;
        }

        /// <summary>Starts a refill: the expected residual is the computed reservoir now.</summary>
        public RefillSession BeginRefill(Milliseconds now)
        {
            Tick(now);
            return new RefillSession(this, _gauge.Computed, now);
        }

        /// <summary>The most one day can take from the reservoir: the basal plus every allowed patient bolus.</summary>
        public Nanoliters WorstCaseDailyVolume
        {
            get
            {
                Prescription p = _plan.Prescription;
                if (p.Mode == DeliveryMode.Stopped) return Nanoliters.Zero;
                long volume = p.DailyVolume.Value;
                if (p.PatientBolus != null) volume += p.Drug.Concentration.VolumeOf(p.PatientBolus.Dose).Value * p.PatientBolus.MaxPer24Hours;
                return new Nanoliters(volume);
            }
        }

        /// <summary>
        /// TRIAL-TO-IMPLANT: the documented programming step from the external trial pump to the
        /// implanted pump. The therapy stops, the implanted pump's configuration (its limits, sensors,
        /// alarms) replaces the trial's, the line is a new catheter (empty: the next prescription
        /// starts with a priming bolus) and the reservoir is empty until the implant refill. The dose
        /// ledger and patient-bolus history are kept: it is the same patient's last 24 hours.
        /// </summary>
        public CheckReport MoveToImplant(PumpConfiguration implanted, Milliseconds now)
        {
            Tick(now);
            CheckReport report = new CheckReport();
            if (_config.Stage != PumpStage.Trial || implanted.Stage != PumpStage.Implanted)
            {
                report.Add(TherapyError.StageChangeNotAllowed, CheckOutcome.Refused,
                    "stage change from " + PumpStageName.Of(_config.Stage) + " to " + PumpStageName.Of(implanted.Stage) + ": the limit is trial to implanted");
                return Refuse(report, TherapyRecordKind.ProgrammingRefused, now);
            }
            Program(Prescription.Stopped(_plan.Prescription.Drug), false, now);
            _config = implanted;
            _line.Replaced(implanted.LineVolume);
            _reservoirDrug = Drug.None;
            _gauge.Unfilled();
            _revision++;
            _recorder.Record(now, TherapyRecordKind.ProgrammingCommitted, TherapyError.None, 0, "moved from trial to implanted pump: stopped, new catheter to prime, reservoir to fill");
            return report;
        }

        /// <summary>
        /// Programs a prescription in one transaction: checks P1..P9 (see <see cref="PrescriptionChecks"/>),
        /// then builds the complete plan, then swaps it in. Unless the report says Accepted, nothing changed.
        /// </summary>
        public CheckReport Program(Prescription p, bool confirmed, Milliseconds now)
        {
            return Evaluate(p, confirmed, now, true);
        }

        /// <summary>
        /// REVIEW-BEFORE-COMMIT: every check Program would run, on the plan it would build, with soft
        /// limits unconfirmed - and nothing changes or is logged. The programmer's review screen shows
        /// this before the clinician confirms.
        /// </summary>
        public CheckReport Review(Prescription p, Milliseconds now)
        {
            return Evaluate(p, false, now, false);
        }

        private CheckReport Evaluate(Prescription p, bool confirmed, Milliseconds now, bool commit)
        {
            Tick(now);
            CheckReport report = new CheckReport();
            if (_line.Flushing && p.Mode != DeliveryMode.Stopped && !p.Drug.SameAs(_line.Incoming))
            {
                report.Add(TherapyError.BridgeInProgress, CheckOutcome.Refused,
                    "drug " + p.Drug.ToString() + " cannot be programmed while the line still holds " + _line.Drug.ToString() + " ahead of " + _line.Incoming.ToString() + "; the limit is " + _line.Incoming.ToString() + " or stop");
            }
            if (!_reservoirDrug.IsNone && p.Mode != DeliveryMode.Stopped && !p.Drug.SameAs(_reservoirDrug))
            {
                report.Add(TherapyError.ReservoirDrugMismatch, CheckOutcome.Refused,
                    "drug " + p.Drug.ToString() + " is not the reservoir's drug " + _reservoirDrug.ToString() + " (refill to change it)");
            }
            DrugLimits? limits = PrescriptionChecks.Run(p, _library, _config, CurrentDailyDose, confirmed, report);
            PatientBolusSettings? pb = p.PatientBolus;
            if (pb != null && pb.MaxPer24Hours > BolusHistory.GrantCapacity)
            {
                report.Add(TherapyError.BolusCountAboveHardLimit, CheckOutcome.Refused,
                    "patient boluses per 24 h " + pb.MaxPer24Hours.ToString() + " is above the pump's limit " + BolusHistory.GrantCapacity.ToString());
            }
            // EVERY-REFUSAL-LOGGED: a review that finds a hard limit is logged too (the programmer then never commits).
            if (!report.Accepted) return commit || report.Refused ? Refuse(report, TherapyRecordKind.ProgrammingRefused, now) : report;

            TherapyPlan? plan = null;
            try
            {
                plan = TherapyPlanner.Build(p, limits, now, _line, _config, _library, report);
                if (plan != null && p.Mode != DeliveryMode.Stopped && !plan.Flushes) _history.CarryInto(plan.Profile, now);
                if (plan != null && limits != null && p.Mode != DeliveryMode.Stopped)
                {
                    bool sameDrugAtTip = _integral.LedgerDrug == p.Drug.Name;
                    TipSchedule forecastTip = sameDrugAtTip ? plan.Tip : new TipSchedule(new MicrogramsPerMilliliter(0), plan.Tip.SwitchAt, plan.Tip.After);
                    Nanograms beyond = p.DailyDose;
                    if (plan.Flushes && plan.Tip.SwitchAt > now + Milliseconds.FromDays(1) && sameDrugAtTip && _line.LastRunning != null)
                    {
                        beyond = beyond + Nanograms.InVolumeRoundedUp(_line.LastRunning.DailyVolume, plan.Tip.Before);
                    }
                    Nanograms peak = _forecast.PeakWindow(sameDrugAtTip ? _integral.Ledger : EmptyLedger, now, plan.Profile, null, forecastTip, beyond, limits.DailyDoseHard);
                    PrescriptionChecks.CheckRollingForecast(peak, limits, report);
                }
                if (FaultBeforeCommit != null) FaultBeforeCommit();
            }
            catch (Exception e)
            {
                report.Add(TherapyError.ProgrammingIncomplete, CheckOutcome.Refused, "programming interrupted before commit (" + e.Message + "); the previous therapy continues");
            }
            if (!report.Accepted || plan == null) return commit || report.Refused ? Refuse(report, TherapyRecordKind.ProgrammingRefused, now) : report;
            if (!commit) return report;

            // The commit: from here on nothing can fail.
            _plan = plan;
            _revision++;
            if (plan.Flushes)
            {
                _line.StartFlush(plan.IncomingDrug, _config.LineVolume);
                _history.Forget();
            }
            else if (p.Mode != DeliveryMode.Stopped)
            {
                _line.Runs(p);
                _integral.LedgerFor(p.Drug.Name);
            }
            else
            {
                _history.Forget();
            }
            for (int i = 0; i < report.Count; i++)
            {
                if (report[i].Outcome == CheckOutcome.Confirmed) _recorder.Record(now, TherapyRecordKind.Confirmed, report[i].Code, 0, report[i].Message);
            }
            _recorder.Record(now, TherapyRecordKind.ProgrammingCommitted, TherapyError.None, p.DailyDose.Value,
                DeliveryModeName.Of(p.Mode) + " " + p.Drug.ToString() + ", daily dose " + p.DailyDose.ToString());
            return report;
        }

        private static readonly DoseLedger EmptyLedger = new DoseLedger();

        /// <summary>
        /// THERAPY-SURVIVES-RESET: copies the state into <paramref name="s"/> (no allocation: prescriptions
        /// are immutable and shared). The plan is not stored as objects: <see cref="Restore"/> rebuilds it
        /// by the rules that built it (<see cref="TherapyPlanner.Rebuild"/>).
        /// </summary>
        public void Save(TherapySnapshot s)
        {
            s.Stage = _config.Stage;
            s.LowReservoirThreshold = _gauge.LowThreshold;
            s.TimeOfDayAtZero = _config.TimeOfDayAtZero;
            s.LargeChangePercent = _config.LargeChangePercent;
            s.Prescription = _plan.Prescription;
            s.CommittedAt = _plan.CommittedAt;
            s.Flushes = _plan.Flushes;
            s.IncomingDrug = _plan.IncomingDrug;
            s.Tip = _plan.Tip;
            _line.Save(s);
            s.ReservoirDrug = _reservoirDrug;
            s.FilledAt = _filledAt;
            _integral.Save(s);
            _history.Save(s, _integral.IntegratedTo);
        }

        /// <summary>
        /// A therapy as <paramref name="s"/> left it. <paramref name="config"/> is the pump's configuration
        /// for the saved stage; its clinician-set fields are taken from the snapshot. Lockouts and 24 h counts
        /// come back from the grant times, the rolling dose from the ledger's hourly sums.
        /// </summary>
        public static InfusionTherapy Restore(TherapySnapshot s, PumpConfiguration config, DrugLibrary library, ITherapyRecorder? recorder, IReservoirGauge reservoir)
        {
            config.TimeOfDayAtZero = s.TimeOfDayAtZero;
            config.LargeChangePercent = s.LargeChangePercent;
            InfusionTherapy t = new InfusionTherapy(config, library, recorder, reservoir, s.IntegratedTo);
            t._line.Restore(s);
            t._reservoirDrug = s.ReservoirDrug;
            t._filledAt = s.FilledAt;
            t._integral.Restore(s);
            t._plan = TherapyPlanner.Rebuild(s, config, library);
            t._history.Restore(s, t._plan.Profile);
            t._revision = 1;
            return t;
        }

        internal CheckReport Refuse(CheckReport report, TherapyRecordKind kind, Milliseconds now)
        {
            for (int i = 0; i < report.Count; i++)
            {
                CheckOutcome o = report[i].Outcome;
                if (o != CheckOutcome.Refused && o != CheckOutcome.NeedsConfirmation) continue;
                if (report[i].HasLimit) _recorder.RecordLimit(now, kind, report[i]);
                else _recorder.Record(now, kind, report[i].Code, 0, report[i].Message);
            }
            if (report.Dropped > 0) _recorder.Record(now, kind, TherapyError.None, 0, report.Dropped.ToString() + " further reasons were dropped");
            return report;
        }

        /// <summary>Opens a programming session; any older open session is superseded and can no longer commit.</summary>
        public ProgrammingSession OpenProgramming(Milliseconds now)
        {
            _sessionSerial++;
            return new ProgrammingSession(this, _sessionSerial, now);
        }

        internal CheckReport CommitSession(ProgrammingSession session, Prescription? pending, bool confirmed, Milliseconds now)
        {
            CheckReport report = new CheckReport();
            if (session.Serial != _sessionSerial)
            {
                report.Add(TherapyError.ProgrammingSessionSuperseded, CheckOutcome.Refused, "programming session " + session.Serial.ToString() + " was superseded by session " + _sessionSerial.ToString() + "; the previous therapy continues");
            }
            else if (now - session.OpenedAt > SessionTimeout)
            {
                report.Add(TherapyError.ProgrammingSessionExpired, CheckOutcome.Refused, "programming session open for " + (now - session.OpenedAt).ToString() + " is above the limit " + SessionTimeout.ToString() + "; the previous therapy continues");
            }
            else if (pending == null)
            {
                report.Add(TherapyError.ProgrammingIncomplete, CheckOutcome.Refused, "programming session has no complete prescription; the previous therapy continues");
            }
            if (!report.Accepted)
            {
                Tick(now);
                return Refuse(report, TherapyRecordKind.ProgrammingRefused, now);
            }
            _sessionSerial++;
            return Program(pending!, confirmed, now);
        }
    }
}
