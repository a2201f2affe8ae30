namespace OpenIdds.Firmware.Therapy
{
    /// <summary>Which independent sensors a pump stage has (hazard 4: say what is measured and what is only computed).</summary>
    [System.Flags]
    public enum SensorSet
    {
        None = 0,
        DownstreamPressure = 1,
        UpstreamPressure = 2,
        AirInLine = 4,
        ReservoirLevel = 8,
        Battery = 16,
    }

    /// <summary>The alarms a pump stage raises by default. The alarm table (another module) decides priority and sound.</summary>
    [System.Flags]
    public enum AlarmSet
    {
        None = 0,
        LowReservoir = 1,
        EmptyReservoir = 2,
        Occlusion = 4,
        MotorStall = 8,
        LowBattery = 16,
        ElectiveReplacement = 32,
        AirInLine = 64,
        RefillDiscrepancy = 128,
    }
}
