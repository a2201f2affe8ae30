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

    /// <summary>
    /// The fastest step rate the motor can start the loaded head at from rest, steps/s. 50 (25 full
    /// steps/s at 1/2 step): a NEMA 17's start-stop rate falls steeply with load inertia and friction,
    /// and a peristaltic head is both; an assumed, conservative figure until the bench measures one.
    /// Faster pulses than the rotor can follow lose step: it stays where it is until the pulses stop.
    /// </summary>
    public double HeadStartStepsPerSecond { get; init; } = 50;

    /// <summary>How fast the step rate may rise once the rotor turns, steps/s per second. 400: the same assumption.</summary>
    public double HeadAccelerationStepsPerSecondSquared { get; init; } = 400;

    /// <summary>
    /// Line compliance, nL/Pa. 1 nL/Pa (~7 uL/psi): tubing plus cassette of an external pump. It gives
    /// C x 124 kPa / Q = 1.2 h to the classic 124 kPa (18 psi) threshold at 100 uL/h - the brief's "hours";
    /// the published ~5 h at 100 uL/h would mean a softer set (~4 nL/Pa), which a scenario can set here.
    /// </summary>
    public double ComplianceNanolitersPerPascal { get; init; } = 1.0;

    /// <summary>Line compliance of the implanted pump, nL/Pa. 0.2: no external tubing set - the pump's own short outlet and a stiffer catheter.</summary>
    public double ImplantedComplianceNanolitersPerPascal { get; init; } = 0.2;

    /// <summary>Open-catheter resistance, Pa.s/nL. 0.33: Poiseuille for the intrathecal catheter of <see cref="CatheterNanoliters"/> (0.535 mm ID, 67 cm) with water at 20 C (1.0 mPa s).</summary>
    public double ResistancePascalSecondsPerNanoliter { get; init; } = 0.33;

    /// <summary>Resistance of a disconnected line, times the catheter's. 0.1: only the few centimetres of outlet before the break remain.</summary>
    public double DisconnectedResistanceFactor { get; init; } = 0.1;

    /// <summary>Pump tubing volume, nL. 100 uL: a short extension set.</summary>
    public long TubingNanoliters { get; init; } = 100_000;

    /// <summary>Catheter volume, nL. 150 uL: 2.25 uL/cm (0.535 mm ID) over 67 cm, the catheter whose resistance is <see cref="ResistancePascalSecondsPerNanoliter"/> (SynchroMed catheters are of this order).</summary>
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

    /// <summary>Noise of a failing sensor (the "noisy" fault), times <see cref="PressureNoisePascals"/>. 10: a cracked diaphragm or a loose connector is an order of magnitude worse than the rating.</summary>
    public double NoisySensorNoiseFactor { get; init; } = 10;

    /// <summary>
    /// Reading from which the sensor reports out of range, Pa: 25,000, the full scale of the boards'
    /// 0-25 kPa gauge, from which boards/shared/device/AdcPressureSensor.cs reports OutOfRange (the
    /// firmware takes it for a possible occlusion while delivering: FULL-SCALE-IS-OCCLUSION).
    /// </summary>
    public double PressureOutOfRangePascals { get; init; } = 25_000;

    /// <summary>The pressure gauge's supply, mV: USB VBUS, 5,000 nominal (4,750-5,250 by the USB 2.0 specification).</summary>
    public double SensorSupplyMillivolts { get; init; } = 5_000;

    /// <summary>Ripple on that supply, mV (amplitude): 25, the figure for a USB supply shared with a motor driver's logic.</summary>
    public double SensorSupplyRippleMillivolts { get; init; } = 25;

    /// <summary>
    /// The pressure chain's noise, times its nominal: the gauge's own noise, the supply ripple and the
    /// ADC's conversion noise alike. 1 is the board as characterised; `measurements -- sensor-noise`
    /// runs 1, 2 and 4.
    /// </summary>
    public double BoardNoiseFactor { get; init; } = 1;

    /// <summary>Reservoir size, nL. 20 mL: SynchroMed/Prometra small reservoir.</summary>
    public long ReservoirNanoliters { get; init; } = 20_000_000;

    /// <summary>Level sensor noise, nL (1 sd). 0.2 mL: a capacitive or optical level sensor is coarse.</summary>
    public double LevelNoiseNanoliters { get; init; } = 200_000;

    /// <summary>Battery capacity, uAh. 2,000 mAh: one Li-SOCl2 AA-size cell.</summary>
    public long BatteryMicroampereHours { get; init; } = 2_000_000;

    /// <summary>Terminal voltage over most of the cell's life, mV. 3,600: a Li-SOCl2 cell's flat nominal plateau.</summary>
    public int BatteryPlateauMillivolts { get; init; } = 3_600;

    /// <summary>Charge left (fraction) where the plateau ends and the voltage starts to fall. 0.15: the end-of-life knee of Li-SOCl2 discharge curves at low current.</summary>
    public double BatteryKneeFraction { get; init; } = 0.15;

    /// <summary>Terminal voltage at empty, mV; linear from the knee. 3,000: below the firmware's 3.1 V end of service, so the model reaches it before the cell is flat.</summary>
    public int BatteryEmptyMillivolts { get; init; } = 3_000;

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

    /// <summary>
    /// The CSF pressure pulses (cardiac, respiratory, slow wave) at the sensor. Off by default: the
    /// occlusion and false-alarm figures in docs/benchmarks.md were measured without them; the catheter
    /// scenarios and the catheter benchmark turn it on (docs/catheter.md).
    /// </summary>
    public bool CsfPulsation { get; init; }

    /// <summary>Cardiac CSF pulse amplitude (half peak-to-peak), lying at rest, population median, Pa. 1 mmHg: lumbar and intracranial pulse amplitudes of 1-4 mmHg peak-to-peak at normal pressure (Czosnyka and Pickard 2004).</summary>
    public double CardiacAmplitudePascals { get; init; } = 133;

    /// <summary>Respiratory CSF wave amplitude (half peak-to-peak), lying at rest, population median, Pa. 1.5 mmHg: respiratory waves of the same order as the cardiac pulse, larger in the lumbar sac (Williams 1976; Dreha-Kulaczewski et al. 2015).</summary>
    public double RespiratoryAmplitudePascals { get; init; } = 200;

    /// <summary>Spread of both amplitudes between patients, sd of the natural log. 0.4: a factor 1.5 either way for one patient in three (assumed).</summary>
    public double PulseAmplitudeSpread { get; init; } = 0.4;

    /// <summary>Resting heart rate, population mean, Hz. 1.15 (69/min), sd 0.17 (10/min), clamped to 48-102/min (Avram et al. 2019).</summary>
    public double HeartRateHertz { get; init; } = 1.15;

    public double HeartRateSpreadHertz { get; init; } = 0.17;

    /// <summary>Resting breathing rate, population mean, Hz. 0.25 (15/min), sd 0.05, clamped to 10-24/min (Cretikos et al. 2008).</summary>
    public double BreathingRateHertz { get; init; } = 0.25;

    public double BreathingRateSpreadHertz { get; init; } = 0.05;

    /// <summary>Heart rate walking, times resting. 1.4: ~95/min for a 69/min resting rate.</summary>
    public double WalkingHeartRateFactor { get; init; } = 1.4;

    /// <summary>Breathing rate walking, times resting. 1.5.</summary>
    public double WalkingBreathingRateFactor { get; init; } = 1.5;

    /// <summary>Heart and breathing rates asleep, times resting. 0.88.</summary>
    public double SleepRateFactor { get; init; } = 0.88;

    /// <summary>Cardiac pulse amplitude walking, times resting. 1.2 (a larger stroke volume; assumed).</summary>
    public double WalkingCardiacAmplitudeFactor { get; init; } = 1.2;

    /// <summary>Respiratory wave amplitude walking, times resting. 1.5 (deeper breaths; assumed).</summary>
    public double WalkingRespiratoryAmplitudeFactor { get; init; } = 1.5;

    /// <summary>Pulse amplitudes sitting, times lying. 0.75: upright, the lumbar sac's compliance rises and pulse amplitudes fall (Magnaes 1976; the factor is assumed).</summary>
    public double SittingPulseFactor { get; init; } = 0.75;

    /// <summary>Pulse amplitudes standing, times lying. 0.6 (assumed, as sitting).</summary>
    public double StandingPulseFactor { get; init; } = 0.6;

    /// <summary>Slow (B) wave amplitude, Pa, and rate, Hz. 0.5 mmHg at 1/min (Czosnyka and Pickard 2004: 0.5-2 per minute).</summary>
    public double SlowWavePascals { get; init; } = 67;

    public double SlowWaveHertz { get; init; } = 0.0167;

    /// <summary>Pressure at a tip migrated to the epidural space, Pa. 3 mmHg: epidural pressure sits a few mmHg above atmospheric.</summary>
    public double EpiduralPascals { get; init; } = 400;

    /// <summary>Share of the CSF pulse an epidural tip still sees. 0.15: the dura passes a damped pulse (Coffey et al. 2010 saw dislodged catheters lose most of it; the figure is assumed).</summary>
    public double EpiduralPulseTransmission { get; init; } = 0.15;

    /// <summary>Share of the CSF pulse a subcutaneous tip sees. 0.02: tissue carries almost none (assumed).</summary>
    public double SubcutaneousPulseTransmission { get; init; } = 0.02;
}
