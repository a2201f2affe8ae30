using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Therapy
{
    /// <summary>
    /// The highest rolling 24 h dose a plan would reach, computed BEFORE anything is granted, so a
    /// bolus that would break the daily limit is refused in advance and never cut midway
    /// (ROLLING-24H-LIMIT). It lays the recorded past (the ledger) and the planned future (the
    /// profile, with any candidate bolus, at the tip's concentration) into 5-minute buckets and
    /// slides a 289-bucket window over every window that starts within the last or the next 24 h.
    /// Windows starting later are bounded by the caller (a periodic basal gives its daily dose).
    /// Scratch storage is preallocated.
    /// </summary>
    public sealed class DoseForecast
    {
        /// <summary>The bucket holding "now" plus 48 h ahead: enough for every window starting within 24 h.</summary>
        public const int FutureBuckets = 2 * DoseLedger.BucketsPerDay + 1;

        private readonly long[] _future = new long[FutureBuckets];

        /// <param name="profile">The plan from now on (basal with any granted boluses).</param>
        /// <param name="extra">A candidate bolus to add, or null.</param>
        /// <param name="beyond">A bound on windows starting more than 24 h from now.</param>
        /// <param name="limit">The limit the caller compares with: a coarse bound at or below it is returned as is (pass Zero for the exact slide).</param>
        /// <returns>The peak rolling 24 h dose, or an upper bound of it that is at or below <paramref name="limit"/>.</returns>
        public Nanograms PeakWindow(DoseLedger ledger, Milliseconds now, IRateProfile profile, IRateProfile? extra, TipSchedule tip, Nanograms beyond, Nanograms limit)
        {
            long jNow = DoseLedger.BucketOf(now);

            // Fast path: every window that starts within 24 h lies inside "the last 24 h of the ledger
            // plus the next 24 h and one bucket of plan", so if that sum is within the limit the
            // bucket-by-bucket slide cannot find more. The caller compares the result with its limit.
            // That shortcut bounds the windows that start after now by `beyond`, one day of a periodic
            // plan. A drug switch at the tip still ahead (a bridge) breaks the period: a window holding
            // the end of the old drug and most of a new day can exceed both (old drug at 362 ug/h over
            // a new night of 281 ug/h), so with a bridge ahead every window is slid
            // (BRIDGE-SLIDES-EVERY-WINDOW).
            Milliseconds horizonEnd = DoseLedger.StartOf(jNow + DoseLedger.BucketsPerDay + 1);
            long bound = ledger.InLast24Hours(now).Value + MassOver(profile, tip, now, horizonEnd);
            if (extra != null) bound += MassOver(extra, tip, now, horizonEnd);
            if (bound < beyond.Value) bound = beyond.Value;
            bool bridgeAhead = tip.SwitchAt > now && !tip.SwitchAt.IsNever && tip.Before.Value > 0;
            if (bound <= limit.Value && !bridgeAhead) return new Nanograms(bound);

            // One walk over the plan's pieces, split at bucket ends and at the tip switch.
            for (int k = 0; k < FutureBuckets; k++) _future[k] = 0;
            Milliseconds end = DoseLedger.StartOf(jNow + FutureBuckets);
            AddPieces(profile, tip, now, end, jNow);
            if (extra != null) AddPieces(extra, tip, now, end, jNow);
            long window = DoseLedger.BucketsPerDay + 1;
            long first = jNow - DoseLedger.BucketsPerDay;
            long sum = 0;
            for (long j = first; j < first + window; j++) sum += Mass(ledger, jNow, j);
            long peak = sum;
            for (long a = first + 1; a <= jNow + DoseLedger.BucketsPerDay; a++)
            {
                sum -= Mass(ledger, jNow, a - 1);
                sum += Mass(ledger, jNow, a + window - 1);
                if (sum > peak) peak = sum;
            }
            if (beyond.Value > peak) peak = beyond.Value;
            return new Nanograms(peak);
        }

        private long Mass(DoseLedger ledger, long jNow, long j)
        {
            long m = 0;
            if (j <= jNow) m += ledger.InBucket(j).Value;
            if (j >= jNow) m += _future[j - jNow];
            return m;
        }

        private void AddPieces(IRateProfile profile, TipSchedule tip, Milliseconds from, Milliseconds to, long jNow)
        {
            Milliseconds t = from;
            while (t < to)
            {
                Milliseconds change;
                NanolitersPerHour rate = profile.RateAt(t, out change);
                Milliseconds pieceEnd = Milliseconds.Min(change, to);
                if (rate.Value == 0) { t = pieceEnd; continue; }
                while (t < pieceEnd)
                {
                    long bucket = DoseLedger.BucketOf(t);
                    Milliseconds end = Milliseconds.Min(pieceEnd, DoseLedger.StartOf(bucket + 1));
                    if (t < tip.SwitchAt && tip.SwitchAt < end) end = tip.SwitchAt;
                    long volume = (rate.Value * (end - t).Value + Milliseconds.PerHour - 1) / Milliseconds.PerHour;
                    _future[bucket - jNow] += Nanograms.InVolumeRoundedUp(new Nanoliters(volume), tip.At(t)).Value;
                    t = end;
                }
            }
        }

        /// <summary>The drug mass a profile delivers at the tip over [from, to), each piece rounded up.</summary>
        public static long MassOver(IRateProfile profile, TipSchedule tip, Milliseconds from, Milliseconds to)
        {
            long mass = 0;
            Milliseconds t = from;
            while (t < to)
            {
                Milliseconds change;
                NanolitersPerHour rate = profile.RateAt(t, out change);
                Milliseconds end = Milliseconds.Min(change, to);
                if (t < tip.SwitchAt && tip.SwitchAt < end) end = tip.SwitchAt;
                if (rate.Value > 0)
                {
                    long volume = (rate.Value * (end - t).Value + Milliseconds.PerHour - 1) / Milliseconds.PerHour;
                    mass += Nanograms.InVolumeRoundedUp(new Nanoliters(volume), tip.At(t)).Value;
                }
                t = end;
            }
            return mass;
        }
    }
}
