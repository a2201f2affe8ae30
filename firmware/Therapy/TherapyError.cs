namespace OpenIdds.Firmware.Therapy
{
    /// <summary>
    /// Why a programming step, a bolus request or a refill was refused, clamped or needs confirmation.
    /// One code per rule, so a log, a UI or a test can tell the rules apart without parsing text.
    /// Numbers are stable (they go into the event log); never reuse one.
    /// </summary>
    public enum TherapyError
    {
        None = 0,

        // Drug and concentration
        DrugNameEmpty = 10,
        DrugNotInLibrary = 11,
        ConcentrationNotPositive = 12,
        ConcentrationAboveHardLimit = 13,
        ConcentrationAboveSoftLimit = 14,

        // Shape of the mode
        ModeUnknown = 20,
        RateNegative = 21,
        FlexStepCountOutOfRange = 22,
        FlexRateCountMismatch = 23,
        FlexStartOutOfOrder = 24,
        SingleBolusDurationNotPositive = 25,

        // Rates
        RateAboveDeviceMaximum = 30,
        RateBelowDeviceMinimum = 31,
        RateAboveHardLimit = 32,
        RateAboveSoftLimit = 33,
        BolusRateClamped = 34,

        // Doses
        DailyDoseAboveHardLimit = 40,
        DailyDoseAboveSoftLimit = 41,
        DailyDoseChangeTooLarge = 42,
        BolusDoseNotPositive = 43,
        BolusDoseAboveHardLimit = 44,
        BolusDoseAboveSoftLimit = 45,
        BolusDurationNotPositive = 46,
        BolusCountNotPositive = 47,
        BolusCountAboveHardLimit = 48,
        BolusCountAboveSoftLimit = 49,
        LockoutNegative = 50,
        WorstCaseDailyDoseAboveHardLimit = 51,
        RollingDailyDoseWouldExceedLimit = 52,
        LockoutAboveLimit = 53,
        DailyDoseDropTooLarge = 54,

        // Bolus requests at run time
        TherapyNotRunning = 60,
        PatientBolusNotPrescribed = 61,
        PatientBolusInLockout = 62,
        PatientBolusCountReached = 63,
        BridgeInProgress = 64,
        NoBolusSlotFree = 65,
        ReservoirTooLowForBolus = 66,

        // Programming transaction
        ProgrammingSessionSuperseded = 70,
        ProgrammingSessionExpired = 71,
        ProgrammingIncomplete = 72,
        StageChangeNotAllowed = 73,
        ReservoirDrugMismatch = 74,
        BridgeCannotComplete = 75,
        BridgeAboveOldDrugLimit = 76,
        NoDrugProgrammed = 77,

        // Refill
        RefillVolumeNegative = 80,
        RefillAboveCapacity = 81,
        RefillDiscrepancyBeyondTolerance = 82,
        LowReservoirThresholdOutOfRange = 83,

        // Trial diary
        DiaryPainOutOfRange = 90,
        DiaryActivityMinutesOutOfRange = 91,
        DiaryTimeOutOfOrder = 92,
        DiaryFull = 93,
        DiarySideEffectOutOfRange = 94,

        // The device (InfusionPump): states and settings outside the therapy's own rules
        PumpNotReady = 100,
        PumpNotStopped = 101,
        NoRefillSession = 102,
        CalibrationOutOfRange = 103,
        TimeOfDayOutOfRange = 104,
        AlarmsShown = 105,
        BolusBlockedByAlarm = 106,
        StoppedHoldOutOfRange = 107,
        PressureCalibrationOutOfRange = 108,
        PressureSensorNotCalibratable = 109,
    }
}
