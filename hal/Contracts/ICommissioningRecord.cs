namespace OpenIdds.Hal
{
    /// <summary>
    /// STORE-LOSS-IS-A-FAULT: whether this device was ever commissioned (its first journal record
    /// committed), recorded OUTSIDE the store's data area - a file beside the store on a board, a
    /// fuse or option byte where the MCU has one - so a blank, zeroed or missing store cannot fake a
    /// new device. Once recorded it is never cleared by the firmware; decommissioning is a service
    /// engineer deleting it by hand.
    /// </summary>
    public interface ICommissioningRecord
    {
        bool Commissioned { get; }

        /// <summary>Records the device as commissioned. Called once the first journal record is committed.</summary>
        void RecordCommissioned();
    }
}
