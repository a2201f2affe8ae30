namespace OpenIdds.Firmware.Control
{
    /// <summary>What the pump controller is doing. The full safety state machine builds on these.</summary>
    public enum PumpState
    {
        /// <summary>No therapy: motor disabled.</summary>
        Stopped = 0,

        /// <summary>Delivering the programmed profile.</summary>
        Running = 1,

        /// <summary>A hardware fault (e.g. motor stall) stopped delivery; motor disabled until a clinician restarts.</summary>
        Faulted = 2,
    }
}
