namespace OpenIdds.Firmware.Safety
{
    /// <summary>What happened to an alarm: every one is logged with its time.</summary>
    public enum AlarmEventKind
    {
        Raised = 1,
        Silenced = 2,
        Acknowledged = 3,
        Cleared = 4,
        Reannunciated = 5,
        /// <summary>A silence press found the alarm's audio-pause budget spent (AUDIO-PAUSE-CAPPED): the tone stays.</summary>
        SilenceRefused = 6,
    }
}
