namespace OpenIdds.Firmware.Units
{
    /// <summary>
    /// A basal prescribed as a volume per day, in whole nanoliters. A dose per day at a concentration
    /// (0.5 mg/day of 10 mg/mL is 50,000 nL/day) is exact here where the hourly rate is not
    /// (2,083.33 nL/h); the scheduler spreads it over the day exactly (DailyVolumeRate).
    /// </summary>
    public struct NanolitersPerDay
    {
        public static readonly NanolitersPerDay Zero = new NanolitersPerDay(0);

        public readonly long Value;

        public NanolitersPerDay(long value) { Value = value; }

        /// <summary>The mean hourly rate, rounded down (what runs in the slower hours of the day).</summary>
        public NanolitersPerHour HourlyFloor { get { return new NanolitersPerHour(Value / 24); } }

        /// <summary>The mean hourly rate, rounded up (what runs in the faster hours of the day).</summary>
        public NanolitersPerHour HourlyCeiling { get { return new NanolitersPerHour((Value + 23) / 24); } }

        public override bool Equals(object? obj) { return obj is NanolitersPerDay && ((NanolitersPerDay)obj).Value == Value; }
        public override int GetHashCode() { return Value.GetHashCode(); }
        public override string ToString() { return Decimal3.Format(Value) + " uL/day"; }
    }
}
