namespace OpenIdds.Firmware.Units
{
    /// <summary>
    /// A time on the pump's monotonic clock, or a duration, in whole milliseconds.
    /// The dosing core never reads a wall clock: every instant is counted from the HAL clock's zero
    /// (the last reset), so the same inputs give the same deliveries on every machine.
    /// </summary>
    public struct Milliseconds
    {
        public const long PerSecond = 1000;
        public const long PerMinute = 60 * PerSecond;
        public const long PerHour = 60 * PerMinute;
        public const long PerDay = 24 * PerHour;

        /// <summary>"Never": the instant after every real instant (no further step, no further change).</summary>
        public static readonly Milliseconds Never = new Milliseconds(long.MaxValue);
        public static readonly Milliseconds Zero = new Milliseconds(0);

        public readonly long Value;

        public Milliseconds(long value) { Value = value; }

        public static Milliseconds FromSeconds(long seconds) { return new Milliseconds(seconds * PerSecond); }
        public static Milliseconds FromMinutes(long minutes) { return new Milliseconds(minutes * PerMinute); }
        public static Milliseconds FromHours(long hours) { return new Milliseconds(hours * PerHour); }
        public static Milliseconds FromDays(long days) { return new Milliseconds(days * PerDay); }

        public bool IsNever { get { return Value == long.MaxValue; } }

        public static Milliseconds operator +(Milliseconds a, Milliseconds b) { return new Milliseconds(a.Value + b.Value); }
        public static Milliseconds operator -(Milliseconds a, Milliseconds b) { return new Milliseconds(a.Value - b.Value); }
        public static bool operator <(Milliseconds a, Milliseconds b) { return a.Value < b.Value; }
        public static bool operator >(Milliseconds a, Milliseconds b) { return a.Value > b.Value; }
        public static bool operator <=(Milliseconds a, Milliseconds b) { return a.Value <= b.Value; }
        public static bool operator >=(Milliseconds a, Milliseconds b) { return a.Value >= b.Value; }
        public static bool operator ==(Milliseconds a, Milliseconds b) { return a.Value == b.Value; }
        public static bool operator !=(Milliseconds a, Milliseconds b) { return a.Value != b.Value; }

        public static Milliseconds Min(Milliseconds a, Milliseconds b) { return a.Value <= b.Value ? a : b; }

        public override bool Equals(object? obj) { return obj is Milliseconds && ((Milliseconds)obj).Value == Value; }
        public override int GetHashCode() { return Value.GetHashCode(); }
        public override string ToString() { return IsNever ? "never" : Value.ToString() + " ms"; }
    }
}
