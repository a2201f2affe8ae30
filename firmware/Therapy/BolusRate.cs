using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Therapy
{
    /// <summary>
    /// The rate that gives a bolus volume over a duration, rounded DOWN: the scheduler then delivers at
    /// most the volume (never more than prescribed), short by less than one nanoliter.
    /// </summary>
    public static class BolusRate
    {
        public static NanolitersPerHour Of(Nanoliters volume, Milliseconds duration)
        {
            if (duration.Value <= 0) return new NanolitersPerHour(long.MaxValue / 4);
            return new NanolitersPerHour(volume.Value * Milliseconds.PerHour / duration.Value);
        }

        /// <summary>The shortest duration that keeps a bolus volume at or below a rate (rounded up).</summary>
        public static Milliseconds ShortestDuration(Nanoliters volume, NanolitersPerHour maxRate)
        {
            if (maxRate.Value <= 0) return Milliseconds.Never;
            return new Milliseconds((volume.Value * Milliseconds.PerHour + maxRate.Value - 1) / maxRate.Value);
        }
    }
}
