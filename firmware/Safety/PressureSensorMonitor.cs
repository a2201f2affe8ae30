using OpenIdds.Hal;

namespace OpenIdds.Firmware.Safety
{
    /// <summary>
    /// SENSOR-PLAUSIBILITY for the downstream pressure sensor: a reading that is out of range or from a
    /// disconnected sensor, the same raw value too many times in a row (stuck: a live sensor always
    /// shows a few pascals of noise), a spread between consecutive readings far beyond the sensor's
    /// noise, or a measured noise too large for the occlusion detector to see a stroke through
    /// (implausibly noisy) marks the sensor faulty. A faulty sensor's readings are not used for
    /// occlusion detection - neither stroke retention nor the absolute backstop - and nothing else
    /// detects an occlusion meanwhile: motor feedback does not (a peristaltic head turns against a
    /// blocked line; the `occlusion-day-implanted` campaign without the sensor: 0 of 20 alarmed within 24 h), and
    /// the blockage shows only later as the drug left behind (reservoir-discrepancy where a level
    /// sensor is fitted, else the refill residual check; H-OCCLUSION-NO-SENSOR). The fault clears only
    /// after a run of good readings with the noise back down.
    /// </summary>
    public sealed class PressureSensorMonitor
    {
        /// <summary>Identical readings in a row that mean "stuck". 20 at the 25 Pa noise of the model sensor never happens by chance.</summary>
        public const int StuckReadings = 20;

        /// <summary>Largest plausible change between two readings without a stroke in between, Pa (beyond a cough's 40 mmHg).</summary>
        public const int NoisyStepPascals = 20000;

        /// <summary>Readings with a jump that large, out of the last 16, that mean "implausibly noisy".</summary>
        public const int NoisyCount = 8;

        /// <summary>
        /// Largest mean difference between two readings a moment apart, Pa. SENSOR-NOISE-LIMIT-MARGIN:
        /// it is set from two sides. From the detector: a stroke is judged only if its jump is at least
        /// <see cref="OcclusionDetector.MinimumJumpPascals"/> (100 Pa), and with noise above half of that
        /// four strokes "retained" in a row happen by chance within hours (a false stop of an intrathecal
        /// drug), so the limit is at most 50 Pa. From the boards: each board's characterised chain (gauge,
        /// supply ripple, dividers, ADC, 64x oversampling; docs/simulator.md, "The pressure signal chain")
        /// must sit below it by <see cref="NoiseLimitMarginPercent"/>: the ESP32-DevKitC's chain differs
        /// by 29.7 Pa on average, the Nucleo's by 28.4 Pa; 1.65 x 29.7 = 49. The gauge's own 25 Pa (28.2 Pa
        /// of mean difference) is the floor no oversampling lowers, and a limit per board cannot rise above
        /// the detector's 50 Pa, so 64 conversions are what buys the margin. A chain noisier than its
        /// characterisation by more than the margin is faulted, not trusted (`measurements -- sensor-noise`).
        /// </summary>
        public const int NoisyMeanPascals = 50;

        /// <summary>The limit over the noisiest board's characterised mean difference, percent (SENSOR-NOISE-LIMIT-MARGIN).</summary>
        public const int NoiseLimitMarginPercent = 165;

        /// <summary>
        /// Noise samples in the estimate: a plain mean of the first 64, then an exponential average over
        /// about 64. A 25 Pa sensor's differences scatter by 21 Pa, so over 64 the estimate scatters by
        /// 2 Pa and 50 Pa is 11 of those above its 28: chance never reaches it (0 false sensor faults in
        /// 10,000 simulated days, docs/benchmarks.md). Over 16 (4 Pa, 5.7 of them) chance did:
        /// measured 2026-12-01, 4 false sensor faults with this plain-mean warm-up, and 5 with the
        /// estimate started from its first sample alone (docs/benchmarks.md).
        /// A sensor ten times noisier (282 Pa) is over it as soon as the estimate is trusted, and one that
        /// turns noisy later crosses it within 6 samples.
        /// </summary>
        public const int NoiseSamples = 64;

        /// <summary>Plausible gauge range of a downstream line, Pa: a little below zero to well above any occlusion limit.</summary>
        public const int MinimumPascals = -5000;
        public const int MaximumPascals = 300000;

        private int _last;
        private bool _haveLast;
        private int _same;
        private int _noisyHistory;     // last 16 readings: bit set = large jump
        private int _good;
        private bool _faulty;
        private int _noiseTimesN;      // |difference| summed over the first NoiseSamples, then their running mean x NoiseSamples
        private int _noiseCount;

        public bool Faulty { get { return _faulty; } }

        /// <summary>The measured noise: the running mean difference between two readings a moment apart, Pa.</summary>
        public int NoisePascals
        {
            get
            {
                if (_noiseCount == 0) return 0;
                return _noiseTimesN / (_noiseCount < NoiseSamples ? _noiseCount : NoiseSamples);
            }
        }

        /// <summary>True once the estimate holds <see cref="NoiseSamples"/> samples.</summary>
        public bool NoiseKnown { get { return _noiseCount >= NoiseSamples; } }

        /// <summary>True once enough samples show noise above <see cref="NoisyMeanPascals"/>.</summary>
        public bool TooNoisy { get { return _noiseCount >= NoiseSamples && NoisePascals > NoisyMeanPascals; } }

        /// <summary>Two readings a moment apart, with nothing between them: their difference is the sensor's noise.</summary>
        public void NoiseSample(int difference)
        {
            int d = difference < 0 ? -difference : difference;
            if (d > NoisyStepPascals) d = NoisyStepPascals;
            if (_noiseCount < NoiseSamples)
            {
                // Warm-up: a plain sum, so the first sample weighs no more than any other.
                _noiseTimesN += d;
                _noiseCount++;
            }
            else
            {
                _noiseTimesN += d - _noiseTimesN / NoiseSamples;
            }
        }

        /// <summary>Takes one reading; returns true if it can be used.</summary>
        public bool Accept(SensorStatus status, int pascals)
        {
            bool bad = status != SensorStatus.Ok || pascals < MinimumPascals || pascals > MaximumPascals;
            if (!bad)
            {
                if (_haveLast && pascals == _last) _same++; else _same = 0;
                int jump = _haveLast ? pascals - _last : 0;
                if (jump < 0) jump = -jump;
                _noisyHistory = ((_noisyHistory << 1) | (jump > NoisyStepPascals ? 1 : 0)) & 0xFFFF;
                _last = pascals;
                _haveLast = true;
                if (_same + 1 >= StuckReadings || BitCount(_noisyHistory) >= NoisyCount || TooNoisy) bad = true;
            }
            if (bad)
            {
                _faulty = true;
                _good = 0;
                return false;
            }
            if (_faulty && ++_good >= StuckReadings) _faulty = false;
            return !_faulty;
        }

        private static int BitCount(int v)
        {
            int n = 0;
            while (v != 0) { n += v & 1; v >>= 1; }
            return n;
        }
    }
}
