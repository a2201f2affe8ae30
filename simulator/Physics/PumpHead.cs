namespace OpenIdds.Simulator.Physics;

/// <summary>
/// The peristaltic head: a stroke pushes a volume that varies a little stroke to stroke and falls as
/// back-pressure rises (the rollers slip), down to nothing at the stall pressure.
/// Lost steps (a step pulse that moves nothing) and a stalled motor are injectable faults.
/// </summary>
public sealed class PumpHead
{
    private readonly PhysicsParameters _p;
    private readonly SimulationRandom _random;

    public PumpHead(PhysicsParameters parameters, SimulationRandom random)
    {
        _p = parameters;
        _random = random;
    }

    /// <summary>Probability that a step pulse moves nothing (a worn gear, a missed micro-step).</summary>
    public double LostStepProbability { get; set; }

    public bool Stalled { get; set; }

    public long Pulses { get; private set; }
    public long LostSteps { get; private set; }

    /// <summary>Pulses the rotor did not follow because they came faster than it could start or accelerate.</summary>
    public long OutOfStepPulses { get; private set; }

    /// <summary>Pulses farther apart than this find the rotor at rest, ms.</summary>
    public const long RestMilliseconds = 200;

    private long _lastPulse = long.MinValue;
    private double _stepsPerSecond;
    private bool _outOfStep;

    /// <summary>
    /// Whether the rotor follows a STEP pulse at <paramref name="nowMilliseconds"/>, in either direction:
    /// from rest it starts at up to <see cref="PhysicsParameters.HeadStartStepsPerSecond"/>, and turning
    /// it speeds up by at most <see cref="PhysicsParameters.HeadAccelerationStepsPerSecondSquared"/>.
    /// A pulse beyond that loses step, and the rotor stays put until the pulses stop for
    /// <see cref="RestMilliseconds"/>: a burst of back-to-back pulses moves it once, if at all.
    /// </summary>
    public bool Follows(long nowMilliseconds)
    {
        long interval = _lastPulse == long.MinValue ? long.MaxValue : nowMilliseconds - _lastPulse;
        _lastPulse = nowMilliseconds;
        if (interval >= RestMilliseconds)
        {
            _outOfStep = false;
            _stepsPerSecond = 0;
            return true;
        }
        if (!_outOfStep)
        {
            double demanded = interval <= 0 ? double.PositiveInfinity : 1000.0 / interval;
            double reachable = Math.Max(_p.HeadStartStepsPerSecond, _stepsPerSecond + _p.HeadAccelerationStepsPerSecondSquared * interval / 1000.0);
            if (demanded <= reachable) _stepsPerSecond = demanded;
            else _outOfStep = true;
        }
        if (_outOfStep) OutOfStepPulses++;
        return !_outOfStep;
    }

    /// <summary>The volume one forward stroke moves against <paramref name="backPressurePascals"/>, nL.</summary>
    public double Stroke(double backPressurePascals)
    {
        Pulses++;
        if (Stalled || _random.Chance(LostStepProbability))
        {
            LostSteps++;
            return 0;
        }
        double nominal = _p.StrokePicoliters / 1000.0 * (1.0 + _p.StrokeVariation * _random.NextGaussian());
        double slip = Math.Clamp(backPressurePascals / _p.StallPressurePascals, 0.0, 1.0);
        return Math.Max(0.0, nominal * (1.0 - slip));
    }
}
