namespace OpenIdds.Firmware.Persistence
{
    /// <summary>
    /// What an event-log entry records, and what its two values mean (docs/persistence.md has the
    /// table). Stable numbers: they are stored in flash and exported; never reuse one.
    /// </summary>
    public enum EventKind
    {
        /// <summary>a = motor steps in the hour, b = nanograms that left the catheter tip in it.</summary>
        HourlyDelivery = 1,
        /// <summary>a = 1 patient, 2 clinician; b = bolus volume, nL.</summary>
        BolusGranted = 2,
        /// <summary>a = 1 patient, 2 clinician; b = the TherapyError code of one reason (one event per reason).</summary>
        BolusRefused = 3,
        /// <summary>a = alarm code.</summary>
        AlarmRaised = 4,
        /// <summary>a = alarm code.</summary>
        AlarmCleared = 5,
        /// <summary>a = delivery mode, b = daily dose, ng (DOSE-TO-THE-NANOGRAM).</summary>
        Programmed = 6,
        /// <summary>a = volume added, nL; b = concentration, ug/mL.</summary>
        Refill = 7,
        /// <summary>a = steps the records vouch for; b = reset cause.</summary>
        Reset = 8,
        /// <summary>a = pain score, or -1 for activity; b = activity kind x 65536 + minutes.</summary>
        DiaryEntry = 9,
        /// <summary>a = damaged records found at recovery.</summary>
        StorageFault = 10,
        /// <summary>b = the TherapyError code of one reason.</summary>
        ProgrammingRefused = 11,
        /// <summary>b = the TherapyError code of the clamp (e.g. a bolus lengthened).</summary>
        Clamped = 12,
        /// <summary>b = the TherapyError code of a soft limit the clinician confirmed.</summary>
        Confirmed = 13,
        /// <summary>a = discrepancy, permille; b = TherapyError code.</summary>
        RefillDiscrepancy = 14,
        /// <summary>b = the concentration now at the catheter tip, ug/mL.</summary>
        NewDrugAtTip = 15,
        /// <summary>a = alarm code.</summary>
        AlarmSilenced = 16,
        /// <summary>a = alarm code.</summary>
        AlarmAcknowledged = 17,
        /// <summary>a = alarm code.</summary>
        AlarmReannunciated = 18,
        /// <summary>a = role, b = protocol status (bad MAC, replay, wrong role).</summary>
        AuthenticationFailed = 19,
        /// <summary>a = role; b = seconds the link refuses authenticated commands.</summary>
        AuthenticationLockout = 20,
        /// <summary>a = new time of day at monotonic zero, ms.</summary>
        ClockSynced = 21,
        /// <summary>a = picoliters per step.</summary>
        Calibrated = 22,
        /// <summary>a = role whose key was replaced.</summary>
        KeyProvisioned = 23,
        /// <summary>a = 1 when the pump left alarm-stopped.</summary>
        ClinicianReset = 24,
        /// <summary>a = the alarm code that stopped delivery; the prescription was set to stopped.</summary>
        TherapyStoppedByAlarm = 25,
        /// <summary>a = 1 patient, 2 clinician; b = the alarm that forbids it (NO-BOLUS-WITHOUT-PROTECTION).</summary>
        BolusBlockedByAlarm = 40,
        /// <summary>a = how long a clinician holds the pump stopped, ms (STOPPED-THERAPY-ALERT quiet).</summary>
        StoppedHold = 41,
        /// <summary>a = alarm code: a silence press found its audio-pause budget spent, the tone stays (AUDIO-PAUSE-CAPPED).</summary>
        AlarmSilenceRefused = 42,
        /// <summary>a = how many alarms the press paused (every press is logged, AUDIO-PAUSE-CAPPED).</summary>
        SilencePressed = 43,
        /// <summary>Follows a refusal against a numeric limit: a = the rule code x 2^48 + the value refused; b = the limit (REFUSAL-LOGGED-WITH-LIMIT).</summary>
        RefusedValue = 44,
        /// <summary>a = boluses running at a power-off, abandoned at power-up (BOLUS-ABANDONED-AFTER-OUTAGE).</summary>
        BolusAbandoned = 45,
        /// <summary>A trial diary side effect: a = side-effect kind, b = severity (its own kind, so older readers of diary-entry are not misled).</summary>
        DiarySideEffect = 46,
        /// <summary>At boot, the therapy the journal restored: a = delivery mode, b = daily dose, ng (RESTORED-THERAPY-LOGGED).</summary>
        TherapyRestored = 47,
        /// <summary>A pressure two-point calibration set (PRESSURE-TWO-POINT-CAL): a = zero point x 10,000,000 + span point, ppm; b = span pressure, Pa.</summary>
        PressureCalibrated = 48,
        /// <summary>One catheter integrity check: a = the band energies in percent of the baseline and their context, b = the verdict and the minutes to the next check (packed: CatheterCheckText).</summary>
        CatheterCheck = 49,
        /// <summary>A clinician reported a catheter revision: the check's baseline was discarded and is learned again (CATHETER-RELEARN-ON-REVISION); a = 1 when a learned baseline was discarded.</summary>
        CatheterRevised = 50,
        /// <summary>One LINE-RESISTANCE-RISE window: a = its share of a stroke left after 0.5 s and the baseline's, with their context, b = minutes to the next window (packed: LineResistanceText).</summary>
        LineResistance = 51,
    }

