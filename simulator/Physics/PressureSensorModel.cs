using OpenIdds.Hal;

namespace OpenIdds.Simulator.Physics;

/// <summary>What can go wrong with the downstream pressure sensor, injectable by a scenario.</summary>
public enum PressureSensorFault { None, Stuck, Disconnected, OutOfRange, Noisy }

/// <summary>
/// The downstream pressure sensor: line pressure plus Gaussian noise and a slow drift, limited to what
/// the boards' 0-25 kPa gauge can report (above its out-of-range limit it gives no number, as
/// AdcPressureSensor reports a saturated output), and the faults a real gauge shows (stuck at one
/// reading, open wire, out of range, noise a physics-parameter times the rated level).
/// </summary>
public sealed class PressureSensorModel : IPressureSensor
{
    private readonly PhysicsParameters _p;
    private readonly SimulationRandom _random;
    private readonly Func<double> _linePressure;
    private readonly Func<long> _now;
    private int _stuckAt;

    public PressureSensorModel(PhysicsParameters parameters, SimulationRandom random, Func<double> linePressure, Func<long> now)
    {
        _p = parameters;
        _random = random;
        _linePressure = linePressure;
        _now = now;
    }

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
        if (fault == PressureSensorFault.Stuck) _stuckAt = Sample();
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
            default:
                int reading = Sample();
                if (reading >= _p.PressureOutOfRangePascals) { pascals = (int)_p.PressureOutOfRangePascals; return SensorStatus.OutOfRange; }
                pascals = reading;
                return SensorStatus.Ok;
        }
    }

    private int Sample()
    {
        double noise = _p.PressureNoisePascals * (Fault == PressureSensorFault.Noisy ? _p.NoisySensorNoiseFactor : 1) * _random.NextGaussian();
        double drift = _driftOffset + _driftRate * (_now() - _driftSince) / 86_400_000.0;
        return (int)Math.Round(_linePressure() + noise + drift);
    }
}
