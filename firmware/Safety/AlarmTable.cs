using OpenIdds.Hal;

namespace OpenIdds.Firmware.Safety
{
    /// <summary>
    /// THE alarm table: one row per alarm, the single place where priority, silencing, latching and
    /// whether the alarm stops delivery are decided. docs/alarms.md is checked against it by a test.
    /// Priorities follow IEC 60601-1-8: high = immediate response to avoid harm (over-infusion,
    /// no delivery at all), medium = prompt response, low = awareness.
    /// </summary>
    public static class AlarmTable
    {
        private const long Minute = 60000;

        private static readonly AlarmDefinition[] Rows = new AlarmDefinition[]
        {
            new AlarmDefinition(AlarmCode.MotorStall, "motor-stall", AlarmPriority.High, true, 2 * Minute, 15 * Minute, true,
                "no delivery: withdrawal within hours (SynchroMed stall recalls); never resume with a burst"),
            new AlarmDefinition(AlarmCode.Occlusion, "occlusion", AlarmPriority.High, true, 2 * Minute, 15 * Minute, true,
                "no delivery, and pressure stored in the line would be a bolus when it clears"),
            new AlarmDefinition(AlarmCode.OverInfusion, "over-infusion", AlarmPriority.High, true, 2 * Minute, 15 * Minute, true,
                "more drug than prescribed reached the motor: opioid overdose; latched until a clinician resets it"),
            new AlarmDefinition(AlarmCode.ReservoirEmpty, "reservoir-empty", AlarmPriority.High, false, 2 * Minute, 15 * Minute, true,
                "nothing left to deliver: withdrawal; clears when refilled"),
            new AlarmDefinition(AlarmCode.ReservoirLow, "reservoir-low", AlarmPriority.Medium, false, 60 * Minute, 240 * Minute, false,
                "refill needed before the reservoir runs dry (default 2 mL, clinician-set)"),
            new AlarmDefinition(AlarmCode.ReservoirDiscrepancy, "reservoir-discrepancy", AlarmPriority.Medium, true, 60 * Minute, 240 * Minute, false,
                "computed and measured reservoir disagree: over- or under-infusion, or a failed sensor"),
            new AlarmDefinition(AlarmCode.BatteryEndOfService, "battery-end-of-service", AlarmPriority.High, false, 2 * Minute, 15 * Minute, true,
                "the cell can no longer run the motor safely"),
            new AlarmDefinition(AlarmCode.BatteryElectiveReplacement, "battery-elective-replacement", AlarmPriority.Medium, false, 240 * Minute, 1440 * Minute, false,
                "at least 90 days of therapy left by the charge drawn at the programmed therapy (a failing cell's voltage can bring it, and end of service, sooner): schedule the replacement"),
            new AlarmDefinition(AlarmCode.BatteryLow, "battery-low", AlarmPriority.Medium, false, 60 * Minute, 240 * Minute, false,
                "external trial pump: change the battery"),
            new AlarmDefinition(AlarmCode.PressureSensorFault, "pressure-sensor-fault", AlarmPriority.Medium, true, 60 * Minute, 240 * Minute, false,
                "no occlusion detection while it lasts (motor feedback sees none: a blocked line does not stall the head); a blockage shows later as a reservoir or refill discrepancy; delivery goes on (stopping an intrathecal drug is itself a hazard)"),
            new AlarmDefinition(AlarmCode.DeadlineMissed, "deadline-missed", AlarmPriority.Low, true, 240 * Minute, 0, false,
                "steps were late beyond tolerance and dropped, never made up: a little under-infusion"),
            new AlarmDefinition(AlarmCode.SelfTestFailed, "self-test-failed", AlarmPriority.High, true, 0, 0, true,
                "the pump cannot show it is safe to run"),
            new AlarmDefinition(AlarmCode.ControlLoopStalled, "control-loop-stalled", AlarmPriority.High, true, 2 * Minute, 15 * Minute, true,
                "the control loop stopped ticking; the watchdog restarted the pump, which comes back through the self-test alarm-stopped until a clinician reset"),
            new AlarmDefinition(AlarmCode.StorageFault, "storage-fault", AlarmPriority.High, true, 2 * Minute, 15 * Minute, true,
                "a stored record failed its CRC: the pump cannot trust its state"),
            new AlarmDefinition(AlarmCode.RefillDiscrepancy, "refill-discrepancy", AlarmPriority.Medium, true, 60 * Minute, 240 * Minute, false,
                "the residual withdrawn differs from the expected one by more than the tolerance (default 14.5 %)"),
            new AlarmDefinition(AlarmCode.LevelSensorFault, "level-sensor-fault", AlarmPriority.Medium, true, 60 * Minute, 240 * Minute, false,
                "the level sensor failed: the reservoir is computed only, which can miss an empty pump; delivery goes on (low and empty still come from the computed volume)"),
            new AlarmDefinition(AlarmCode.LogDamaged, "log-damaged", AlarmPriority.Medium, true, 60 * Minute, 240 * Minute, false,
                "an event-log or diary record failed its CRC and is skipped: the history has a gap and the flash may be failing; the therapy's own state is intact, so delivery goes on (stopping an intrathecal drug is itself a hazard); export the log, have the pump checked"),
            new AlarmDefinition(AlarmCode.TherapyStopped, "therapy-stopped", AlarmPriority.Medium, false, 60 * Minute, 240 * Minute, false,
                "no drug has been delivered for the drug's stopped-therapy time (default 4 h): withdrawal (baclofen: a crisis) unless therapy restarts or a clinician holds it stopped"),
            new AlarmDefinition(AlarmCode.TherapyStoppedLong, "therapy-stopped-long", AlarmPriority.High, false, 2 * Minute, 15 * Minute, false,
                "therapy-stopped escalated: twice the drug's stopped-therapy time without delivery"),
            new AlarmDefinition(AlarmCode.UnderDelivery, "under-delivery", AlarmPriority.High, true, 2 * Minute, 15 * Minute, false,
                "a quarter or more of the steps due in the last one to two hours were dropped (the control loop was held up): the therapy is largely not given, withdrawal within hours; delivery goes on"),
            new AlarmDefinition(AlarmCode.DrugExpiring, "drug-expiring", AlarmPriority.Medium, false, 60 * Minute, 240 * Minute, false,
                "the fill reaches the drug library's maximum time in the reservoir within 7 days (morphine 90 d, baclofen 180 d, ziconotide 40 d): refill before the drug degrades; delivery goes on"),
            new AlarmDefinition(AlarmCode.TrialSideEffect, "trial-side-effect", AlarmPriority.High, true, 2 * Minute, 15 * Minute, true,
                "the trial diary recorded respiratory depression or severe sedation: signs of opioid overdose; the trial infusion stops until a clinician reset"),
        };

        /// <summary>One more than the largest code: the size of per-alarm state arrays.</summary>
        public const int CodeSpace = 23;

        public static int Count { get { return Rows.Length; } }

        public static AlarmDefinition At(int index) { return Rows[index]; }

        public static AlarmDefinition Of(AlarmCode code)
        {
            for (int i = 0; i < Rows.Length; i++) if (Rows[i].Code == code) return Rows[i];
            throw new System.ArgumentOutOfRangeException("code", "alarm code " + ((int)code).ToString() + " is not in the alarm table");
        }

        public static string PriorityName(AlarmPriority priority)
        {
            switch (priority)
            {
                case AlarmPriority.High: return "high";
                case AlarmPriority.Medium: return "medium";
                case AlarmPriority.Low: return "low";
                default: return "none";
            }
        }
    }
}
