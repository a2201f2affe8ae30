namespace OpenIdds.Tests.Unit.Safety
{
    /// <summary>A synthetic pressure trace with known band content: a baseline, a cardiac and a respiratory sinusoid, and a slow ramp.</summary>
    public sealed class PulseTrace
    {
        public int BaselinePascals = 1333;
        public int CardiacAmplitudePascals;
        public double CardiacHertz = 1.2;
        public int RespiratoryAmplitudePascals;
        public double RespiratoryHertz = 0.25;
        public int RampPascalsPerMinute;

        /// <summary>A cough: this many pascals more for 800 ms from <see cref="CoughAtMilliseconds"/>.</summary>
        public int CoughPascals = 5333;
        public long CoughAtMilliseconds = -1;

        /// <summary>White noise of this sd, Pa (uniform, from a fixed linear congruential sequence).</summary>
        public int NoisePascals;
        private uint _state = 12345;

        public int At(long milliseconds)
        {
            double seconds = milliseconds / 1000.0;
            double value = BaselinePascals + RampPascalsPerMinute * seconds / 60.0
                + CardiacAmplitudePascals * Sine(2 * 3.14159265358979 * CardiacHertz * seconds)
                + RespiratoryAmplitudePascals * Sine(2 * 3.14159265358979 * RespiratoryHertz * seconds + 1.0);
            if (CoughAtMilliseconds >= 0 && milliseconds >= CoughAtMilliseconds && milliseconds < CoughAtMilliseconds + 800) value += CoughPascals;
            if (NoisePascals > 0)
            {
                _state = _state * 1664525 + 1013904223;
                // uniform on +-sqrt(3) sd
                value += ((_state >> 8) / 16777216.0 - 0.5) * 2 * 1.7320508 * NoisePascals;
            }
            return (int)(value + 0.5);
        }

        private static double Sine(double x)
        {
            const double TwoPi = 6.28318530717958;
            long turns = (long)(x / TwoPi);
            double r = x - turns * TwoPi;
            if (r > 3.14159265358979) r -= TwoPi;
            double term = r, sum = r;
            for (int k = 1; k <= 12; k++)
            {
                term = -term * r * r / ((2 * k) * (2 * k + 1));
                sum += term;
            }
            return sum;
        }
    }
}
