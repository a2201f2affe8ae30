namespace OpenIdds.Simulator.Physics;

/// <summary>
/// The pulsatile part of one patient's lumbar CSF pressure: a cardiac wave, a respiratory wave and a
/// slow (B) wave, each a sinusoid whose rate and amplitude are drawn per patient from the population
/// spread in <see cref="PhysicsParameters"/> and scaled by posture and activity (docs/catheter.md
/// gives the sources). What reaches the pump's sensor is this wave times the line's transmission
/// (<see cref="CatheterLine.PulseGain"/>): whole through an intact intrathecal catheter, damped by a
/// kink's R x C low-pass, and gone with the tip out of the CSF or the flow out of a leak.
/// </summary>
public sealed class CsfPulsation
{
    private const double TwoPi = 6.28318530717958647692;
    private readonly PhysicsParameters _p;
    private readonly double _cardiacPhase, _respiratoryPhase;

    public CsfPulsation(PhysicsParameters parameters, SimulationRandom random)
    {
        _p = parameters;
        HeartRateHertz = Clamp(parameters.HeartRateHertz + parameters.HeartRateSpreadHertz * random.NextGaussian(), 0.8, 1.7);
        BreathingRateHertz = Clamp(parameters.BreathingRateHertz + parameters.BreathingRateSpreadHertz * random.NextGaussian(), 0.17, 0.4);
        CardiacAmplitudePascals = parameters.CardiacAmplitudePascals * LogNormal(random, parameters.PulseAmplitudeSpread);
        RespiratoryAmplitudePascals = parameters.RespiratoryAmplitudePascals * LogNormal(random, parameters.PulseAmplitudeSpread);
        _cardiacPhase = TwoPi * random.NextDouble();
        _respiratoryPhase = TwoPi * random.NextDouble();
    }

    /// <summary>This patient's resting heart rate, Hz.</summary>
    public double HeartRateHertz { get; }

    /// <summary>This patient's resting breathing rate, Hz.</summary>
    public double BreathingRateHertz { get; }

    /// <summary>This patient's cardiac pulse amplitude lying at rest (half peak-to-peak), Pa.</summary>
    public double CardiacAmplitudePascals { get; }

    /// <summary>This patient's respiratory wave amplitude lying at rest (half peak-to-peak), Pa.</summary>
    public double RespiratoryAmplitudePascals { get; }

    /// <summary>Heart rate now, Hz: walking raises it, sleep lowers it.</summary>
    public double CardiacHertz(PatientActivity activity) => activity switch
    {
        PatientActivity.Walking => HeartRateHertz * _p.WalkingHeartRateFactor,
        PatientActivity.Asleep => HeartRateHertz * _p.SleepRateFactor,
        _ => HeartRateHertz,
    };

    /// <summary>Breathing rate now, Hz.</summary>
    public double RespiratoryHertz(PatientActivity activity) => activity switch
    {
        PatientActivity.Walking => BreathingRateHertz * _p.WalkingBreathingRateFactor,
        PatientActivity.Asleep => BreathingRateHertz * _p.SleepRateFactor,
        _ => BreathingRateHertz,
    };

    /// <summary>The pulsatile pressure at the sensor, Pa, at true time <paramref name="now"/>.</summary>
    public double Pascals(long now, Posture posture, PatientActivity activity, CatheterLine line)
    {
        double seconds = now / 1000.0;
        double upright = posture switch { Posture.Sitting => _p.SittingPulseFactor, Posture.Standing => _p.StandingPulseFactor, _ => 1.0 };
        double cardiacHertz = CardiacHertz(activity), respiratoryHertz = RespiratoryHertz(activity);
        double cardiac = CardiacAmplitudePascals * upright * (activity == PatientActivity.Walking ? _p.WalkingCardiacAmplitudeFactor : 1.0);
        double respiratory = RespiratoryAmplitudePascals * upright * (activity == PatientActivity.Walking ? _p.WalkingRespiratoryAmplitudeFactor : 1.0);
        return line.PulseGain(cardiacHertz) * cardiac * DeterministicMath.Sin(TwoPi * cardiacHertz * seconds + _cardiacPhase)
            + line.PulseGain(respiratoryHertz) * respiratory * DeterministicMath.Sin(TwoPi * respiratoryHertz * seconds + _respiratoryPhase)
            + line.PulseGain(_p.SlowWaveHertz) * _p.SlowWavePascals * DeterministicMath.Sin(TwoPi * _p.SlowWaveHertz * seconds);
    }

    private static double Clamp(double value, double low, double high) => Math.Max(low, Math.Min(high, value));

    // e^(spread x N(0,1)) with exp from its series, bit-identical on every machine.
    private static double LogNormal(SimulationRandom random, double spread)
    {
        double z = Clamp(spread * random.NextGaussian(), -3 * spread, 3 * spread);
        return z >= 0 ? 1.0 / DeterministicMath.ExpNegative(z) : DeterministicMath.ExpNegative(-z);
    }
}
