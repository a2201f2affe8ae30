namespace OpenIdds.Firmware.Safety
{
    /// <summary>Every alarm the pump can raise. The numbers are stable: they go into logs and the protocol.</summary>
    public enum AlarmCode
    {
        None = 0,
        MotorStall = 1,
        Occlusion = 2,
        OverInfusion = 3,
        ReservoirEmpty = 4,
        ReservoirLow = 5,
        ReservoirDiscrepancy = 6,
        BatteryEndOfService = 7,
        BatteryElectiveReplacement = 8,
        BatteryLow = 9,
        PressureSensorFault = 10,
        DeadlineMissed = 11,
        SelfTestFailed = 12,
        ControlLoopStalled = 13,
        StorageFault = 14,
        RefillDiscrepancy = 15,
        LevelSensorFault = 16,
        LogDamaged = 17,
        TherapyStopped = 18,
        TherapyStoppedLong = 19,
        UnderDelivery = 20,
        DrugExpiring = 21,
        TrialSideEffect = 22,
    }
}
