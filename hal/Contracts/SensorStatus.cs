namespace OpenIdds.Hal
{
    /// <summary>How far a sensor reading can be trusted. Anything but Ok must lead to a fail-safe reaction.</summary>
    public enum SensorStatus
    {
        Ok = 0,
        OutOfRange = 1,
        Disconnected = 2,
        NotFitted = 3,
    }
}
