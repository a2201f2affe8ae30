namespace OpenIdds.Hal
{
    /// <summary>How far a sensor reading can be trusted. Anything but Ok must lead to a fail-safe reaction.</summary>
    public enum SensorStatus
    {
        Ok = 0,
        /// <summary>At or beyond the sensor's full scale: for a pressure sensor, at least its full scale (a saturated output is not a missing one).</summary>
        OutOfRange = 1,
        Disconnected = 2,
        NotFitted = 3,
    }
}
