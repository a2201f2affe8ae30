using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Therapy
{
    /// <summary>
    /// The rolling 24 h dose ledger: drug mass that left the catheter tip, basal and every bolus alike,
    /// in fixed 5-minute buckets held in a preallocated ring (ROLLING-24H-LEDGER).
    ///
    /// Why buckets and not a list of deliveries: storage is fixed whatever the pattern of boluses,
    /// and a sum over buckets is never below the true sum over a window, because a window's partial
    /// end buckets are counted whole. The price is conservatism: a check may over-count by up to one
    /// bucket's delivery (0.35 % of a steady day). Masses are added exactly (volume and mass
    /// remainders are carried by the caller), so nothing is lost to rounding over a day.
    /// </summary>
    public sealed class DoseLedger
    {
        public static readonly Milliseconds BucketLength = Milliseconds.FromMinutes(5);

        /// <summary>Buckets in 24 h.</summary>
        public const int BucketsPerDay = 288;

        /// <summary>Buckets in a clock hour (the journal keeps the ledger as hourly sums).</summary>
        public const int BucketsPerHour = 12;

        /// <summary>A window (t - 24 h, t] touches at most 289 buckets; one more keeps the oldest safe from overwrite.</summary>
        public const int Capacity = BucketsPerDay + 2;

        private readonly long[] _index = new long[Capacity];
        private readonly long[] _mass = new long[Capacity];
        private long _total;

        public DoseLedger() { Clear(); }

        /// <summary>Every mass ever recorded since the last clear (a trial report's total).</summary>
        public Nanograms Total { get { return new Nanograms(_total); } }

        /// <summary>The bucket that holds an instant (floor division, correct for negative times too).</summary>
        public static long BucketOf(Milliseconds t)
        {
            long length = BucketLength.Value;
            long q = t.Value / length;
            if (t.Value < 0 && q * length != t.Value) q--;
            return q;
        }

        public static Milliseconds StartOf(long bucket) { return new Milliseconds(bucket * BucketLength.Value); }

        /// <summary>The clock hour of a bucket (floor division).</summary>
        public static long HourOf(long bucket)
        {
            long q = bucket / BucketsPerHour;
            if (bucket < 0 && q * BucketsPerHour != bucket) q--;
            return q;
        }

        /// <summary>The mass recorded in the buckets of one clock hour.</summary>
        public Nanograms InHour(long hour)
        {
            // An hour's buckets sit in consecutive slots of the ring (wrapping at its end): one
            // division finds the first, as every journal record reads 25 hours of them.
            long first = hour * BucketsPerHour;
            int slot = Slot(first);
            long sum = 0;
            for (int i = 0; i < BucketsPerHour; i++)
            {
                if (_index[slot] == first + i) sum += _mass[slot];
                slot = slot + 1 == Capacity ? 0 : slot + 1;
            }
            return new Nanograms(sum);
        }

        /// <summary>
        /// Puts an hour's mass back after a reset (LEDGER-RESTORED-LATE): all of it into the hour's last
        /// bucket that is not after <paramref name="latest"/>. Moving mass later never lowers any rolling
        /// sum that ends now or later, so a restored ledger can only over-count, never under-count.
        /// </summary>
        public void RecordHour(long hour, Nanograms mass, long latest)
        {
            long bucket = hour * BucketsPerHour + BucketsPerHour - 1;
            if (bucket > latest) bucket = latest;
            Record(bucket, mass);
        }

        public void Clear()
        {
            for (int i = 0; i < Capacity; i++)
            {
                _index[i] = long.MinValue;
                _mass[i] = 0;
            }
            _total = 0;
        }

        /// <summary>Adds mass delivered at an instant inside <paramref name="bucket"/>.</summary>
        public void Record(long bucket, Nanograms mass)
        {
            if (mass.Value <= 0) return;
            int slot = Slot(bucket);
            if (_index[slot] != bucket)
            {
                _index[slot] = bucket;
                _mass[slot] = 0;
            }
            _mass[slot] += mass.Value;
            _total += mass.Value;
        }

        /// <summary>The mass recorded in a bucket (zero if it was never written or has been overwritten).</summary>
        public Nanograms InBucket(long bucket)
        {
            int slot = Slot(bucket);
            return _index[slot] == bucket ? new Nanograms(_mass[slot]) : Nanograms.Zero;
        }

        /// <summary>The mass in the window (now - 24 h, now], counting the partial oldest bucket whole (never under).</summary>
        public Nanograms InLast24Hours(Milliseconds now)
        {
            long last = BucketOf(now);
            long first = BucketOf(now - Milliseconds.FromDays(1));
            long sum = 0;
            for (long b = first; b <= last; b++) sum += InBucket(b).Value;
            return new Nanograms(sum);
        }

        private static int Slot(long bucket)
        {
            long slot = bucket % Capacity;
            if (slot < 0) slot += Capacity;
            return (int)slot;
        }
    }
}
