namespace OpenIdds.Simulator.Physics;

/// <summary>Where the patient is in the CSF-pressure sense: lying, sitting or standing.</summary>
public enum Posture { Lying, Sitting, Standing }

/// <summary>
/// Intrathecal (CSF) pressure at the catheter tip: a baseline that follows posture, plus coughs
/// (short, tens of mmHg) and strains (Valsalva, several seconds). An occlusion detector must ride
/// through all of these without alarming.
/// </summary>
public sealed class Patient
{
    private readonly PhysicsParameters _p;
    private long _coughUntil = long.MinValue;
    private long _strainUntil = long.MinValue;

    public Patient(PhysicsParameters parameters) { _p = parameters; }

    public Posture Posture { get; set; } = Posture.Lying;

    /// <summary>Rest, walking or asleep: moves the heart and breathing rates and the pulse amplitudes (<see cref="CsfPulsation"/>).</summary>
    public PatientActivity Activity { get; set; } = PatientActivity.Rest;

    public void Cough(long now) => _coughUntil = now + _p.CoughMilliseconds;

    public void Strain(long now) => _strainUntil = now + _p.StrainMilliseconds;

    /// <summary>The instant the current transient ends (a physics event: pressure steps back down).</summary>
    public long TransientEnds(long now) => Math.Min(_coughUntil > now ? _coughUntil : long.MaxValue, _strainUntil > now ? _strainUntil : long.MaxValue);

    public double CsfPascals(long now)
    {
        double baseline = Posture switch
        {
            Posture.Sitting => _p.CsfSittingPascals,
            Posture.Standing => _p.CsfStandingPascals,
            _ => _p.CsfLyingPascals,
        };
        if (now < _coughUntil) baseline += _p.CoughPascals;
        if (now < _strainUntil) baseline += _p.StrainPascals;
        return baseline;
    }
}
