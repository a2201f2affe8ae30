namespace OpenIdds.Firmware.Units
{
    /// <summary>
    /// A drug mass in whole nanograms. Whole micrograms are too coarse for a rolling daily total:
    /// ziconotide is dosed at 2.4 ug/day and its hourly share is a tenth of a microgram, so a
    /// micrograms ledger would lose (under-count) most of it. One nanoliter of 1 ug/mL holds 1 pg,
    /// so nanograms keep every delivered nanoliter of every clinical concentration countable.
    /// </summary>
    public struct Nanograms
    {
        public const long PerMicrogram = 1000;
        public const long PerMilligram = 1000000;

        public static readonly Nanograms Zero = new Nanograms(0);

        public readonly long Value;

        public Nanograms(long value) { Value = value; }

        public static Nanograms FromMicrograms(long micrograms) { return new Nanograms(micrograms * PerMicrogram); }
        public static Nanograms FromMicrograms(Micrograms mass) { return new Nanograms(mass.Value * PerMicrogram); }
        public static Nanograms FromMilligrams(long milligrams) { return new Nanograms(milligrams * PerMilligram); }

        /// <summary>The mass in a volume of a concentration, rounded UP: a limit check must never under-state a dose.</summary>
        public static Nanograms InVolumeRoundedUp(Nanoliters volume, MicrogramsPerMilliliter concentration)
        {
            // nL x ug/mL = pg; 1000 pg = 1 ng.
            long picograms = volume.Value * concentration.Value;
            return new Nanograms((picograms + 999) / 1000);
        }

        public static Nanograms operator +(Nanograms a, Nanograms b) { return new Nanograms(a.Value + b.Value); }
        public static Nanograms operator -(Nanograms a, Nanograms b) { return new Nanograms(a.Value - b.Value); }
        public static bool operator <(Nanograms a, Nanograms b) { return a.Value < b.Value; }
        public static bool operator >(Nanograms a, Nanograms b) { return a.Value > b.Value; }
        public static bool operator <=(Nanograms a, Nanograms b) { return a.Value <= b.Value; }
        public static bool operator >=(Nanograms a, Nanograms b) { return a.Value >= b.Value; }
        public static bool operator ==(Nanograms a, Nanograms b) { return a.Value == b.Value; }
        public static bool operator !=(Nanograms a, Nanograms b) { return a.Value != b.Value; }

        public override bool Equals(object? obj) { return obj is Nanograms && ((Nanograms)obj).Value == Value; }
        public override int GetHashCode() { return Value.GetHashCode(); }

        /// <summary>Micrograms with three decimals, e.g. "15000.000 ug" - integers only.</summary>
        public override string ToString() { return Decimal3.Format(Value) + " ug"; }
    }
}
