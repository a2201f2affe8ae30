using OpenIdds.Firmware.Therapy;

namespace OpenIdds.Firmware.Protocol.Messages
{
    /// <summary>
    /// What `iddsctl status` shows: the state and stage, the therapy, the reservoir - computed AND
    /// measured, never one passed off as the other (RESERVOIR-COMPUTED-AND-MEASURED) - the next refill,
    /// the battery, the rolling 24 h dose and lockout, and every alarm shown. Times are pump time, ms.
    /// </summary>
    public sealed class StatusMessage
    {
        /// <summary>Room for every row of the alarm table, with space to grow.</summary>
        public const int MaxAlarms = 32;

        public string DeviceId = "";
        public int State;
        public int Stage;
        public long PumpTime;
        public Prescription Prescription = Prescription.Stopped(Drug.None);
        public long RateNow;
        public long DailyDoseNanograms;
        public long ReservoirComputed;
        public bool ReservoirMeasuredValid;
        public long ReservoirMeasured;
        public long LowReservoirThreshold;
        public long NextRefillAt = long.MaxValue;
        /// <summary>0 ok, 1 low (trial), 2 elective replacement, 3 end of service.</summary>
        public int Battery;
        public int BatteryMillivolts;
        public long RollingDoseNanograms;
        public int PatientBolusesIn24Hours;
        public long LastPatientBolus = long.MaxValue;
        public long LockoutEndsAt = long.MaxValue;
        public long TipArrival = long.MaxValue;
        public long DeliveredNanograms;
        public long StepsTaken;
        public long StepsMissed;
        public bool DevelopmentKeys;
        public bool RefillOpen;
        public bool StorageValid = true;
        /// <summary>
        /// A level sensor is fitted. With <see cref="ReservoirMeasuredValid"/> false it tells "not
        /// measured: the sensor is faulty" from "not measured: there is none". Flags bit 3; a pump that
        /// predates it sends 0, read as "no level sensor" (what the programmer said before).
        /// </summary>
        public bool LevelSensorFitted;
        /// <summary>DEV-KEYS-NO-THERAPY: therapy may run on development keys (simulator, BENCH build or the board's development setting). Flags bit 4.</summary>
        public bool DevelopmentKeysMayDeliver;
        public int AlarmCount;
        /// <summary>
        /// The calibration the pump counts delivered volume with (steps x this). Sent after the alarms; a
        /// pump that predates it sends nothing, read as 0 (unknown): the programmer then shows no volume.
        /// </summary>
        public long PicolitersPerStep;
        /// <summary>
        /// INTENT-BOUNDED: steps the journal already counts as delivered that the motor has not made yet
        /// (the intent record's lead): what a restart now would book without giving. Sent last; a pump
        /// that predates it sends nothing, read as -1 (unknown).
        /// </summary>
        public long StepsUnconfirmed = -1;
        /// <summary>
        /// INTENT-BOUNDED, summed: the steps booked as delivered at all past restarts that no record
        /// confirmed given, and their volume (pL). Sent after <see cref="StepsUnconfirmed"/>; a pump that
        /// predates them sends nothing, read as -1 (unknown).
        /// </summary>
        public long StepsUnconfirmedPastRestarts = -1;
        public long PicolitersUnconfirmedPastRestarts = -1;
        /// <summary>
        /// The last catheter integrity check (sent after <see cref="PicolitersUnconfirmedPastRestarts"/>; a pump that
        /// predates it, or one that runs no check, reads as -1: no check): its verdict
        /// (CatheterCheckVerdict), when it ran, when the next is due, the band energies in percent of
        /// the baseline, the run of checks in a row behind the verdict, the baseline checks still to
        /// learn, and which bands are judged (bit 0 respiratory, bit 1 cardiac).
        /// </summary>
        public int CatheterVerdict = -1;
        public long CatheterCheckedAt = long.MaxValue;
        public long CatheterNextCheck = long.MaxValue;
        public int CatheterRespiratoryPercent;
        public int CatheterCardiacPercent;
        public int CatheterRun;
        public int CatheterBaselineLeft;
        public int CatheterJudgedBands;
        /// <summary>
        /// The last LINE-RESISTANCE-RISE window (sent after <see cref="CatheterJudgedBands"/>; a pump that predates
        /// it reads as -1 baseline windows left: not shown): when it completed (long.MaxValue: none yet), its
        /// share of a stroke's pressure left 0.5 s after it and the baseline's (per mille), the windows in a
        /// row above the rise, and the baseline windows still to learn.
        /// </summary>
        public long LineWindowAt = long.MaxValue;
        public int LineRetentionPerMille;
        public int LineBaselinePerMille;
        public int LineRun;
        public int LineBaselineLeft = -1;
        public readonly int[] AlarmCodes = new int[MaxAlarms];
        /// <summary>Per alarm: bit 0 latched, bit 1 audio paused, bit 2 stops delivery, bits 4-5 priority.</summary>
        public readonly int[] AlarmFlags = new int[MaxAlarms];