    /// <summary>nanoFramework's Enum.ToString() gives the number, so names are mapped here (the export uses them).</summary>
    public static class EventKindName
    {
        public static string Of(EventKind kind)
        {
            switch (kind)
            {
                case EventKind.HourlyDelivery: return "hourly-delivery";
                case EventKind.BolusGranted: return "bolus-granted";
                case EventKind.BolusRefused: return "bolus-refused";
                case EventKind.AlarmRaised: return "alarm-raised";
                case EventKind.AlarmCleared: return "alarm-cleared";
                case EventKind.Programmed: return "programmed";
                case EventKind.Refill: return "refill";
                case EventKind.Reset: return "reset";
                case EventKind.DiaryEntry: return "diary-entry";
                case EventKind.StorageFault: return "storage-fault";
                case EventKind.ProgrammingRefused: return "programming-refused";
                case EventKind.Clamped: return "clamped";
                case EventKind.Confirmed: return "confirmed";
                case EventKind.RefillDiscrepancy: return "refill-discrepancy";
                case EventKind.NewDrugAtTip: return "new-drug-at-tip";
                case EventKind.AlarmSilenced: return "alarm-silenced";
                case EventKind.AlarmAcknowledged: return "alarm-acknowledged";
                case EventKind.AlarmReannunciated: return "alarm-reannunciated";
                case EventKind.AuthenticationFailed: return "authentication-failed";
                case EventKind.AuthenticationLockout: return "authentication-lockout";
                case EventKind.ClockSynced: return "clock-synced";
                case EventKind.Calibrated: return "calibrated";
                case EventKind.KeyProvisioned: return "key-provisioned";
                case EventKind.ClinicianReset: return "clinician-reset";
                case EventKind.TherapyStoppedByAlarm: return "therapy-stopped-by-alarm";
                case EventKind.BolusBlockedByAlarm: return "bolus-blocked-by-alarm";
                case EventKind.StoppedHold: return "stopped-hold";
                case EventKind.AlarmSilenceRefused: return "alarm-silence-refused";
                case EventKind.SilencePressed: return "silence-pressed";
                case EventKind.RefusedValue: return "refused-value";
                case EventKind.BolusAbandoned: return "bolus-abandoned";
                case EventKind.DiarySideEffect: return "diary-side-effect";
                case EventKind.TherapyRestored: return "therapy-restored";
                case EventKind.PressureCalibrated: return "pressure-calibrated";
                case EventKind.CatheterCheck: return "catheter-check";
                case EventKind.CatheterRevised: return "catheter-revised";
                case EventKind.LineResistance: return "line-resistance";
                default: return "unknown";
            }
        }
    }
}
