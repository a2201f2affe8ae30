using OpenIdds.Firmware.Units;
using OpenIdds.Hal;

namespace OpenIdds.Firmware.Safety
{
    /// <summary>
    /// RESERVOIR-COMPUTED-AND-MEASURED: the reservoir the pump computes (fill minus delivered) is checked
    /// against a level sensor where the board has one, and both are reported under their own names, so
    /// the UI and logs never pass a computed volume off as a measured one (a computed reservoir missed an
    /// empty pump, domain brief). Low and empty use the lower of the two when both exist.
    /// LEVEL-SENSOR-PLAUSIBILITY: a fitted sensor that answers anything but Ok, or a volume below zero,
    /// is faulty - the pump is back to a computed reservoir only, which is exactly the blindness the
    /// sensor was fitted against, so it is reported (level-sensor-fault), not silently absorbed. Its
    /// readings are not used again until a run of good ones (an intermittent sensor is not trusted on
    /// its first good answer). Delivery goes on: the computed reservoir still gives low and empty.
    /// THRESHOLD-HYSTERESIS: low and empty are raised once at their threshold and clear only when the
    /// volume is back above it by <see cref="Hysteresis"/> (a refill); a measured level wandering by the
    /// sensor's noise around a threshold does not raise and clear it again and again. The
    /// discrepancy clears only below <see cref="DiscrepancyClearPercent"/> of its tolerance.
    /// </summary>
    public sealed class ReservoirMonitor
    {
        /// <summary>Disagreement that raises the discrepancy alert: 1 mL, or 15 % of the computed volume if larger.</summary>
        public static readonly Nanoliters MinimumDiscrepancy = Nanoliters.FromMilliliters(1);
        public const int DiscrepancyPercent = 15;

        /// <summary>How far above its threshold the volume must come back before low or empty clears: five times a coarse level sensor's noise (200 uL, 1 sd).</summary>
        public static readonly Nanoliters Hysteresis = Nanoliters.FromMilliliters(1);

        /// <summary>A discrepancy clears only when the disagreement is below this share of the tolerance.</summary>
        public const int DiscrepancyClearPercent = 80;

        /// <summary>Good readings in a row before a faulty level sensor is trusted again (the supervisor reads it every tick).</summary>
        public const int GoodReadingsToRecover = 20;

        /// <summary>A MiniMed implanted pump called 1 mL "empty": below it the mechanism may draw air.</summary>
        public static readonly Nanoliters DefaultEmpty = Nanoliters.FromMilliliters(1);

        private readonly IReservoirLevelSensor? _sensor;
        private Nanoliters _low;
        private Nanoliters _empty;
        private Nanoliters _computed;
        private Nanoliters _measured;
        private bool _hasMeasured;
        private bool _sensorFaulty;
        private int _goodReadings;

        public ReservoirMonitor(IReservoirLevelSensor? sensor, Nanoliters lowThreshold, Nanoliters emptyThreshold)
        {
            _sensor = sensor;
            _low = lowThreshold;
            _empty = emptyThreshold;
        }

        /// <summary>Computed from the fill and the steps delivered (not measured).</summary>
        public Nanoliters Computed { get { return _computed; } }

        /// <summary>Measured by the level sensor; meaningful only when <see cref="HasMeasured"/>.</summary>
        public Nanoliters Measured { get { return _measured; } }

        public bool HasMeasured { get { return _hasMeasured; } }

        public bool Low { get; private set; }
        public bool Empty { get; private set; }
        public bool Discrepant { get; private set; }

        /// <summary>The pump has a level sensor (working or not): "not measured" then means a fault, not its absence.</summary>
        public bool SensorFitted { get { return _sensor != null; } }

        /// <summary>A fitted level sensor failed or read an impossible volume; the reservoir is computed only until it recovers.</summary>
        public bool SensorFaulty { get { return _sensorFaulty; } }

        public void SetLowThreshold(Nanoliters low) { _low = low; }

        /// <summary>The volume at which reservoir-low is raised (the clinician sets it with each refill).</summary>
        public Nanoliters LowThreshold { get { return _low; } }

        /// <summary>Updates with the computed volume and, if fitted, a fresh sensor reading.</summary>
        public void Update(Nanoliters computed)
        {
            _computed = computed;
            _hasMeasured = false;
            if (_sensor != null)
            {
                long nanoliters;
                bool good = _sensor.Read(out nanoliters) == SensorStatus.Ok && nanoliters >= 0;
                if (!good)
                {
                    _sensorFaulty = true;
                    _goodReadings = 0;
                }
                else if (_sensorFaulty && ++_goodReadings >= GoodReadingsToRecover)
                {
                    _sensorFaulty = false;
                }
                if (good && !_sensorFaulty)
                {
                    _measured = new Nanoliters(nanoliters);
                    _hasMeasured = true;
                }
            }
            Nanoliters worst = _hasMeasured && _measured < _computed ? _measured : _computed;
            Low = Low ? worst <= _low + Hysteresis : worst <= _low;
            Empty = Empty ? worst <= _empty + Hysteresis : worst <= _empty;
            if (_hasMeasured)
            {
                long difference = _computed.Value - _measured.Value;
                if (difference < 0) difference = -difference;
                long allowed = _computed.Value * DiscrepancyPercent / 100;
                if (allowed < MinimumDiscrepancy.Value) allowed = MinimumDiscrepancy.Value;
                Discrepant = Discrepant ? difference * 100 > allowed * DiscrepancyClearPercent : difference > allowed;
            }
            else Discrepant = false;
        }

        /// <summary>"computed 12.345 mL, measured 12.1 mL" style text for logs and screens.</summary>
        public string Describe()
        {
            string text = "computed " + Decimal3.Format(_computed.Value / 1000) + " mL";
            if (_hasMeasured) return text + ", measured " + Decimal3.Format(_measured.Value / 1000) + " mL";
            return text + (_sensor == null ? ", not measured (no level sensor)" : ", not measured (level sensor fault)");
        }
    }
}
