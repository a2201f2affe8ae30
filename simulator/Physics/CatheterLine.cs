namespace OpenIdds.Simulator.Physics;

/// <summary>
/// Tubing and catheter from the pump outlet to the catheter tip: a compliance charged by each stroke
/// and drained through the catheter's resistance into the CSF, so line pressure jumps at a stroke and
/// decays with time constant R x C (into an open catheter in well under a second; into a blocked one,
/// never). Occlusion multiplies the resistance (partial) or cuts the flow (complete). A leak (a cracked
/// catheter, a loose connector) sends a fraction of the outflow into tissue and pulls the line's
/// pressure that share of the way toward tissue pressure (~0 Pa); a disconnection sends all of it
/// there, through the short outlet alone. A tip migrated out of the intrathecal space drains toward
/// epidural or tissue pressure, and its drug is lost to the CSF.
/// Transport is first-in first-out through the fixed dead volume (tubing + catheter): what leaves the
/// tip is what entered the line a dead volume earlier, so a new drug reaches the tip only after the old
/// one has been pushed out (the physics behind the bridge bolus).
/// </summary>
public sealed class CatheterLine
{
    private readonly PhysicsParameters _p;
    private readonly FluidColumn _line = new();      // dead volume, tip first
    private readonly FluidColumn _buffer = new();    // stroked in, not yet flowed: held by the compliance

    public CatheterLine(PhysicsParameters parameters, long initialConcentration)
    {
        _p = parameters;
        _line.Append(parameters.TubingNanoliters + parameters.CatheterNanoliters, initialConcentration);
        PressurePascals = parameters.CsfLyingPascals;
    }

    public double PressurePascals { get; private set; }

    /// <summary>1 = open; above 1, partial occlusion (resistance multiplier); infinity = complete occlusion.</summary>
    public double OcclusionFactor { get; set; } = 1.0;

    /// <summary>The catheter is disconnected at the pump: all outflow goes to tissue at ~0 Pa.</summary>
    public bool Disconnected { get; set; }

