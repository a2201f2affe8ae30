using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Persistence
{
    /// <summary>
    /// The pump state the journal keeps (record kind 2, docs/persistence.md has the byte layout): pump
    /// time; the scheduler position the record vouches for and the steps it counts as delivered;
    /// calibration; the reservoir fill the safety supervisor counts from; the protocol's replay counter
    /// per role; the latched alarms; the hourly-event position; the trial's start; and the whole
    /// <see cref="TherapySnapshot"/> (prescription, line, reservoir, 24 h ledger, boluses, grants).
    /// Encoding and decoding never allocate except for the prescriptions and drug names a decode
    /// rebuilds, which happens once per reset.
    /// </summary>
    public sealed class PumpStateRecord
    {
        /// <summary>Record kind 2: a kind-1 record (the layout before the therapy joined it) is not read.</summary>
        public const int Kind = 2;

        /// <summary>The journal slot the record is written in; the payload must fit its 1,012 bytes.</summary>
        public const int SlotBytes = 1024;

        public const int DrugNameBytes = 16;
        public const int Roles = 3;
        /// <summary>Added to the resistance baseline (a retention clamped to +-4,000 per mille) so 0 can mean "none learned".</summary>
        public const int ResistanceBaselineOffset = 8192;

        public long PumpTime;
        public SchedulerPosition Position;
        public long StepsDelivered;
        public long PicolitersPerStep;
        public long ReservoirFill;
        public long StepsAtFill;
        /// <summary>FILLED-IS-A-STATE: the reservoir has been filled (a 0 mL fill included); kept apart from the volume.</summary>
        public bool ReservoirFilled;
        public readonly uint[] ReplayCounters = new uint[Roles];
        public uint AlarmLatches;
        public long StepsAtLastHour;
        public long MassAtLastHour;
        public long NextHourAt;
        /// <summary>When the trial infusion started (Never: no trial running) and the counters the trial report subtracts.</summary>
        public long TrialStart = long.MaxValue;
        public long TrialDeliveredAtStart;
        public int TrialGrantedAtStart;
        public int TrialRefusedAtStart;
        public int TrialBaselineEntries;
        public readonly TherapySnapshot Therapy = new TherapySnapshot();
        /// <summary>The board's pressure two-point calibration (PRESSURE-TWO-POINT-CAL); a span of 0 Pa: none set, the board's own line.</summary>
        public int PressureZeroPartsPerMillion;
        public int PressureSpanPartsPerMillion;
        public int PressureSpanPascals;
        /// <summary>Occlusion-relief strokes still to give after the ones this record vouches for (RELIEF-COUNTED-ONCE).</summary>
        public int ReliefStrokesLeft;
        /// <summary>CATHETER-BASELINE-KEPT: the catheter check's learned baseline (energies as CatheterIntegrityMonitor scales them) and its samples taken (CATHETER-BURST-IN-ERI).</summary>
        public bool CatheterBaselineLearned;
        public long CatheterRespiratoryBaseline;
        public long CatheterCardiacBaseline;
        public long CatheterNoiseBaseline;
        public long CatheterSamplesTaken;
        /// <summary>INTENT-BOUNDED: steps this record counts as delivered beyond those the motor had made when it was written.</summary>
        public long StepsAheadAtWrite;
        /// <summary>The total booked unconfirmed at the restarts before this record (RestartOvercount: steps, picoliters).</summary>
        public long UnconfirmedStepsPastRestarts;
        public long UnconfirmedPicolitersPastRestarts;
        /// <summary>CATHETER-BASELINE-KEPT: LINE-RESISTANCE-RISE's learned baseline, per mille of a stroke (learned: false, none yet).</summary>
        public bool ResistanceBaselineLearned;
        public int ResistanceBaselinePerMille;

        /// <summary>False after a decode found content no encoder writes (a firmware bug, or another layout): never used.</summary>
        public bool Valid = true;

        public void Encode(RecordBuffer b)
        {
            b.Clear();
            b.PutInt64(PumpTime);
            b.PutInt64(Position.IntegratedTo.Value);
            b.PutInt64(Position.Remainder);
            b.PutInt64(Position.StepsDue);
            b.PutInt64(Position.StepsMissed);
            b.PutInt64(StepsDelivered);
            b.PutInt64(PicolitersPerStep);
            b.PutInt64(ReservoirFill);
            b.PutInt64(StepsAtFill);
            for (int i = 0; i < Roles; i++) b.PutUInt32(ReplayCounters[i]);
            b.PutUInt32(AlarmLatches);
            b.PutInt64(StepsAtLastHour);
            b.PutInt64(MassAtLastHour);
            b.PutInt64(NextHourAt);
            b.PutInt64(TrialStart);
            b.PutInt64(TrialDeliveredAtStart);
            b.PutUInt32((uint)TrialGrantedAtStart);
            b.PutUInt32((uint)TrialRefusedAtStart);
            b.PutUInt32((uint)TrialBaselineEntries);

            TherapySnapshot t = Therapy;
            b.PutByte((int)t.Stage);
            b.PutInt64(t.LowReservoirThreshold.Value);
            b.PutUInt32((uint)t.TimeOfDayAtZero.Value);
            b.PutUInt32((uint)t.LargeChangePercent);
            PutPrescription(b, t.Prescription);
            b.PutByte(t.LastRunning == null ? 0 : 1);
            if (t.LastRunning != null) PutPrescription(b, t.LastRunning);
            b.PutInt64(t.CommittedAt.Value);
            b.PutByte(t.Flushes ? 1 : 0);
            PutDrug(b, t.IncomingDrug);
            b.PutUInt32((uint)t.Tip.Before.Value);
            b.PutInt64(t.Tip.SwitchAt.Value);
            b.PutUInt32((uint)t.Tip.After.Value);
            PutDrug(b, t.LineDrug);
            PutDrug(b, t.LineNext);
            b.PutInt64(t.LineOldVolume.Value);
            PutDrug(b, t.ReservoirDrug);
            b.PutInt64(t.FilledAt.Value);
            PutName(b, t.LedgerDrug);
            b.PutInt64(t.DeliveredMass);
            b.PutInt64(t.PlannedVolume);
            b.PutInt64(t.IntegratedTo.Value);
            b.PutInt64(t.VolumeRemainder);
            b.PutInt64(t.MassRemainder);
            b.PutInt64(t.CurrentHour);
            // An hour's mass is at most 30 mL/h x 20 mg/mL = 6e8 ng (the device and library maxima): it fits 32 bits.
            for (int i = 0; i < TherapySnapshot.HoursHeld; i++) b.PutUInt32((uint)t.HourlyMass[i]);
            for (int i = 0; i < BolusOverlays.Capacity; i++)
            {
                b.PutInt64(t.BolusStart[i]);
                b.PutInt64(t.BolusEnd[i]);
                b.PutUInt32((uint)t.BolusRate[i]);
            }
            // Grants as their age at the record (32 bits: 49 days, far beyond the 24 h lockout and count window).
            b.PutByte(t.GrantCount);
            for (int i = 0; i < t.GrantCount; i++)
            {
                long age = PumpTime - t.Grants[i];
                b.PutUInt32(age < 0 ? 0 : age > uint.MaxValue ? uint.MaxValue : (uint)age);
            }
            b.PutUInt32((uint)t.PatientGranted);
            b.PutUInt32((uint)t.PatientRefused);
            b.PutUInt32((uint)t.ClinicianGranted);
            b.PutUInt32((uint)t.ClinicianRefused);
            b.PutByte(ReservoirFilled ? 1 : 0);
            // DAILY-DOSE-EXACT: a basal prescribed per day comes back per day, not as its rounded rate.
            b.PutUInt32((uint)t.Prescription.PerDay.Value);
            b.PutUInt32(t.LastRunning == null ? 0 : (uint)t.LastRunning.PerDay.Value);
            b.PutUInt32((uint)PressureZeroPartsPerMillion);
            b.PutUInt32((uint)PressureSpanPartsPerMillion);
            b.PutUInt32((uint)PressureSpanPascals);
            b.PutUInt32((uint)ReliefStrokesLeft);
            // CATHETER-BASELINE-KEPT: the energies in sixteenths (the baselines are thousands of units and up).
            b.PutByte(CatheterBaselineLearned ? 1 : 0);
            b.PutUInt32(Capped(CatheterRespiratoryBaseline / 16, uint.MaxValue));
            b.PutUInt32(Capped(CatheterCardiacBaseline / 16, uint.MaxValue));
            b.PutUInt32(Capped(CatheterNoiseBaseline / 16, uint.MaxValue));
            b.PutUInt32(Capped(CatheterSamplesTaken, uint.MaxValue));
            // INTENT-BOUNDED, summed: the lead fits 16 bits (IntentStepLimit steps and a part-step); the past
            // restarts' volume is kept in whole nL rounded up, so the sum stays an upper bound.
            b.PutUInt16((int)Capped(StepsAheadAtWrite, 0xFFFF));
            b.PutUInt32(Capped(UnconfirmedStepsPastRestarts, uint.MaxValue));
            b.PutUInt32(Capped((UnconfirmedPicolitersPastRestarts + 999) / 1000, uint.MaxValue));
            // The resistance baseline in 16 bits: 0 none learned, else the per mille plus ResistanceBaselineOffset.
            b.PutUInt16(ResistanceBaselineLearned ? (int)Capped(ResistanceBaselinePerMille + ResistanceBaselineOffset, 0xFFFF) : 0);
        }

        public void Decode(RecordBuffer b)
        {
            Valid = true;
            b.Position = 0;
            PumpTime = b.GetInt64();
            long integratedTo = b.GetInt64();
            long remainder = b.GetInt64();
            long due = b.GetInt64();
            long missed = b.GetInt64();
            Position = new SchedulerPosition(new Milliseconds(integratedTo), remainder, due, missed);
            StepsDelivered = b.GetInt64();
            PicolitersPerStep = b.GetInt64();
            ReservoirFill = b.GetInt64();
            StepsAtFill = b.GetInt64();
            for (int i = 0; i < Roles; i++) ReplayCounters[i] = b.GetUInt32();
            AlarmLatches = b.GetUInt32();
            StepsAtLastHour = b.GetInt64();
            MassAtLastHour = b.GetInt64();
            NextHourAt = b.GetInt64();
            TrialStart = b.GetInt64();
            TrialDeliveredAtStart = b.GetInt64();
            TrialGrantedAtStart = (int)b.GetUInt32();
            TrialRefusedAtStart = (int)b.GetUInt32();
            TrialBaselineEntries = (int)b.GetUInt32();

            TherapySnapshot t = Therapy;
            int stage = b.GetByte();
            if (stage != (int)PumpStage.Trial && stage != (int)PumpStage.Implanted) Valid = false;
            t.Stage = (PumpStage)stage;
            t.LowReservoirThreshold = new Nanoliters(b.GetInt64());
            t.TimeOfDayAtZero = new Milliseconds(b.GetUInt32());
            t.LargeChangePercent = (int)b.GetUInt32();
            t.Prescription = GetPrescription(b);
            t.LastRunning = b.GetByte() == 1 ? GetPrescription(b) : null;
            t.CommittedAt = new Milliseconds(b.GetInt64());
            t.Flushes = b.GetByte() == 1;
            t.IncomingDrug = GetDrug(b);
            MicrogramsPerMilliliter before = new MicrogramsPerMilliliter(b.GetUInt32());
            Milliseconds switchAt = new Milliseconds(b.GetInt64());
            t.Tip = new TipSchedule(before, switchAt, new MicrogramsPerMilliliter(b.GetUInt32()));
            t.LineDrug = GetDrug(b);
            t.LineNext = GetDrug(b);
            t.LineOldVolume = new Nanoliters(b.GetInt64());
            t.ReservoirDrug = GetDrug(b);
            t.FilledAt = new Milliseconds(b.GetInt64());
            t.LedgerDrug = GetName(b);
            t.DeliveredMass = b.GetInt64();
            t.PlannedVolume = b.GetInt64();
            t.IntegratedTo = new Milliseconds(b.GetInt64());
            t.VolumeRemainder = b.GetInt64();
            t.MassRemainder = b.GetInt64();
            t.CurrentHour = b.GetInt64();
            for (int i = 0; i < TherapySnapshot.HoursHeld; i++) t.HourlyMass[i] = b.GetUInt32();
            for (int i = 0; i < BolusOverlays.Capacity; i++)
            {
                t.BolusStart[i] = b.GetInt64();
                t.BolusEnd[i] = b.GetInt64();
                t.BolusRate[i] = b.GetUInt32();
            }
            int grants = b.GetByte();
            if (grants > InfusionTherapy.GrantCapacity) { Valid = false; grants = 0; }
            t.GrantCount = grants;
            for (int i = 0; i < grants; i++) t.Grants[i] = PumpTime - b.GetUInt32();
            t.PatientGranted = (int)b.GetUInt32();
            t.PatientRefused = (int)b.GetUInt32();
            t.ClinicianGranted = (int)b.GetUInt32();
            t.ClinicianRefused = (int)b.GetUInt32();
            int filled = b.GetByte();
            if (filled > 1) Valid = false;
            ReservoirFilled = filled == 1;
            t.Prescription = PerDay(t.Prescription, b.GetUInt32());
            if (t.LastRunning != null) t.LastRunning = PerDay(t.LastRunning, b.GetUInt32());
            else if (b.GetUInt32() != 0) Valid = false;
            PressureZeroPartsPerMillion = (int)b.GetUInt32();
            PressureSpanPartsPerMillion = (int)b.GetUInt32();
            PressureSpanPascals = (int)b.GetUInt32();
            uint reliefLeft = b.GetUInt32();
            if (reliefLeft > OcclusionDetector.MaximumHeldStrokes) { Valid = false; reliefLeft = 0; }
            ReliefStrokesLeft = (int)reliefLeft;
            int learned = b.GetByte();
            if (learned > 1) Valid = false;
            CatheterBaselineLearned = learned == 1;
            CatheterRespiratoryBaseline = (long)b.GetUInt32() * 16;
            CatheterCardiacBaseline = (long)b.GetUInt32() * 16;
            CatheterNoiseBaseline = (long)b.GetUInt32() * 16;
            CatheterSamplesTaken = b.GetUInt32();
            StepsAheadAtWrite = b.GetUInt16();
            UnconfirmedStepsPastRestarts = b.GetUInt32();
            UnconfirmedPicolitersPastRestarts = (long)b.GetUInt32() * 1000;
            int resistanceField = b.GetUInt16();
            ResistanceBaselineLearned = resistanceField != 0;
            ResistanceBaselinePerMille = resistanceField - ResistanceBaselineOffset;
        }

        // Held at the top of its field rather than wrapped.
        private static uint Capped(long value, long top)
        {
            return value < 0 ? 0 : value > top ? (uint)top : (uint)value;
        }

        private Prescription PerDay(Prescription p, long perDay)
        {
            if (perDay == 0) return p;
            if (p.Mode != DeliveryMode.SimpleContinuous || p.Rate.Value != perDay / 24) { Valid = false; return p; }
            return Prescription.ContinuousPerDay(p.Drug, new NanolitersPerDay(perDay), p.PatientBolus);
        }

        private static void PutName(RecordBuffer b, string name)
        {
            string n = name == null ? "" : name;
            for (int i = 0; i < DrugNameBytes; i++) b.PutByte(i < n.Length ? n[i] & 0x7F : 0);
        }

        private static string GetName(RecordBuffer b)
        {
            char[] name = new char[DrugNameBytes];
            int length = 0;
            for (int i = 0; i < DrugNameBytes; i++)
            {
                int c = b.GetByte();
                if (c != 0) name[length++] = (char)c;
            }
            return new string(name, 0, length);
        }

        private static void PutDrug(RecordBuffer b, Drug drug)
        {
            PutName(b, drug.Name);
            b.PutUInt32((uint)drug.Concentration.Value);
        }

        private static Drug GetDrug(RecordBuffer b)
        {
            string name = GetName(b);
            long concentration = b.GetUInt32();
            return name.Length == 0 ? Drug.None : new Drug(name, new MicrogramsPerMilliliter(concentration));
        }

        private static void PutPrescription(RecordBuffer b, Prescription p)
        {
            b.PutByte((int)p.Mode);
            PutDrug(b, p.Drug);
            b.PutUInt32((uint)p.Rate.Value);
            int n = p.Mode == DeliveryMode.Flex ? p.FlexStepCount : 0;
            if (n > Prescription.MaxFlexSteps)
            {
                // JOURNAL-OR-REFUSE: the checks refuse such a table; reaching here is a bug, and a record
                // that silently dropped steps would run a different therapy after a reset.
                throw new System.ArgumentOutOfRangeException("FlexStepCount", "flex steps " + n.ToString() + " is above the journal's limit " + Prescription.MaxFlexSteps.ToString());
            }
            b.PutByte(n);
            for (int i = 0; i < n; i++)
            {
                b.PutUInt32((uint)p.FlexStart(i).Value);
                b.PutUInt32((uint)p.FlexRate(i).Value);
            }
            b.PutUInt32((uint)p.SingleBolusDose.Value);
            b.PutUInt32((uint)p.SingleBolusDuration.Value);
            PatientBolusSettings? pb = p.PatientBolus;
            b.PutByte(pb == null ? 0 : 1);
            if (pb != null)
            {
                b.PutUInt32((uint)pb.Dose.Value);
                b.PutUInt32((uint)pb.Duration.Value);
                b.PutUInt32((uint)pb.Lockout.Value);
                b.PutByte(pb.MaxPer24Hours);
            }
        }

        private Prescription GetPrescription(RecordBuffer b)
        {
            int mode = b.GetByte();
            Drug drug = GetDrug(b);
            NanolitersPerHour rate = new NanolitersPerHour(b.GetUInt32());
            int n = b.GetByte();
            if (n > Prescription.MaxFlexSteps) { Valid = false; n = 0; }
            Milliseconds[] starts = new Milliseconds[n];
            NanolitersPerHour[] rates = new NanolitersPerHour[n];
            for (int i = 0; i < n; i++)
            {
                starts[i] = new Milliseconds(b.GetUInt32());
                rates[i] = new NanolitersPerHour(b.GetUInt32());
            }
            Micrograms dose = new Micrograms(b.GetUInt32());
            Milliseconds duration = new Milliseconds(b.GetUInt32());
            PatientBolusSettings? pb = null;
            if (b.GetByte() == 1)
            {
                Micrograms pbDose = new Micrograms(b.GetUInt32());
                Milliseconds pbDuration = new Milliseconds(b.GetUInt32());
                Milliseconds lockout = new Milliseconds(b.GetUInt32());
                pb = new PatientBolusSettings(pbDose, pbDuration, lockout, b.GetByte());
            }
            switch (mode)
            {
                case (int)DeliveryMode.Stopped: return Prescription.Stopped(drug);
                case (int)DeliveryMode.SimpleContinuous: return Prescription.Continuous(drug, rate, pb);
                case (int)DeliveryMode.Flex:
                    if (n == 0) { Valid = false; return Prescription.Stopped(drug); }
                    return Prescription.Flex(drug, starts, rates, pb);
                case (int)DeliveryMode.SingleBolus: return Prescription.SingleBolus(drug, dose, duration);
                default:
                    Valid = false;
                    return Prescription.Stopped(drug);
            }
        }
    }
}
