namespace OpenIdds.Hal
{
    /// <summary>The supply: terminal voltage under load, and the charge used so far where a gauge counts it.</summary>
    public interface IBatteryMonitor
    {
        SensorStatus Read(out int millivolts);

        /// <summary>Charge drawn since the cell was new, in microampere-hours; -1 where the board has no gauge.</summary>
        long ConsumedMicroampereHours { get; }
    }
}
