namespace OpenIdds.Firmware.Safety
{
    /// <summary>The safety supervisor's states (docs/safety.md draws the transition table).</summary>
    public enum SafetyState
    {
        /// <summary>After any reset: storage, clock, sensors and annunciator are checked before anything moves.</summary>
        PowerOnSelfTest = 0,
        /// <summary>No therapy programmed, or stopped by a clinician. Motor disabled.</summary>
        Stopped = 1,
        /// <summary>Delivering the basal profile.</summary>
        Running = 2,
        /// <summary>Delivering the basal profile with a bolus laid over it.</summary>
        Bolus = 3,
        /// <summary>Paused by a clinician (e.g. during a refill); resumes where it was. Motor disabled.</summary>
        Suspended = 4,
        /// <summary>An alarm that stops delivery is shown. Motor disabled until a clinician resets.</summary>
        AlarmStopped = 5,
        /// <summary>The pump cannot show it is safe (self-test failed, corrupt state): motor disabled, alarm sounding, only service can leave.</summary>
        SafeState = 6,
    }
}
