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

    /// <summary>The bench calibration this board was given: output over supply at 0 Pa and at full scale, ppm.</summary>
    public int ZeroPartsPerMillion => _conversion.ZeroPartsPerMillion;
    public int FullScalePartsPerMillion => _conversion.FullScalePartsPerMillion;

    /// <summary>What the board's driver reports for a gauge at <paramref name="sensorPascals"/> (its own noise and drift already in).</summary>
    public SensorStatus Read(double sensorPascals, out int pascals)
    {
        var (output, supply) = Counts(sensorPascals, true);
        return _conversion.Convert(output, supply, out pascals);
    }

    /// <summary>Summed counts of the output and the supply channel over one oversampled reading.</summary>
    private (long Output, long Supply) Counts(double sensorPascals, bool noisy)
    {
        double factor = noisy ? _p.BoardNoiseFactor : 0;
        long output = 0, supply = 0;
        for (int i = 0; i < RatiometricPressure.Samples; i++)
        {
            // The two conversions of a pair are microseconds apart: both see the same point of the ripple.
            double supplyMillivolts = _p.SensorSupplyMillivolts + factor * _p.SensorSupplyRippleMillivolts * Math.Sin(2 * Math.PI * (noisy ? _random.NextDouble() : 0));
            double fraction = Math.Clamp(0.1 + 0.8 * sensorPascals / RatiometricPressure.FullScalePascals, SensorOutputMinimumFraction, SensorOutputMaximumFraction);
            double outputPin = supplyMillivolts * fraction / RatiometricPressure.OutputDividerInverse;
            double supplyPin = supplyMillivolts / RatiometricPressure.SupplyDividerInverse;
            output += _adc.Convert(outputPin, _gain, factor * _adc.NoiseCounts * (noisy ? _random.NextGaussian() : 0));
            supply += _adc.Convert(supplyPin, _gain, factor * _adc.NoiseCounts * (noisy ? _random.NextGaussian() : 0));
        }
        return (output, supply);
    }

    /// <summary>The gauge's output swings between these fractions of its supply at its rails (saturated below 0 Pa and above full scale).</summary>
    public const double SensorOutputMinimumFraction = 0.05;
    public const double SensorOutputMaximumFraction = 0.95;
}
