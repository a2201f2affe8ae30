namespace OpenIdds.Firmware.Safety
{
    /// <summary>
    /// What one catheter integrity check (one burst, <see cref="CatheterIntegrityMonitor"/>) concluded.
    /// Stable numbers: they are stored in the event log (catheter-check) and sent in the status.
    /// </summary>
    public enum CatheterCheckVerdict
    {
        /// <summary>No check since the start or the last revision.</summary>
        None = 0,
        /// <summary>The burst went into the patient's baseline.</summary>
        Learning = 1,
        /// <summary>Every judged band at or above 1/8 of its baseline.</summary>
        Intact = 2,
        /// <summary>Every judged band below 1/8 of its baseline (CATHETER-PULSATILITY-LOST counts these).</summary>
        PulsatilityLost = 3,
        /// <summary>The cardiac band below 1/8, the respiratory above (PARTIAL-KINK-BY-DAMPING counts these).</summary>
        RisingResistance = 4,
        /// <summary>A transient (cough, strain, posture change) flooded the burst: not judged.</summary>
        Disturbed = 5,
        /// <summary>Neither band's baseline is above the PULSATILITY-FLOOR: nothing to judge.</summary>
        TooWeak = 6,
        /// <summary>No clean burst in the interval (strokes too close together, or the sensor faulted).</summary>
        Skipped = 7,
    }
}
