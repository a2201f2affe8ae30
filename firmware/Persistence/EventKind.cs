namespace OpenIdds.Firmware.Persistence
{
    /// <summary>What an event-log entry records. Stable numbers: they are stored in flash and exported.</summary>
    public enum EventKind
    {
        HourlyDelivery = 1,
        BolusGranted = 2,
        BolusRefused = 3,
        AlarmRaised = 4,
        AlarmCleared = 5,
        Programmed = 6,
        Refill = 7,
        Reset = 8,
        DiaryEntry = 9,
        StorageFault = 10,
    }
}
