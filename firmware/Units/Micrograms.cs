namespace OpenIdds.Firmware.Units
{
    /// <summary>A drug mass in whole micrograms. Daily intrathecal morphine is at most milligrams.</summary>
    public struct Micrograms
    {
        public const long PerMilligram = 1000;

        public static readonly Micrograms Zero = new Micrograms(0);

        public readonly long Value;

        public Micrograms(long value) { Value = value; }

        public static Micrograms FromMilligrams(long milligrams) { return new Micrograms(milligrams * PerMilligram); }

        public static Micrograms operator +(Micrograms a, Micrograms b) { return new Micrograms(a.Value + b.Value); }
        public static Micrograms operator -(Micrograms a, Micrograms b) { return new Micrograms(a.Value - b.Value); }
        public static bool operator <(Micrograms a, Micrograms b) { return a.Value < b.Value; }
        public static bool operator >(Micrograms a, Micrograms b) { return a.Value > b.Value; }
        public static bool operator <=(Micrograms a, Micrograms b) { return a.Value <= b.Value; }
        public static bool operator >=(Micrograms a, Micrograms b) { return a.Value >= b.Value; }
        public static bool operator ==(Micrograms a, Micrograms b) { return a.Value == b.Value; }
        public static bool operator !=(Micrograms a, Micrograms b) { return a.Value != b.Value; }

        public override bool Equals(object? obj) { return obj is Micrograms && ((Micrograms)obj).Value == Value; }
        public override int GetHashCode() { return Value.GetHashCode(); }
        public override string ToString() { return Value.ToString() + " ug"; }
    }
}
