namespace OpenIdds.Simulator.Physics;

/// <summary>
/// A catheter state reached gradually (the "catheter" action with "over"): a kink whose resistance
/// multiplier grows, a leak whose share of the flow grows, or a tip that migrates out of the
/// intrathecal space (the share of its outflow and of its pressure that is the new space's). The
/// quantity moves in a straight line from its value at the start to the target, updated every
/// <see cref="StepMilliseconds"/> (the line drains exactly between updates).
/// </summary>
public sealed class CatheterRamp
{
    /// <summary>One minute: a ramp over hours moves by under 1 % of its span per step.</summary>
    public const long StepMilliseconds = 60_000;

    private readonly string _kind;
    private readonly double _from, _to;
    private readonly long _start, _end;

    public CatheterRamp(string kind, double from, double to, long start, long length)
    {
        _kind = kind;
        _from = from;
        _to = to;
        _start = start;
        _end = start + length;
    }

    /// <summary>The ramp has reached its target.</summary>
    public bool Done { get; private set; }

    /// <summary>The next time the ramp's value changes after <paramref name="now"/>.</summary>
    public long NextStep(long now) => Done ? long.MaxValue : Math.Min(_end, _start + ((now - _start) / StepMilliseconds + 1) * StepMilliseconds);

    /// <summary>Sets the line to the ramp's value at <paramref name="now"/>.</summary>
    public void Apply(CatheterLine line, long now)
    {
        if (Done) return;
        double share = now >= _end ? 1.0 : (double)((now - _start) / StepMilliseconds * StepMilliseconds) / (_end - _start);
        double value = share >= 1.0 ? _to : _from + (_to - _from) * share;
        switch (_kind)
        {
            case "kink": line.OcclusionFactor = value; break;
            case "leak": line.LeakFraction = value; break;
            default: line.TipOutside = value; break;
        }
        Done = share >= 1.0;
    }
}
