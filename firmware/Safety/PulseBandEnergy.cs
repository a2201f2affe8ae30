namespace OpenIdds.Firmware.Safety
{
    /// <summary>
    /// The energy of one burst of pressure samples in the respiratory and cardiac bands, in integers:
    /// a bank of Goertzel filters, one per DFT bin of the burst, on samples weighted by a Hann window
    /// (so the steady pressure and slow drifts do not leak into the bands). The respiratory band is bins
    /// <see cref="RespiratoryFirstBin"/>-<see cref="RespiratoryLastBin"/> (0.12-0.59 Hz at 10 samples/s),
    /// the cardiac band <see cref="CardiacFirstBin"/>-<see cref="CardiacLastBin"/> (0.66-2.34 Hz: 40 to
    /// 140 beats a minute). Energies are sums of squared bin magnitudes in Pa^2: a sinusoid of amplitude
    /// A in a band gives about 6,000 A^2, white noise of sd s about 96 s^2 per bin. The bins
    /// <see cref="NoiseFirstBin"/>-<see cref="NoiseLastBin"/> (3.75-4.96 Hz) hold no physiological wave:
    /// their mean is the burst's own noise per bin, which <see cref="RespiratorySignal"/> and
    /// <see cref="CardiacSignal"/> take off each band, so a lost pulse reads near zero whatever the sensor's noise.
    /// Every array is made once here: a burst allocates nothing.
    /// </summary>
    public sealed class PulseBandEnergy
    {
        /// <summary>Samples in one burst: 256 at 10 per second, 25.6 s (five breaths, thirty beats).</summary>
        public const int Samples = 256;

        public const int RespiratoryFirstBin = 3;
        public const int RespiratoryLastBin = 15;
        public const int CardiacFirstBin = 17;
        public const int CardiacLastBin = 60;
        public const int NoiseFirstBin = 96;
        public const int NoiseLastBin = 127;

        public const int RespiratoryBins = RespiratoryLastBin - RespiratoryFirstBin + 1;
        public const int CardiacBins = CardiacLastBin - CardiacFirstBin + 1;
        private const int NoiseBins = NoiseLastBin - NoiseFirstBin + 1;
        private const int Bins = CardiacLastBin - RespiratoryFirstBin + 1 + NoiseBins;
        private const int Q = 14;

        // cos(2 pi n / Samples) in Q14 for n = 0..Samples/2, built by the Chebyshev recurrence from
        // cos(2 pi / 256) in Q30 (one constant, no floating point on the device).
        private const long CosStepQ30 = 1073418433;
        private readonly int[] _cos = new int[Samples / 2 + 1];
        private readonly long[] _s1 = new long[Bins];
        private readonly long[] _s2 = new long[Bins];
        private readonly int[] _bin = new int[Bins];
        private readonly int[] _coefficient = new int[Bins];
        private long _noisePerBin;
        private int _count;
        private int _first;
        private long _respiratory;
        private long _cardiac;

        public PulseBandEnergy()
        {
            long previous = 1L << 30, current = CosStepQ30;
            _cos[0] = 1 << Q;
            for (int n = 1; n <= Samples / 2; n++)
            {
                _cos[n] = (int)((current + (1L << 15)) >> 16);
                long next = ((2 * CosStepQ30 * current) >> 30) - previous;
                previous = current;
                current = next;
            }
            for (int i = 0; i < Bins; i++)
            {
                _bin[i] = i <= CardiacLastBin - RespiratoryFirstBin ? RespiratoryFirstBin + i : NoiseFirstBin + i - (CardiacLastBin - RespiratoryFirstBin + 1);
                _coefficient[i] = Cos(_bin[i]);
            }
        }

        /// <summary>Samples taken so far in this burst.</summary>
        public int Count { get { return _count; } }

        /// <summary>True once <see cref="Samples"/> samples are in and the energies are computed.</summary>
        public bool Complete { get { return _count >= Samples; } }

        /// <summary>Energy in the respiratory band of the last complete burst, Pa^2 (scaled as the class says).</summary>
        public long RespiratoryEnergy { get { return _respiratory; } }

        /// <summary>Energy in the cardiac band of the last complete burst.</summary>
        public long CardiacEnergy { get { return _cardiac; } }

        /// <summary>The burst's noise energy per bin, from the bins above the cardiac band.</summary>
        public long NoisePerBin { get { return _noisePerBin; } }

        /// <summary>The respiratory energy less the burst's noise in that band (at least 0).</summary>
        public long RespiratorySignal { get { return Less(_respiratory, _noisePerBin * RespiratoryBins); } }

        /// <summary>The cardiac energy less the burst's noise in that band (at least 0).</summary>
        public long CardiacSignal { get { return Less(_cardiac, _noisePerBin * CardiacBins); } }

        private static long Less(long energy, long noise) { return energy > noise ? energy - noise : 0; }

        /// <summary>Starts a new burst.</summary>
        public void Start()
        {
            _count = 0;
            for (int i = 0; i < Bins; i++) { _s1[i] = 0; _s2[i] = 0; }
        }

        /// <summary>Adds one sample, Pa; the last one of the burst computes both band energies.</summary>
        public void Add(int pascals)
        {
            if (_count >= Samples) return;
            if (_count == 0) _first = pascals;
            long window = ((1 << Q) - Cos(_count)) >> 1;
            long x = ((pascals - _first) * window) >> Q;
            for (int i = 0; i < Bins; i++)
            {
                long s0 = x + ((2L * _coefficient[i] * _s1[i]) >> Q) - _s2[i];
                _s2[i] = _s1[i];
                _s1[i] = s0;
            }
            _count++;
            if (_count == Samples) Finish();
        }

        private void Finish()
        {
            _respiratory = 0;
            _cardiac = 0;
            long noise = 0;
            for (int i = 0; i < Bins; i++)
            {
                int bin = _bin[i];
                long s1 = _s1[i], s2 = _s2[i];
                long power = s1 * s1 + s2 * s2 - ((2L * _coefficient[i] * s1) >> Q) * s2;
                if (power < 0) power = 0;
                if (bin <= RespiratoryLastBin) _respiratory += power;
                else if (bin >= NoiseFirstBin) noise += power;
                else if (bin >= CardiacFirstBin && bin <= CardiacLastBin) _cardiac += power;
            }
            _noisePerBin = noise / NoiseBins;
        }

        private int Cos(int n)
        {
            n %= Samples;
            return n <= Samples / 2 ? _cos[n] : _cos[Samples - n];
        }
    }
}
