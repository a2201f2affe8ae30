using OpenIdds.Hal;

namespace OpenIdds.Simulator.Physics;

/// <summary>What can go wrong with the downstream pressure sensor, injectable by a scenario.</summary>
public enum PressureSensorFault { None, Stuck, Disconnected, OutOfRange, Noisy }

/// <summary>
/// The downstream pressure sensor: line pressure plus the gauge's own Gaussian noise and a slow drift,
/// read through the board's signal chain where the board has an ADC (<see cref="PressureSignalChain"/>:
/// supply ripple, dividers, the ADC's curve, offset, noise and quantisation, oversampling and the
/// board's conversion), and the faults a real gauge shows (stuck at one reading, open wire, out of
/// range, noise a physics-parameter times the rated level). Without a chain (a board with no ADC) the
/// gauge's value is reported as it is, limited to its 0-25 kPa range.
/// </summary>
public sealed class PressureSensorModel : ICalibratedPressureSensor
{
    private readonly PhysicsParameters _p;
    private readonly SimulationRandom _random;
    private readonly Func<double> _linePressure;
    private readonly Func<long> _now;
    private int _stuckAt;

    public PressureSensorModel(PhysicsParameters parameters, SimulationRandom random, Func<double> linePressure, Func<long> now, PressureSignalChain? chain = null)
    {
        _p = parameters;
        _random = random;
        _linePressure = linePressure;
        _now = now;
        Chain = chain;
    }

    private PressureCalibration _chainlessCalibration = PressureCalibration.Nominal();
    private int _chainlessRatio;

    /// <summary>
    /// PRESSURE-TWO-POINT-CAL: the chain's calibration; without a chain, a gauge whose raw reading is
    /// the datasheet's line (0.5-4.5 V of 5 V) exactly, converted with the calibration the firmware sets.
    /// </summary>
    public PressureCalibration Calibration
    {
        get => Chain?.Calibration ?? _chainlessCalibration;
        set { if (Chain != null) Chain.Calibration = value; else _chainlessCalibration = value; }
    }

    public int LastRatioPartsPerMillion => Chain?.LastRatioPartsPerMillion ?? _chainlessRatio;

    /// <summary>The board's chain the gauge is read through, or null on a board without an ADC.</summary>
    public PressureSignalChain? Chain { get; }

    public PressureSensorFault Fault { get; private set; }

    /// <summary>
    /// Drift, Pa per day (a gauge's zero creeping), from the moment it is set: the offset it has built up
    /// so far is kept when the rate changes, so a drift that starts on day 3 starts from zero on day 3.
    /// </summary>
    public double DriftPascalsPerDay
    {
        get => _driftRate;
        set
        {
            long now = _now();
            _driftOffset += _driftRate * (now - _driftSince) / 86_400_000.0;
            _driftSince = now;
            _driftRate = value;
        }
    }

    private double _driftRate, _driftOffset;
    private long _driftSince;

    public void Inject(PressureSensorFault fault)
    {
        if (fault == PressureSensorFault.Stuck) { ReadGauge(out _stuckAt); }
        Fault = fault;
    }

    public SensorStatus Read(out int pascals)
    {
        pascals = 0;
        switch (Fault)
        {
            case PressureSensorFault.Disconnected: return SensorStatus.Disconnected;
            case PressureSensorFault.OutOfRange: pascals = (int)_p.PressureOutOfRangePascals; return SensorStatus.OutOfRange;
            case PressureSensorFault.Stuck: pascals = _stuckAt; return SensorStatus.Ok;
            default: return ReadGauge(out pascals);
        }
    }

    private SensorStatus ReadGauge(out int pascals)
    {
        double gauge = Sample();
        if (Chain != null) return Chain.Read(gauge, out pascals);
        const double nominalPartsPerMillionPerPascal = (double)(PressureCalibration.NominalFullScalePartsPerMillion - PressureCalibration.NominalZeroPartsPerMillion) / PressureCalibration.GaugeFullScalePascals;
        double ratio = PressureCalibration.NominalZeroPartsPerMillion + gauge * nominalPartsPerMillionPerPascal;
        _chainlessRatio = (int)Math.Round(ratio);
        var c = _chainlessCalibration;
        int reading = (int)Math.Round((ratio - c.ZeroPartsPerMillion) * c.SpanPascals / (c.SpanPartsPerMillion - c.ZeroPartsPerMillion));
        if (reading >= _p.PressureOutOfRangePascals) { pascals = (int)_p.PressureOutOfRangePascals; return SensorStatus.OutOfRange; }
        pascals = reading;
        return SensorStatus.Ok;
    }

    /// <summary>What the gauge's output stands for, Pa: the line, its own noise (times the chain's noise factor) and its drift.</summary>
    private double Sample()
    {
        double noise = _p.PressureNoisePascals * _p.BoardNoiseFactor * (Fault == PressureSensorFault.Noisy ? _p.NoisySensorNoiseFactor : 1) * _random.NextGaussian();
        double drift = _driftOffset + _driftRate * (_now() - _driftSince) / 86_400_000.0;
        return _linePressure() + noise + drift;
    }
}
