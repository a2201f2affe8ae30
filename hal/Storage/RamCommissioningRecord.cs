namespace OpenIdds.Hal.Storage
{
    /// <summary>The commissioning record in RAM, for the simulator and tests: it outlives a power cut as a board's marker does.</summary>
    public sealed class RamCommissioningRecord : ICommissioningRecord
    {
        public bool Commissioned { get; set; }

        public void RecordCommissioned() { Commissioned = true; }
    }
}
