using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Dosing
{
    /// <summary>The highest rate a profile gives over a span: what the over-infusion guard must allow at most.</summary>
    public static class PeakRate
    {
        /// <summary>The peak of <paramref name="profile"/> over [from, from + span), scanning its pieces (a flex day has at most 48).</summary>
        public static NanolitersPerHour Of(IRateProfile profile, Milliseconds from, Milliseconds span)
        {
            long peak = 0;
            long t = from.Value;
            long end = from.Value + span.Value;
            int pieces = 0;
            while (t < end && pieces < 1000)
            {
                Milliseconds change;
                long rate = profile.RateAt(new Milliseconds(t), out change).Value;
                if (rate > peak) peak = rate;
                if (change.IsNever) break;
                t = change.Value;
                pieces++;
            }
            return new NanolitersPerHour(peak);
        }
    }
}
