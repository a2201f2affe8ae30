namespace OpenIdds.Firmware.Units
{
    /// <summary>
    /// A volume in whole nanoliters (1 mL = 1,000,000 nL). Intrathecal rates are tens of microliters
    /// per hour, so a nanoliter is the coarsest unit that still keeps every dose an exact integer.
    /// </summary>
    public struct Nanoliters
    {
        public const long PerMicroliter = 1000;
        public const long PerMilliliter = 1000000;

        public static readonly Nanoliters Zero = new Nanoliters(0);

        public readonly long Value;

        public Nanoliters(long value) { Value = value; }

        public static Nanoliters FromMicroliters(long microliters) { return new Nanoliters(microliters * PerMicroliter); }
        public static Nanoliters FromMilliliters(long milliliters) { return new Nanoliters(milliliters * PerMilliliter); }

        public static Nanoliters operator +(Nanoliters a, Nanoliters b) { return new Nanoliters(a.Value + b.Value); }
        public static Nanoliters operator -(Nanoliters a, Nanoliters b) { return new Nanoliters(a.Value - b.Value); }
        public static bool operator <(Nanoliters a, Nanoliters b) { return a.Value < b.Value; }
        public static bool operator >(Nanoliters a, Nanoliters b) { return a.Value > b.Value; }
        public static bool operator <=(Nanoliters a, Nanoliters b) { return a.Value <= b.Value; }
        public static bool operator >=(Nanoliters a, Nanoliters b) { return a.Value >= b.Value; }
        public static bool operator ==(Nanoliters a, Nanoliters b) { return a.Value == b.Value; }
        public static bool operator !=(Nanoliters a, Nanoliters b) { return a.Value != b.Value; }

        public override bool Equals(object? obj) { return obj is Nanoliters && ((Nanoliters)obj).Value == Value; }
        public override int GetHashCode() { return Value.GetHashCode(); }

        /// <summary>Microliters with three decimals, e.g. "12.345 uL" - formatted with integers only.</summary>
        public override string ToString() { return Decimal3.Format(Value) + " uL"; }
    }
}
