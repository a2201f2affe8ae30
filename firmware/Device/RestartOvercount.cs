namespace OpenIdds.Firmware.Device
{
    /// <summary>
    /// INTENT-BOUNDED, summed over the pump's life: every restart books as delivered the steps the
    /// newest record vouched for beyond those the motor had made when it was written, and no record can
    /// say how many of them were given before the power went. This keeps their total over all restarts
    /// (steps, and their volume at the calibration then), journaled with every record, so status can show
    /// the most the records may over-state the delivered therapy - not only the lead of this restart.
    /// </summary>
    public sealed class RestartOvercount
    {
        /// <summary>Steps booked at past restarts that no record confirmed the motor made.</summary>
        public long Steps { get; private set; }

        /// <summary>Their volume, each step at the calibration of the record that vouched for it.</summary>
        public long Picoliters { get; private set; }

        /// <summary>At a restart: the total the record carried, plus the lead it held over the motor when written.</summary>
        public void Restore(long pastSteps, long pastPicoliters, long leadSteps, long picolitersPerStep)
        {
            Steps = pastSteps + leadSteps;
            Picoliters = pastPicoliters + leadSteps * picolitersPerStep;
        }
    }
}