        public void Write(PayloadWriter w)
        {
            w.Text(DeviceId);
            w.U8(State);
            w.U8(Stage);
            w.I64(PumpTime);
            PrescriptionMessage.Write(w, Prescription);
            w.I64(RateNow);
            w.I64(DailyDoseNanograms);
            w.I64(ReservoirComputed);
            w.U8(ReservoirMeasuredValid ? 1 : 0);
            w.I64(ReservoirMeasured);
            w.I64(LowReservoirThreshold);
            w.I64(NextRefillAt);
            w.U8(Battery);
            w.U32((uint)BatteryMillivolts);
            w.I64(RollingDoseNanograms);
            w.U8(PatientBolusesIn24Hours);
            w.I64(LastPatientBolus);
            w.I64(LockoutEndsAt);
            w.I64(TipArrival);
            w.I64(DeliveredNanograms);
            w.I64(StepsTaken);
            w.I64(StepsMissed);
            w.U8((DevelopmentKeys ? 1 : 0) | (RefillOpen ? 2 : 0) | (StorageValid ? 4 : 0) | (LevelSensorFitted ? 8 : 0) | (DevelopmentKeysMayDeliver ? 16 : 0));
            w.U8(AlarmCount);
            for (int i = 0; i < AlarmCount; i++)
            {
                w.U8(AlarmCodes[i]);
                w.U8(AlarmFlags[i]);
            }
            w.I64(PicolitersPerStep);
            w.I64(StepsUnconfirmed);
            w.I64(StepsUnconfirmedPastRestarts);
            w.I64(PicolitersUnconfirmedPastRestarts);
            if (CatheterVerdict < 0) return;
            w.U8(CatheterVerdict);
            w.I64(CatheterCheckedAt);
            w.I64(CatheterNextCheck);
            w.U16(CatheterRespiratoryPercent);
            w.U16(CatheterCardiacPercent);
            w.U8(CatheterRun);
            w.U8(CatheterBaselineLeft);
            w.U8(CatheterJudgedBands);
            w.I64(LineWindowAt);
            w.U16(LineRetentionPerMille & 0xFFFF);
            w.U16(LineBaselinePerMille & 0xFFFF);
            w.U8(LineRun);
            w.U8(LineBaselineLeft);
        }

        public static StatusMessage Read(PayloadReader r)
        {
            StatusMessage m = new StatusMessage();
            m.DeviceId = r.Text("status.device_id");
            m.State = r.U8("status.state");
            m.Stage = r.U8("status.stage");
            m.PumpTime = r.I64("status.pump_time");
            Prescription? p = PrescriptionMessage.Read(r, "status.prescription");
            if (p != null) m.Prescription = p;
            m.RateNow = r.I64("status.rate_now");
            m.DailyDoseNanograms = r.I64("status.daily_dose");
            m.ReservoirComputed = r.I64("status.reservoir_computed");
            m.ReservoirMeasuredValid = r.U8("status.reservoir_measured_valid") == 1;
            m.ReservoirMeasured = r.I64("status.reservoir_measured");
            m.LowReservoirThreshold = r.I64("status.low_reservoir");
            m.NextRefillAt = r.I64("status.next_refill");
            m.Battery = r.U8("status.battery");
            m.BatteryMillivolts = (int)r.U32("status.battery_mv");
            m.RollingDoseNanograms = r.I64("status.rolling_dose");
            m.PatientBolusesIn24Hours = r.U8("status.boluses_24h");
            m.LastPatientBolus = r.I64("status.last_bolus");
            m.LockoutEndsAt = r.I64("status.lockout_ends");
            m.TipArrival = r.I64("status.tip_arrival");
            m.DeliveredNanograms = r.I64("status.delivered");
            m.StepsTaken = r.I64("status.steps_taken");
            m.StepsMissed = r.I64("status.steps_missed");
            int flags = r.U8("status.flags");
            m.DevelopmentKeys = (flags & 1) != 0;
            m.RefillOpen = (flags & 2) != 0;
            m.StorageValid = (flags & 4) != 0;
            m.LevelSensorFitted = (flags & 8) != 0;
            m.DevelopmentKeysMayDeliver = (flags & 16) != 0;
            m.AlarmCount = (int)r.InRange("status.alarm_count", r.U8("status.alarm_count"), 0, MaxAlarms);
            if (!r.Ok) { m.AlarmCount = 0; return m; }
            for (int i = 0; i < m.AlarmCount; i++)
            {
                m.AlarmCodes[i] = r.U8("status.alarm_code");
                m.AlarmFlags[i] = r.U8("status.alarm_flags");
            }
            if (r.Remaining >= 8) m.PicolitersPerStep = r.I64("status.picoliters_per_step");
            if (r.Remaining >= 8) m.StepsUnconfirmed = r.I64("status.steps_unconfirmed");
            if (r.Remaining >= 16)
            {
                m.StepsUnconfirmedPastRestarts = r.I64("status.steps_unconfirmed_past_restarts");
                m.PicolitersUnconfirmedPastRestarts = r.I64("status.picoliters_unconfirmed_past_restarts");
            }
            if (r.Remaining >= 24)
            {
                m.CatheterVerdict = r.U8("status.catheter_verdict");
                m.CatheterCheckedAt = r.I64("status.catheter_checked_at");
                m.CatheterNextCheck = r.I64("status.catheter_next_check");
                m.CatheterRespiratoryPercent = r.U16("status.catheter_respiratory_percent");
                m.CatheterCardiacPercent = r.U16("status.catheter_cardiac_percent");
                m.CatheterRun = r.U8("status.catheter_run");
                m.CatheterBaselineLeft = r.U8("status.catheter_baseline_left");
                m.CatheterJudgedBands = r.U8("status.catheter_judged_bands");
            }
            if (r.Remaining >= 14)
            {
                m.LineWindowAt = r.I64("status.line_window_at");
                m.LineRetentionPerMille = (short)r.U16("status.line_retention");
                m.LineBaselinePerMille = (short)r.U16("status.line_baseline");
                m.LineRun = r.U8("status.line_run");
                m.LineBaselineLeft = r.U8("status.line_baseline_left");
            }
            return m;
        }
    }
}
