using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Therapy
{
    /// <summary>What a refill found and set. The discrepancy is reported even when the refill itself was refused.</summary>
    public sealed class RefillResult
    {
        public CheckReport Report = new CheckReport();
        /// <summary>The volume the pump computed was left (what it expected the clinician to withdraw).</summary>
        public Nanoliters Expected;
        public Nanoliters Withdrawn;
        /// <summary>|withdrawn - expected| / expected in thousandths (145 = 14.5 %); long.MaxValue if nothing was expected but something came out.</summary>
        public long DiscrepancyPermille;
        /// <summary>True when the discrepancy is beyond the tolerance: over- or under-infusion (hazard 3).</summary>
        public bool DiscrepancyAlert;
        public Nanoliters ReservoirVolume;
        public Nanoliters LowReservoirThreshold;
        /// <summary>From the refill until the reservoir is computed empty, at the worst-case daily volume. Never when nothing is delivered.</summary>
        public Milliseconds TimeToEmpty = Milliseconds.Never;
        /// <summary>The next refill date: the earlier of the instant the reservoir reaches the low threshold at the worst-case daily volume and the drug's expiry (DRUG-STABILITY-LIMIT).</summary>
        public Milliseconds NextRefillAt = Milliseconds.Never;
        /// <summary>When this fill has been in the reservoir for the drug library's maximum time.</summary>
        public Milliseconds DrugExpiresAt = Milliseconds.Never;
        public bool ConcentrationChanged;
        /// <summary>When the concentration changed: when the new concentration reaches the catheter tip.</summary>
        public Milliseconds TipArrival = Milliseconds.Never;
    }
}
