namespace OpenIdds.Firmware.Units
{
    /// <summary>
    /// A flow rate in whole nanoliters per hour. The lowest intrathecal rates (about 0.05 mL/day,
    /// 2,000 nL/h) are still thousands of units, so integer rates lose nothing clinically relevant.
    /// </summary>
    public struct NanolitersPerHour
    {
        /// <summary>
        /// The fastest rate the scheduler accepts: 1 L/h, far above any infusion pump. It bounds the
        /// integer arithmetic (rate x milliseconds never overflows 64 bits within a scheduling piece).
        /// </summary>
        public const long MaxSchedulable = 1000000000;

        public static readonly NanolitersPerHour Zero = new NanolitersPerHour(0);

        public readonly long Value;

        public NanolitersPerHour(long value) { Value = value; }

        public static NanolitersPerHour FromMicrolitersPerHour(long microlitersPerHour) { return new NanolitersPerHour(microlitersPerHour * Nanoliters.PerMicroliter); }

        /// <summary>A daily volume spread evenly over 24 h, rounded down to a whole nL/h.</summary>
        public static NanolitersPerHour FromMicrolitersPerDay(long microlitersPerDay) { return new NanolitersPerHour(microlitersPerDay * Nanoliters.PerMicroliter / 24); }

        /// <summary>The volume this rate gives over a duration, rounded down to a whole nanoliter.</summary>
        public Nanoliters Over(Milliseconds duration) { return new Nanoliters(Value * duration.Value / Milliseconds.PerHour); }

        public static NanolitersPerHour operator +(NanolitersPerHour a, NanolitersPerHour b) { return new NanolitersPerHour(a.Value + b.Value); }
        public static bool operator <(NanolitersPerHour a, NanolitersPerHour b) { return a.Value < b.Value; }
        public static bool operator >(NanolitersPerHour a, NanolitersPerHour b) { return a.Value > b.Value; }
        public static bool operator <=(NanolitersPerHour a, NanolitersPerHour b) { return a.Value <= b.Value; }
        public static bool operator >=(NanolitersPerHour a, NanolitersPerHour b) { return a.Value >= b.Value; }
        public static bool operator ==(NanolitersPerHour a, NanolitersPerHour b) { return a.Value == b.Value; }
        public static bool operator !=(NanolitersPerHour a, NanolitersPerHour b) { return a.Value != b.Value; }

        public override bool Equals(object? obj) { return obj is NanolitersPerHour && ((NanolitersPerHour)obj).Value == Value; }
        public override int GetHashCode() { return Value.GetHashCode(); }
        public override string ToString() { return Decimal3.Format(Value) + " uL/h"; }
    }
}
