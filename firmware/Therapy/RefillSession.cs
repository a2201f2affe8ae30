using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Therapy
{
    /// <summary>
    /// A refill: the clinician withdraws the residual, which the pump compares with the volume it
    /// computed was left (REFILL-DISCREPANCY: beyond the tolerance, default 14.5 % - SynchroMed's
    /// stated over-infusion bound - means over- or under-infusion, so it is logged and alerted), then
    /// enters the volume added and its drug. Nothing changes until <see cref="Complete"/>.
    /// </summary>
    public sealed class RefillSession
    {
        /// <summary>Default tolerance in thousandths (14.5 %).</summary>
        public const long DefaultTolerancePermille = 145;

        private readonly InfusionTherapy _therapy;
        private readonly Nanoliters _expected;
        private readonly Milliseconds _openedAt;

        public long TolerancePermille = DefaultTolerancePermille;

        internal RefillSession(InfusionTherapy therapy, Nanoliters expected, Milliseconds openedAt)
        {
            _therapy = therapy;
            _expected = expected;
            _openedAt = openedAt;
        }

        public Nanoliters Expected { get { return _expected; } }
        public Milliseconds OpenedAt { get { return _openedAt; } }

        /// <param name="withdrawn">Residual volume the clinician withdrew.</param>
        /// <param name="added">Volume put into the reservoir.</param>
        /// <param name="drug">The drug and concentration put in.</param>
        /// <param name="lowReservoirThreshold">Clinician-set low-reservoir alarm threshold.</param>
        public RefillResult Complete(Nanoliters withdrawn, Nanoliters added, Drug drug, Nanoliters lowReservoirThreshold, bool confirmed, Milliseconds now)
        {
            return _therapy.CompleteRefill(this, withdrawn, added, drug, lowReservoirThreshold, confirmed, now);
        }

        /// <summary>|withdrawn - expected| / expected in thousandths, rounded up.</summary>
        public static long DiscrepancyPermilleOf(Nanoliters expected, Nanoliters withdrawn)
        {
            long difference = withdrawn.Value - expected.Value;
            if (difference < 0) difference = -difference;
            if (expected.Value <= 0) return difference == 0 ? 0 : long.MaxValue;
            return (difference * 1000 + expected.Value - 1) / expected.Value;
        }

        /// <summary>Exact test of "beyond tolerance": |w - e| x 1000 &gt; tolerance x e (no rounding at the boundary).</summary>
        public static bool BeyondTolerance(Nanoliters expected, Nanoliters withdrawn, long tolerancePermille)
        {
            long difference = withdrawn.Value - expected.Value;
            if (difference < 0) difference = -difference;
            if (expected.Value <= 0) return difference > 0;
            return difference * 1000 > tolerancePermille * expected.Value;
        }
    }
}
