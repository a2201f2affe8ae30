using OpenIdds.Hal;

namespace OpenIdds.Firmware.Safety
{
    /// <summary>
    /// NO-BOLUS-WITHOUT-PROTECTION (GIP 1.4.11): no patient or clinician bolus starts while an alarm is
    /// shown that stops delivery or takes a protection away - pressure-sensor-fault (no occlusion
    /// detection), level-sensor-fault (no measured reservoir), reservoir-discrepancy (the pump does not
    /// know what it holds). Extra drug given blind is the hazard; the basal goes on (stopping an
    /// intrathecal drug is itself one). Priming and bridge boluses are part of programming, not extra drug.
    /// </summary>
    public static class BolusInterlock
    {
        /// <summary>The alarm that forbids a bolus now (the highest-priority one), or None.</summary>
        public static AlarmCode Blocking(AlarmSystem alarms)
        {
            AlarmCode found = AlarmCode.None;
            AlarmPriority priority = AlarmPriority.None;
            for (int i = 0; i < AlarmTable.Count; i++)
            {
                AlarmDefinition row = AlarmTable.At(i);
                if (!alarms.IsShown(row.Code) || !Blocks(row)) continue;
                if (found == AlarmCode.None || row.Priority > priority)
                {
                    found = row.Code;
                    priority = row.Priority;
                }
            }
            return found;
        }

        /// <summary>True for the alarms whose protection a bolus must not go without.</summary>
        public static bool RemovesProtection(AlarmCode code)
        {
            return code == AlarmCode.PressureSensorFault || code == AlarmCode.LevelSensorFault || code == AlarmCode.ReservoirDiscrepancy;
        }

        private static bool Blocks(AlarmDefinition row) { return row.StopsDelivery || RemovesProtection(row.Code); }
    }
}
