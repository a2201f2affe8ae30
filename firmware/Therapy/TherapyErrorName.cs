namespace OpenIdds.Firmware.Therapy
{
    /// <summary>nanoFramework's Enum.ToString() gives the number, so the rule names the log and the programmer show are mapped here.</summary>
    public static class TherapyErrorName
    {
        public static string Of(TherapyError code)
        {
            switch (code)
            {
                case TherapyError.None: return "none";
                case TherapyError.DrugNameEmpty: return "drug-name-empty";
                case TherapyError.DrugNotInLibrary: return "drug-not-in-library";
                case TherapyError.ConcentrationNotPositive: return "concentration-not-positive";
                case TherapyError.ConcentrationAboveHardLimit: return "concentration-above-hard-limit";
                case TherapyError.ConcentrationAboveSoftLimit: return "concentration-above-soft-limit";
                case TherapyError.ModeUnknown: return "mode-unknown";
                case TherapyError.RateNegative: return "rate-negative";
                case TherapyError.FlexStepCountOutOfRange: return "flex-step-count-out-of-range";
                case TherapyError.FlexRateCountMismatch: return "flex-rate-count-mismatch";
                case TherapyError.FlexStartOutOfOrder: return "flex-start-out-of-order";
                case TherapyError.SingleBolusDurationNotPositive: return "single-bolus-duration-not-positive";
                case TherapyError.RateAboveDeviceMaximum: return "rate-above-device-maximum";
                case TherapyError.RateBelowDeviceMinimum: return "rate-below-device-minimum";
                case TherapyError.RateAboveHardLimit: return "rate-above-hard-limit";
                case TherapyError.RateAboveSoftLimit: return "rate-above-soft-limit";
                case TherapyError.BolusRateClamped: return "bolus-rate-clamped";
                case TherapyError.DailyDoseAboveHardLimit: return "daily-dose-above-hard-limit";
                case TherapyError.DailyDoseAboveSoftLimit: return "daily-dose-above-soft-limit";
                case TherapyError.DailyDoseChangeTooLarge: return "daily-dose-change-too-large";
                case TherapyError.BolusDoseNotPositive: return "bolus-dose-not-positive";
                case TherapyError.BolusDoseAboveHardLimit: return "bolus-dose-above-hard-limit";
                case TherapyError.BolusDoseAboveSoftLimit: return "bolus-dose-above-soft-limit";
                case TherapyError.BolusDurationNotPositive: return "bolus-duration-not-positive";
                case TherapyError.BolusCountNotPositive: return "bolus-count-not-positive";
                case TherapyError.BolusCountAboveHardLimit: return "bolus-count-above-hard-limit";
                case TherapyError.BolusCountAboveSoftLimit: return "bolus-count-above-soft-limit";
                case TherapyError.LockoutNegative: return "lockout-negative";
                case TherapyError.WorstCaseDailyDoseAboveHardLimit: return "worst-case-daily-dose-above-hard-limit";
                case TherapyError.RollingDailyDoseWouldExceedLimit: return "rolling-daily-dose-would-exceed-limit";
                case TherapyError.LockoutAboveLimit: return "lockout-above-limit";
                case TherapyError.DailyDoseDropTooLarge: return "daily-dose-drop-too-large";
                case TherapyError.TherapyNotRunning: return "therapy-not-running";
                case TherapyError.PatientBolusNotPrescribed: return "patient-bolus-not-prescribed";
                case TherapyError.PatientBolusInLockout: return "patient-bolus-in-lockout";
                case TherapyError.PatientBolusCountReached: return "patient-bolus-count-reached";
                case TherapyError.BridgeInProgress: return "bridge-in-progress";
                case TherapyError.NoBolusSlotFree: return "no-bolus-slot-free";
                case TherapyError.ReservoirTooLowForBolus: return "reservoir-too-low-for-bolus";
                case TherapyError.ProgrammingSessionSuperseded: return "programming-session-superseded";
                case TherapyError.ProgrammingSessionExpired: return "programming-session-expired";
                case TherapyError.ProgrammingIncomplete: return "programming-incomplete";
                case TherapyError.StageChangeNotAllowed: return "stage-change-not-allowed";
                case TherapyError.ReservoirDrugMismatch: return "reservoir-drug-mismatch";
                case TherapyError.BridgeCannotComplete: return "bridge-cannot-complete";
                case TherapyError.BridgeAboveOldDrugLimit: return "bridge-above-old-drug-limit";
                case TherapyError.NoDrugProgrammed: return "no-drug-programmed";
                case TherapyError.RefillVolumeNegative: return "refill-volume-negative";
                case TherapyError.RefillAboveCapacity: return "refill-above-capacity";
                case TherapyError.RefillDiscrepancyBeyondTolerance: return "refill-discrepancy-beyond-tolerance";
                case TherapyError.LowReservoirThresholdOutOfRange: return "low-reservoir-threshold-out-of-range";
                case TherapyError.DiaryPainOutOfRange: return "diary-pain-out-of-range";
                case TherapyError.DiaryActivityMinutesOutOfRange: return "diary-activity-minutes-out-of-range";
                case TherapyError.DiaryTimeOutOfOrder: return "diary-time-out-of-order";
                case TherapyError.DiaryFull: return "diary-full";
                case TherapyError.DiarySideEffectOutOfRange: return "diary-side-effect-out-of-range";
                case TherapyError.PumpNotReady: return "pump-not-ready";
                case TherapyError.PumpNotStopped: return "pump-not-stopped";
                case TherapyError.NoRefillSession: return "no-refill-session";
                case TherapyError.CalibrationOutOfRange: return "calibration-out-of-range";
                case TherapyError.TimeOfDayOutOfRange: return "time-of-day-out-of-range";
                case TherapyError.AlarmsShown: return "alarms-shown";
                case TherapyError.BolusBlockedByAlarm: return "bolus-blocked-by-alarm";
                case TherapyError.StoppedHoldOutOfRange: return "stopped-hold-out-of-range";
                case TherapyError.PressureCalibrationOutOfRange: return "pressure-calibration-out-of-range";
                case TherapyError.PressureSensorNotCalibratable: return "pressure-sensor-not-calibratable";
                default: return "error-" + ((int)code).ToString();
            }
        }
    }
}
