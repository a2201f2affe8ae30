namespace OpenIdds.Tests.Unit.Safety
{
    /// <summary>
    /// A synthetic line pressure with a known resistance: a <see cref="PulseTrace"/> plus each stroke's
    /// jump draining with time constant R x C x <see cref="ResistanceFactor"/> (the implanted line's
    /// 0.33 Pa.s/nL x 0.2 nL/Pa = 66 ms at factor 1).
    /// </summary>
    public sealed class StrokeDecayTrace
    {
        public const double OpenLineSeconds = 0.066;
        public PulseTrace Pulse = new PulseTrace();
        public double ResistanceFactor = 1;
        public int JumpPascals = 1250;

        /// <summary>A step of this many pascals from <see cref="StepAtMilliseconds"/> on (a posture change).</summary>
        public int StepPascals;
        public long StepAtMilliseconds = long.MaxValue;

        private long _lastStroke = -1;

        /// <summary>A stroke at <paramref name="milliseconds"/>: the pressure just before it and just after it.</summary>
        public void Stroke(long milliseconds, out int before, out int after)
        {
            before = At(milliseconds);
            _lastStroke = milliseconds;
            after = before + JumpPascals;
        }

        public int At(long milliseconds)
        {
            int value = Pulse.At(milliseconds);
            if (milliseconds >= StepAtMilliseconds) value += StepPascals;
            if (_lastStroke < 0) return value;
            double x = (milliseconds - _lastStroke) / 1000.0 / (OpenLineSeconds * ResistanceFactor);
            return value + (int)(JumpPascals * ExpNegative(x) + 0.5);
        }

        /// <summary>The share of a stroke's jump left after <paramref name="milliseconds"/>, per mille: what the trend should read.</summary>
        public int ExpectedRetentionPerMille(long milliseconds)
        {
            return (int)(1000 * ExpNegative(milliseconds / 1000.0 / (OpenLineSeconds * ResistanceFactor)) + 0.5);
        }

        // e^-x for x >= 0: halve until small, a short series, square back.
        private static double ExpNegative(double x)
        {
            if (x > 40) return 0;
            int halvings = 0;
            while (x > 0.25) { x /= 2; halvings++; }
            double term = 1, sum = 1;
            for (int k = 1; k <= 10; k++) { term = -term * x / k; sum += term; }
            for (int i = 0; i < halvings; i++) sum *= sum;
            return sum;
        }
    }
}
