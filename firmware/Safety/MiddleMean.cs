namespace OpenIdds.Firmware.Safety
{
    /// <summary>
    /// Means that a few odd values at either end do not move (a cough, a strain or a posture change in a
    /// window or a baseline day): the sample is sorted in place, then the middle is averaged. The
    /// callers refill or discard the array afterwards. Allocation-free.
    /// </summary>
    internal static class MiddleMean
    {
        /// <summary>The mean of the two middle values of an even count.</summary>
        public static long OfMiddleTwo(long[] values)
        {
            Sort(values);
            return (values[values.Length / 2 - 1] + values[values.Length / 2]) / 2;
        }

        /// <summary>The mean of the middle half: a quarter of the values dropped at each end.</summary>
        public static long OfMiddleHalf(long[] values)
        {
            Sort(values);
            long sum = 0;
            int quarter = values.Length / 4;
            for (int i = quarter; i < values.Length - quarter; i++) sum += values[i];
            return sum / (values.Length - 2 * quarter);
        }

        // Insertion sort: the samples are 6 to 32 values long.
        private static void Sort(long[] values)
        {
            for (int i = 1; i < values.Length; i++)
            {
                long v = values[i];
                int j = i - 1;
                while (j >= 0 && values[j] > v) { values[j + 1] = values[j]; j--; }
                values[j + 1] = v;
            }
        }
    }
}