    /// <summary>Fraction of the outflow that leaks into tissue on its way to the tip (0 = none; a disconnection is all of it).</summary>
    public double LeakFraction
    {
        get => _leakFraction;
        set => _leakFraction = value is >= 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "a leak fraction is 0..1");
    }

    private double _leakFraction;

    /// <summary>Where the tip lies. Out of the intrathecal space it drains toward epidural or tissue pressure, and what it delivers is lost to the CSF.</summary>
    public TipPlacement Placement { get; set; } = TipPlacement.Intrathecal;

    /// <summary>
    /// How far a migrating tip has left the intrathecal space for <see cref="Placement"/>, 0..1: that
    /// share of its outflow goes to the new space, and its pressure and pulse lie that share of the way
    /// to the new space's (1, the default: all the way; a <see cref="CatheterRamp"/> moves it).
    /// </summary>
    public double TipOutside
    {
        get => _tipOutside;
        set => _tipOutside = value is >= 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "a tip's share outside is 0..1");
    }

    private double _tipOutside = 1.0;

    private bool TipPartlyOut => Placement != TipPlacement.Intrathecal && _tipOutside < 1.0;

    /// <summary>
    /// Share of a CSF pressure wave of <paramref name="hertz"/> that reaches the sensor: the tip's
    /// transmission, times the leak's divider (a leak path to tissue at ~0 Pa in parallel with the
    /// catheter passes 1 - leak of it), times the line's R x C low-pass (a kink raises R).
    /// </summary>
    public double PulseGain(double hertz)
    {
        if (Disconnected || double.IsInfinity(OcclusionFactor)) return 0;
        double tip = Placement switch
        {
            TipPlacement.Epidural => _p.EpiduralPulseTransmission,
            TipPlacement.Subcutaneous => _p.SubcutaneousPulseTransmission,
            _ => 1.0,
        };
        if (TipPartlyOut) tip = 1.0 - _tipOutside * (1.0 - tip);
        double wt = 2 * Math.PI * hertz * _p.ResistancePascalSecondsPerNanoliter * OcclusionFactor * _p.ComplianceNanolitersPerPascal;
        return tip * (1 - _leakFraction) / Math.Sqrt(1 + wt * wt);
    }

    /// <summary>The pressure the line drains toward: the CSF's, the epidural space's or the tissue's, lowered by a leak's share toward tissue.</summary>
    private double Sink(double csfPascals)
    {
        if (Disconnected) return 0.0;
        double tip = Placement switch
        {
            TipPlacement.Epidural => _p.EpiduralPascals,
            TipPlacement.Subcutaneous => 0.0,
            _ => csfPascals,
        };
        if (TipPartlyOut) tip = csfPascals + _tipOutside * (tip - csfPascals);
        return tip * (1 - _leakFraction);
    }

    public double DeliveredToCsfNanoliters { get; private set; }
    public double DeliveredToCsfMicrograms { get; private set; }
    public double LeakedNanoliters { get; private set; }

    /// <summary>Concentration at the catheter tip, ug/mL.</summary>
    public long TipConcentration => _line.FrontConcentration;

    /// <summary>A stroke of drug enters the line and raises its pressure by volume / compliance.</summary>
    public void Inject(double nanoliters, long concentration)
    {
        if (nanoliters <= 0) return;
        PressurePascals += nanoliters / _p.ComplianceNanolitersPerPascal;
        _buffer.Append(nanoliters, concentration);
    }

    /// <summary>Reverse strokes pull stored volume back: pressure relief after an occlusion alarm.</summary>
    public void Withdraw(double nanoliters)
    {
        double taken = _buffer.TakeBack(nanoliters);
        PressurePascals = Math.Max(0.0, PressurePascals - taken / _p.ComplianceNanolitersPerPascal);
    }

    /// <summary>Lets the line drain for <paramref name="seconds"/> toward the CSF pressure (or tissue, if disconnected).</summary>
    public void Flow(double seconds, double csfPascals)
    {
        if (seconds <= 0) return;
        double sink = Sink(csfPascals);
        double resistance = _p.ResistancePascalSecondsPerNanoliter * (Disconnected ? _p.DisconnectedResistanceFactor : OcclusionFactor);
        if (double.IsInfinity(resistance)) return;
        double tau = resistance * _p.ComplianceNanolitersPerPascal;
        double before = PressurePascals;
        PressurePascals = sink + (before - sink) * Decay(seconds / tau);
        double outflow = (before - PressurePascals) * _p.ComplianceNanolitersPerPascal;
        if (outflow > 0) Forward(outflow);
        else if (outflow < 0) Backward(-outflow);
    }

    // Nearly every wake-up is the firmware's same 30 s sleep on the same line, so the decay of the
    // last interval is kept: the series in ExpNegative (a pure function) runs only when it changes.
    private double _decayExponent = double.NaN;
    private double _decay;

    /// <summary>e^-<paramref name="exponent"/>, the share of the line's excess pressure left after an interval.</summary>
    private double Decay(double exponent)
    {
        if (exponent != _decayExponent)
        {
            _decay = DeterministicMath.ExpNegative(exponent);
            _decayExponent = exponent;
        }
        return _decay;
    }

    /// <summary>Volume leaves the tip; the compliance store refills the line from the pump end, first in first out.</summary>
    private void Forward(double volume)
    {
        var entering = _buffer.TakeFrontSegments(volume);
        foreach (var (v, c) in entering) _line.Append(v, c);
        double fromStore = entering.Sum(e => e.Volume);
        if (fromStore < volume) _line.Append(volume - fromStore, _line.BackConcentration);
        foreach (var (v, c) in _line.TakeFrontSegments(volume))
        {
            if (Disconnected || (Placement != TipPlacement.Intrathecal && !TipPartlyOut)) LeakedNanoliters += v;
            else if (TipPartlyOut)
            {
                double outside = v * _tipOutside;
                LeakedNanoliters += outside;
                DeliveredToCsfNanoliters += v - outside;
                DeliveredToCsfMicrograms += (v - outside) * c / 1_000_000.0;
            }
            else if (_leakFraction > 0)
            {
                double leaked = v * _leakFraction;
                LeakedNanoliters += leaked;
                DeliveredToCsfNanoliters += v - leaked;
                DeliveredToCsfMicrograms += (v - leaked) * c / 1_000_000.0;
            }
            else
            {
                DeliveredToCsfNanoliters += v;
                DeliveredToCsfMicrograms += v * c / 1_000_000.0;
            }
        }
    }

    /// <summary>
    /// CSF pressure rose above the line's (standing up, a cough): CSF enters the tip and the line's
    /// contents shift toward the pump into the compliance. It flows back out first when pressure falls,
    /// so volume is conserved and no drug is counted twice.
    /// </summary>
    private void Backward(double volume)
    {
        if (Disconnected || Placement != TipPlacement.Intrathecal) return;
        DeliveredToCsfNanoliters -= volume;
        _line.Prepend(volume, 0);
        var shifted = _line.TakeBackSegments(volume);
        foreach (var (v, c) in shifted) _buffer.Prepend(v, c);
    }
}
