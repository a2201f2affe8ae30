namespace OpenIdds.Hal
{
    /// <summary>IEC 60601-1-8 alarm priorities. None means no alarm signal.</summary>
    public enum AlarmPriority
    {
        None = 0,
        Low = 1,
        Medium = 2,
        High = 3,
    }
}
