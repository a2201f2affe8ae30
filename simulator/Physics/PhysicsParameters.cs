namespace OpenIdds.Simulator.Physics;

/// <summary>
/// Every parameter of the pump's physical world, with its default and the reason for it
/// (docs/simulator.md lists them). Scenario files may override any of them by name.
/// </summary>
public sealed record PhysicsParameters
{
    /// <summary>True stroke volume of the head, pL. 250 nL: a small peristaltic head (~0.1 mL/rev) on a 400-step motor.</summary>
    public long StrokePicoliters { get; init; } = 250_000;

    /// <summary>Stroke-to-stroke variation, fraction (1 sd). 2 %: roller and tubing tolerance in small peristaltic heads.</summary>
    public double StrokeVariation { get; init; } = 0.02;

    /// <summary>Back-pressure at which the head slips completely, Pa. 200 kPa (2 bar, ~29 psi): small peristaltic heads' rated maximum.</summary>
    public double StallPressurePascals { get; init; } = 200_000;

    /// <summary>Line compliance, nL/Pa. 1 nL/Pa (~7 uL/psi): tubing plus cassette of an external pump (brief: ~5 h to a threshold alarm at 100 uL/h).</summary>
    public double ComplianceNanolitersPerPascal { get; init; } = 1.0;

    /// <summary>Line compliance of the implanted pump, nL/Pa. 0.2: no external tubing set - the pump's own short outlet and a stiffer catheter.</summary>
    public double ImplantedComplianceNanolitersPerPascal { get; init; } = 0.2;

    /// <summary>Open-catheter resistance, Pa.s/nL. 0.33: Poiseuille for a 0.5 mm ID, 50 cm intrathecal catheter with water.</summary>
    public double ResistancePascalSecondsPerNanoliter { get; init; } = 0.33;

    /// <summary>Pump tubing volume, nL. 100 uL: a short extension set.</summary>
    public long TubingNanoliters { get; init; } = 100_000;

    /// <summary>Catheter volume, nL. 150 uL: ~0.25 uL/cm over 60 cm (SynchroMed catheters are of this order).</summary>
    public long CatheterNanoliters { get; init; } = 150_000;

    /// <summary>CSF pressure lying, Pa. 10 mmHg (brief: 5-15 mmHg lying).</summary>
    public double CsfLyingPascals { get; init; } = 1_333;

    /// <summary>CSF pressure sitting, Pa. 20 mmHg: the lumbar hydrostatic rise when upright.</summary>
    public double CsfSittingPascals { get; init; } = 2_666;

    /// <summary>CSF pressure standing, Pa. 30 mmHg.</summary>
    public double CsfStandingPascals { get; init; } = 4_000;

    /// <summary>Cough spike, Pa above baseline. 40 mmHg (brief: tens of mmHg).</summary>
    public double CoughPascals { get; init; } = 5_333;

    /// <summary>Cough spike length, ms. 800 ms: one cough.</summary>
    public long CoughMilliseconds { get; init; } = 800;

    /// <summary>Strain (Valsalva) rise, Pa. 30 mmHg for 8 s.</summary>
    public double StrainPascals { get; init; } = 4_000;

    public long StrainMilliseconds { get; init; } = 8_000;

    /// <summary>Pressure sensor noise, Pa (1 sd). 25 Pa (~0.2 mmHg): a 0.1 %FS gauge sensor of 25 kPa range.</summary>
    public double PressureNoisePascals { get; init; } = 25;

    /// <summary>Reservoir size, nL. 20 mL: SynchroMed/Prometra small reservoir.</summary>
    public long ReservoirNanoliters { get; init; } = 20_000_000;

    /// <summary>Level sensor noise, nL (1 sd). 0.2 mL: a capacitive or optical level sensor is coarse.</summary>
    public double LevelNoiseNanoliters { get; init; } = 200_000;

    /// <summary>Battery capacity, uAh. 2,000 mAh: one Li-SOCl2 AA-size cell.</summary>
    public long BatteryMicroampereHours { get; init; } = 2_000_000;

    /// <summary>Charge per motor step, uAh. 0.01 uAh: 100 mA for 0.36 ms.</summary>
    public double StepMicroampereHours { get; init; } = 0.01;

    /// <summary>Quiescent current, uA. 20 uA: an MCU asleep between steps.</summary>
    public double QuiescentMicroamperes { get; init; } = 20;

    /// <summary>Balance resolution, mg. 0.01 mg: a semi-micro analytical balance (5 decimals in g).</summary>
    public double BalanceResolutionMilligrams { get; init; } = 0.01;

    /// <summary>Balance noise, mg (1 sd). 0.02 mg: repeatability of that class.</summary>
    public double BalanceNoiseMilligrams { get; init; } = 0.02;

    /// <summary>Evaporation from the vessel, mg/h. 0.05 mg/h with an oil layer; the standard asks for it to be kept small.</summary>
    public double EvaporationMilligramsPerHour { get; init; } = 0.05;

    /// <summary>Density of the drug solution, mg/uL. 0.998: water at 20-25 C (IEC 60601-2-24 uses it).</summary>
    public double DensityMilligramsPerMicroliter { get; init; } = 0.998;
}
