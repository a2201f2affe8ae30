using OpenIdds.Boards;
using OpenIdds.Hal;

namespace OpenIdds.Simulator.Physics;

/// <summary>
/// The pressure reading as a board makes it: the 0.5-4.5 V gauge's output, ratiometric to its 5 V USB
/// supply with that supply's ripple, through the board's 1:2 and 1:3 dividers into two channels of the
/// board's ADC (<see cref="BoardAdc"/>: transfer curve, reference spread, offset, nonlinearity, noise,
/// quantisation), <see cref="RatiometricPressure.Samples"/> conversions of each summed as the board's
/// driver does, and converted by the boards' own <see cref="RatiometricPressure"/> with a two-point
/// calibration made as docs/flashing.md's bench step makes it (vented, then full scale).
/// </summary>
public sealed class PressureSignalChain
{
    private readonly BoardAdc _adc;
    private readonly PhysicsParameters _p;
    private readonly SimulationRandom _random;
    private readonly double _gain;
    private readonly RatiometricPressure _conversion = new();

    public PressureSignalChain(BoardAdc adc, PhysicsParameters parameters, SimulationRandom random)
    {
        _adc = adc;
        _p = parameters;
        _random = random;
        // This board's chip: its reference anywhere in the spread (a gain the ratio cancels).
        _gain = 1 + adc.ReferenceSpread * (2 * random.NextDouble() - 1);
        _conversion.ZeroPartsPerMillion = (int)RatiometricPressure.RatioPartsPerMillion(Counts(0, false).Output, Counts(0, false).Supply);
        _conversion.FullScalePartsPerMillion = (int)RatiometricPressure.RatioPartsPerMillion(Counts(RatiometricPressure.FullScalePascals, false).Output, Counts(RatiometricPressure.FullScalePascals, false).Supply);
    }

    public BoardAdc Adc => _adc;

    /// <summary>The two-point calibration readings are converted with: at construction the bench's (noiseless, at 0 Pa and full scale); the firmware may set another (PRESSURE-TWO-POINT-CAL).</summary>
    public PressureCalibration Calibration
    {
        get => _conversion.Calibration;
        set => _conversion.Calibration = value;
    }

    /// <summary>The raw reading of the last <see cref="Read"/>, output over supply in ppm.</summary>
    public int LastRatioPartsPerMillion => _conversion.LastRatioPartsPerMillion;

    /// <summary>The bench calibration this board was given: output over supply at 0 Pa and at full scale, ppm.</summary>
    public int ZeroPartsPerMillion => _conversion.ZeroPartsPerMillion;
    public int FullScalePartsPerMillion => _conversion.FullScalePartsPerMillion;

    /// <summary>What the board's driver reports for a gauge at <paramref name="sensorPascals"/> (its own noise and drift already in).</summary>
    public SensorStatus Read(double sensorPascals, out int pascals)
    {
        var (output, supply) = Counts(sensorPascals, true);
        return _conversion.Convert(output, supply, out pascals);
    }

    /// <summary>
    /// Summed counts of the output and the supply channel over one oversampled reading. The sum of the
    /// <see cref="RatiometricPressure.Samples"/> conversions is drawn at once, as the sum of independent
    /// draws is distributed: the count times the samples, plus a Gaussian with the conversions' noise
    /// and their rounding (1/12 count squared each) added in variance; the ripple is the mean of the
    /// pairs' (a random phase each), common to both channels since a pair's conversions are microseconds
    /// apart. Noiseless (the bench calibration), each conversion is rounded as the ADC does.
    /// </summary>
    private (long Output, long Supply) Counts(double sensorPascals, bool noisy)
    {
        int n = RatiometricPressure.Samples;
        double ripple = 0;
        if (noisy) ripple = _p.BoardNoiseFactor * _p.SensorSupplyRippleMillivolts * Math.Sqrt(0.5 / n) * _random.NextGaussian();
        double supplyMillivolts = _p.SensorSupplyMillivolts + ripple;
        double fraction = Math.Clamp(0.1 + 0.8 * sensorPascals / RatiometricPressure.FullScalePascals, SensorOutputMinimumFraction, SensorOutputMaximumFraction);
        double outputIdeal = _adc.IdealCounts(supplyMillivolts * fraction / RatiometricPressure.OutputDividerInverse, _gain);
        double supplyIdeal = _adc.IdealCounts(supplyMillivolts / RatiometricPressure.SupplyDividerInverse, _gain);
        if (!noisy) return (n * Quantised(outputIdeal), n * Quantised(supplyIdeal));
        double conversionNoise = _p.BoardNoiseFactor * _adc.NoiseCounts;
        double sumSd = Math.Sqrt(n * (conversionNoise * conversionNoise + 1.0 / 12));
        return (SummedCounts(outputIdeal, sumSd, n), SummedCounts(supplyIdeal, sumSd, n));
    }

    private long SummedCounts(double ideal, double sumSd, int n) =>
        (long)Math.Clamp(Math.Round(n * ideal + sumSd * _random.NextGaussian()), 0, (long)n * BoardAdc.FullScaleCounts);

    private static long Quantised(double counts) => (long)Math.Clamp(Math.Round(counts), 0, BoardAdc.FullScaleCounts);

    /// <summary>The gauge's output swings between these fractions of its supply at its rails (saturated below 0 Pa and above full scale).</summary>
    public const double SensorOutputMinimumFraction = 0.05;
    public const double SensorOutputMaximumFraction = 0.95;
}
