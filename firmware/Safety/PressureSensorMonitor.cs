using OpenIdds.Hal;

namespace OpenIdds.Firmware.Safety
{
    /// <summary>
    /// SENSOR-PLAUSIBILITY for the downstream pressure sensor: a reading that is out of range or from a
    /// disconnected sensor, the same raw value too many times in a row (stuck: a live sensor always
    /// shows a few pascals of noise), or a spread between consecutive readings far beyond the sensor's
    /// noise (implausibly noisy) marks the sensor faulty. A faulty sensor's readings are not used for
    /// occlusion detection; the fault clears only after a run of good readings.
    /// </summary>
    public sealed class PressureSensorMonitor
    {
        /// <summary>Identical readings in a row that mean "stuck". 20 at the 25 Pa noise of the model sensor never happens by chance.</summary>
        public const int StuckReadings = 20;

        /// <summary>Largest plausible change between two readings without a stroke in between, Pa (beyond a cough's 40 mmHg).</summary>
        public const int NoisyStepPascals = 20000;

        /// <summary>Readings with a jump that large, out of the last 16, that mean "implausibly noisy".</summary>
        public const int NoisyCount = 8;

        /// <summary>Plausible gauge range of a downstream line, Pa: a little below zero to well above any occlusion limit.</summary>
        public const int MinimumPascals = -5000;
        public const int MaximumPascals = 300000;

        private int _last;
        private bool _haveLast;
        private int _same;
        private int _noisyHistory;     // last 16 readings: bit set = large jump
        private int _good;
        private bool _faulty;

        public bool Faulty { get { return _faulty; } }

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
                if (_same + 1 >= StuckReadings || BitCount(_noisyHistory) >= NoisyCount) bad = true;
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
