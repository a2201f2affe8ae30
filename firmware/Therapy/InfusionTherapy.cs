using System;
using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Therapy
{
    /// <summary>
    /// The therapy of one pump: the committed prescription and its rate profile, the catheter line's
    /// content (priming, bridge), the rolling 24 h dose ledger, patient-bolus history, and the
    /// computed reservoir. It is driven by <see cref="Tick"/> with the HAL clock's time and never
    /// reads a clock itself. The pump controller runs a <see cref="DosingScheduler"/> over
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
    public sealed partial class InfusionTherapy
    {
        /// <summary>A programming session left open longer than this is expired (the programmer went away).</summary>
        public static readonly Milliseconds SessionTimeout = Milliseconds.FromMinutes(10);

        /// <summary>Longest bridge or priming the pump will plan; a slower one is refused (the line would hold old drug for weeks).</summary>
        public static readonly Milliseconds MaxFlushDuration = Milliseconds.FromDays(30);

        private PumpConfiguration _config;
        private readonly DrugLibrary _library;
        private readonly ITherapyRecorder _recorder;
        private readonly TherapyRecordRing _records;
        private readonly DoseLedger _ledger = new DoseLedger();
        private readonly DoseForecast _forecast = new DoseForecast();

        private TherapyPlan _plan;
        private int _revision;
        private int _sessionSerial;

        // The catheter line: _lineDrug fills it up to the tip (None = empty/saline); if _lineNext is
        // not None, _lineOldVolume of _lineDrug is still ahead of it.
        private Drug _lineDrug = Drug.None;
        private Drug _lineNext = Drug.None;
        private Nanoliters _lineOldVolume;
        private Prescription? _lastRunning;

        private readonly IReservoirGauge _gauge;
        private Drug _reservoirDrug = Drug.None;
        private Milliseconds _filledAt = Milliseconds.Never;

        private string _ledgerDrug = "";
        private long _deliveredMass;
        private long _plannedVolume;
        private Milliseconds _integratedTo;
        private long _volumeRemainder;
        private long _massRemainder;

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
            _integratedTo = now;
            _lineOldVolume = config.LineVolume;
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

        public DoseLedger Ledger { get { return _ledger; } }

        /// <summary>The volume every plan since start-up asked for: the exact integral of the rate profiles (the simulator's "prescribed").</summary>
        public Nanoliters PlannedVolume { get { return new Nanoliters(_plannedVolume); } }

        /// <summary>All drug mass that left the catheter tip since start-up (never cleared; a trial report's numerator).</summary>
        public Nanograms DeliveredMass { get { return new Nanograms(_deliveredMass); } }
        public Drug LineDrug { get { return _lineDrug; } }
        public Drug ReservoirDrug { get { return _reservoirDrug; } }

        /// <summary>The computed reservoir (RESERVOIR-ONE-MODEL), read from its owner.</summary>
        public Nanoliters ReservoirVolume { get { return _gauge.Computed; } }

        public bool ReservoirLow { get { return _gauge.Computed <= _gauge.LowThreshold; } }

        /// <summary>When the reservoir was last filled; Never before the first fill.</summary>
        public Milliseconds FilledAt { get { return _filledAt; } }

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
        public Milliseconds TipArrival { get { return _lineNext.IsNone ? Milliseconds.Never : _plan.TipArrival; } }

        /// <summary>True while a priming or bridge bolus still pushes the line.</summary>
        public bool Flushing { get { return !_lineNext.IsNone; } }

        /// <summary>The rolling 24 h dose recorded up to the last tick (conservative, see <see cref="DoseLedger"/>).</summary>
        public Nanograms RollingDose { get { return _ledger.InLast24Hours(_integratedTo); } }

        /// <summary>The daily dose of the running prescription, zero when stopped.</summary>
        public Nanograms CurrentDailyDose { get { return _plan.Prescription.Mode == DeliveryMode.Stopped ? Nanograms.Zero : _plan.Prescription.DailyDose; } }

        /// <summary>Brings the ledger and the line up to <paramref name="now"/>.</summary>
        public void Tick(Milliseconds now)
        {
            while (_integratedTo < now)
            {
                Milliseconds change;
                NanolitersPerHour rate = _plan.Profile.RateAt(_integratedTo, out change);
                Milliseconds end = Milliseconds.Min(change, now);
                Milliseconds bucketEnd = DoseLedger.StartOf(DoseLedger.BucketOf(_integratedTo) + 1);
                end = Milliseconds.Min(end, bucketEnd);
                Milliseconds arrival = TipArrival;
                if (_integratedTo < arrival) end = Milliseconds.Min(end, arrival);
                Deliver(rate, end);
                if (end == arrival) NewDrugAtTip(end);
            }
            _plan.Profile.Expire(now);
        }

        private void Deliver(NanolitersPerHour rate, Milliseconds end)
        {
            long accumulated = _volumeRemainder + rate.Value * (end - _integratedTo).Value;
            long volume = accumulated / Milliseconds.PerHour;
            _volumeRemainder = accumulated % Milliseconds.PerHour;
            _plannedVolume += volume;
            if (volume > 0)
            {
                if (!_lineNext.IsNone)
                {
                    _lineOldVolume = volume >= _lineOldVolume.Value ? Nanoliters.Zero : new Nanoliters(_lineOldVolume.Value - volume);
                }
                long picograms = _massRemainder + volume * _plan.Tip.At(_integratedTo).Value;
                _massRemainder = picograms % 1000;
                _ledger.Record(DoseLedger.BucketOf(_integratedTo), new Nanograms(picograms / 1000));
                _deliveredMass += picograms / 1000;
            }
            _integratedTo = end;
        }

        private void NewDrugAtTip(Milliseconds at)
        {
            Drug incoming = _lineNext;
            _lineDrug = incoming;
            _lineNext = Drug.None;
            _lineOldVolume = _config.LineVolume;
            _massRemainder = 0;
            Prescription running = _plan.Prescription;
            if (running.HasBasal && running.Drug.SameAs(incoming)) _lastRunning = running;
            LedgerFor(incoming.Name);
            _recorder.Record(at, TherapyRecordKind.NewDrugAtTip, TherapyError.None, incoming.Concentration.Value, incoming.ToString() + " reached the catheter tip at " + at.ToString());
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
            if (Flushing && p.Mode != DeliveryMode.Stopped && !p.Drug.SameAs(_lineNext))
            {
                report.Add(TherapyError.BridgeInProgress, CheckOutcome.Refused,
                    "drug " + p.Drug.ToString() + " cannot be programmed while the line still holds " + _lineDrug.ToString() + " ahead of " + _lineNext.ToString() + "; the limit is " + _lineNext.ToString() + " or stop");
            }
            if (!_reservoirDrug.IsNone && p.Mode != DeliveryMode.Stopped && !p.Drug.SameAs(_reservoirDrug))
            {
                report.Add(TherapyError.ReservoirDrugMismatch, CheckOutcome.Refused,
                    "drug " + p.Drug.ToString() + " is not the reservoir's drug " + _reservoirDrug.ToString() + " (refill to change it)");
            }
            DrugLimits? limits = PrescriptionChecks.Run(p, _library, _config, CurrentDailyDose, confirmed, report);
            PatientBolusSettings? pb = p.PatientBolus;
            if (pb != null && pb.MaxPer24Hours > GrantCapacity)
            {
                report.Add(TherapyError.BolusCountAboveHardLimit, CheckOutcome.Refused,
                    "patient boluses per 24 h " + pb.MaxPer24Hours.ToString() + " is above the pump's limit " + GrantCapacity.ToString());
            }
            // EVERY-REFUSAL-LOGGED: a review that finds a hard limit is logged too (the programmer then never commits).
            if (!report.Accepted) return commit || report.Refused ? Refuse(report, TherapyRecordKind.ProgrammingRefused, now) : report;

            TherapyPlan? plan = null;
            try
            {
                plan = BuildPlan(p, limits, now, report);
                if (plan != null && p.Mode != DeliveryMode.Stopped && !plan.Flushes) CarryBolusesInto(plan.Profile, now);
                if (plan != null && limits != null && p.Mode != DeliveryMode.Stopped)
                {
                    bool sameDrugAtTip = _ledgerDrug == p.Drug.Name;
                    TipSchedule forecastTip = sameDrugAtTip ? plan.Tip : new TipSchedule(new MicrogramsPerMilliliter(0), plan.Tip.SwitchAt, plan.Tip.After);
                    Nanograms beyond = p.DailyDose;
                    if (plan.Flushes && plan.Tip.SwitchAt > now + Milliseconds.FromDays(1) && sameDrugAtTip && _lastRunning != null)
                    {
                        beyond = beyond + Nanograms.InVolumeRoundedUp(_lastRunning.DailyVolume, plan.Tip.Before);
                    }
                    Nanograms peak = _forecast.PeakWindow(sameDrugAtTip ? _ledger : EmptyLedger, now, plan.Profile, null, forecastTip, beyond, limits.DailyDoseHard);
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
                if (_lineNext.IsNone) _lineOldVolume = _config.LineVolume;
                _lineNext = plan.IncomingDrug;
                ForgetBoluses();
            }
            else if (p.Mode != DeliveryMode.Stopped)
            {
                _lineDrug = p.Drug;
                if (p.HasBasal) _lastRunning = p;
                LedgerFor(p.Drug.Name);
            }
            else
            {
                ForgetBoluses();
            }
            for (int i = 0; i < report.Count; i++)
            {
                if (report[i].Outcome == CheckOutcome.Confirmed) _recorder.Record(now, TherapyRecordKind.Confirmed, report[i].Code, 0, report[i].Message);
            }
            _recorder.Record(now, TherapyRecordKind.ProgrammingCommitted, TherapyError.None, p.DailyDose.Value,
                DeliveryModeName.Of(p.Mode) + " " + p.Drug.ToString() + ", daily dose " + p.DailyDose.ToString());
            return report;
        }

        /// <summary>Masses of different drugs do not add up: a new drug's day starts with an empty ledger.</summary>
        private void LedgerFor(string drugName)
        {
            if (_ledgerDrug == drugName) return;
            _ledger.Clear();
            _ledgerDrug = drugName;
        }

        private static readonly DoseLedger EmptyLedger = new DoseLedger();

        private TherapyPlan? BuildPlan(Prescription p, DrugLimits? limits, Milliseconds now, CheckReport report)
        {
            Milliseconds tod = _config.TimeOfDayAtZero;
            MicrogramsPerMilliliter lineConcentration = _lineDrug.IsNone ? new MicrogramsPerMilliliter(0) : _lineDrug.Concentration;
            if (p.Mode == DeliveryMode.Stopped)
            {
                return new TherapyPlan(p, limits, new ConstantRate(NanolitersPerHour.Zero), TipSchedule.Steady(lineConcentration), now, Drug.None, false);
            }
            bool lineReady = _lineNext.IsNone && !_lineDrug.IsNone && _lineDrug.SameAs(p.Drug);
            Nanoliters toPush = _lineNext.IsNone ? _config.LineVolume : _lineOldVolume;
            if (lineReady || toPush.Value == 0)
            {
                return new TherapyPlan(p, limits, p.BuildBasal(tod, now), TipSchedule.Steady(p.Drug.Concentration), now, Drug.None, false);
            }

            IRateProfile push;
            if (_lineDrug.IsNone)
            {
                // PRIME-BEFORE-THERAPY: the line holds no drug, so it is filled at the priming rate.
                push = new ConstantRate(_config.PrimingRate);
            }
            else if (_lastRunning != null && _lastRunning.Drug.SameAs(_lineDrug))
            {
                // BRIDGE-AT-OLD-RATE
                push = _lastRunning.BuildBasal(tod, now);
            }
            else
            {
                // The old drug never ran a basal (e.g. a single trial bolus): push at the new volume rate,
                // provided the old drug at that rate stays within the old drug's own daily limit.
                push = p.BuildBasal(tod, now);
                DrugLimits? oldLimits = _library.Find(_lineDrug.Name);
                Nanograms oldDaily = Nanograms.InVolumeRoundedUp(p.DailyVolume, _lineDrug.Concentration);
                if (oldLimits == null || oldDaily > oldLimits.DailyDoseHard)
                {
                    report.Add(TherapyError.BridgeAboveOldDrugLimit, CheckOutcome.Refused,
                        "bridge daily dose of " + _lineDrug.ToString() + " " + oldDaily.ToString() + " is above its hard limit " + (oldLimits == null ? "(not in library)" : oldLimits.DailyDoseHard.ToString()));
                    return null;
                }
            }
            Milliseconds arrival = TimeToPush(push, now, toPush);
            if (arrival.IsNever)
            {
                report.Add(TherapyError.BridgeCannotComplete, CheckOutcome.Refused,
                    "line volume " + toPush.ToString() + " would not reach the tip within the limit " + MaxFlushDuration.ToString() + " at the push rate");
                return null;
            }
            IRateProfile basal = new ProfileSwitch(push, arrival, p.BuildBasal(tod, arrival));
            return new TherapyPlan(p, limits, basal, new TipSchedule(lineConcentration, arrival, p.Drug.Concentration), now, p.Drug, true);
        }

        /// <summary>
        /// When a profile has pushed <paramref name="volume"/> from <paramref name="from"/>: the first
        /// millisecond at which its ideal integral reaches the volume (the scheduler's steps reach it
        /// within one step after). Never if not within <see cref="MaxFlushDuration"/>.
        /// </summary>
        public static Milliseconds TimeToPush(IRateProfile profile, Milliseconds from, Nanoliters volume)
        {
            long target = volume.Value * Milliseconds.PerHour;
            long accumulated = 0;
            Milliseconds t = from;
            Milliseconds limit = from + MaxFlushDuration;
            while (t < limit)
            {
                Milliseconds change;
                long rate = profile.RateAt(t, out change).Value;
                Milliseconds end = Milliseconds.Min(change, limit);
                if (end - t > Milliseconds.FromDays(1)) end = t + Milliseconds.FromDays(1);
                long piece = rate * (end - t).Value;
                if (accumulated + piece >= target && rate > 0)
                {
                    return new Milliseconds(t.Value + (target - accumulated + rate - 1) / rate);
                }
                accumulated += piece;
                t = end;
            }
            return Milliseconds.Never;
        }

        private CheckReport Refuse(CheckReport report, TherapyRecordKind kind, Milliseconds now)
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
