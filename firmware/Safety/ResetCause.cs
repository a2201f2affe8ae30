namespace OpenIdds.Firmware.Safety
{
    /// <summary>Why the pump last started: the board reads it at boot (nanoFramework and the simulator both know it).</summary>
    public enum ResetCause
    {
        PowerOn = 0,
        Watchdog = 1,
        BrownOut = 2,
    }
}
