namespace OpenIdds.Simulator.Physics;

/// <summary>
/// One board's ADC as its pressure driver sees it: the transfer from pin millivolts to a raw 12-bit
/// count, with the chip's offset, nonlinearity and conversion noise, and the quantisation. Figures from
/// the chips' own documents (docs/simulator.md, "The pressure signal chain"); where a document gives no
/// noise figure the assumption is named, and the bench measures the real board (docs/flashing.md).
/// </summary>
public sealed record BoardAdc
{
    public const int FullScaleCounts = 4095;

    public required string Name { get; init; }

    /// <summary>Pin voltage below which the ADC reads 0, mV.</summary>
    public required double ZeroMillivolts { get; init; }

    /// <summary>Millivolts a count in the linear range, at the chip's nominal reference.</summary>
    public required double MillivoltsPerCount { get; init; }

    /// <summary>Top of the linear (accurate) range, mV; above it the counts follow a second line to full scale at <see cref="SaturationMillivolts"/>.</summary>
    public required double LinearToMillivolts { get; init; }

    public required double SaturationMillivolts { get; init; }

    /// <summary>Spread of the chip's reference, fraction either side of nominal (a gain error the ratio cancels).</summary>
    public required double ReferenceSpread { get; init; }

    /// <summary>Offset, counts.</summary>
    public required double OffsetCounts { get; init; }

    /// <summary>Integral nonlinearity, counts: a bow of this height at mid-scale (the datasheet's bound).</summary>
    public required double NonlinearityCounts { get; init; }

    /// <summary>Conversion noise, counts (1 sd), independent from one conversion to the next.</summary>
    public required double NoiseCounts { get; init; }

    /// <summary>
    /// ESP32 ADC1 at 11 dB, raw counts (nanoFramework: adc1_get_raw, no eFuse calibration). Checked
    /// (docs/simulator.md gives the addresses): 150-2,450 mV is the accurate range at 11 dB (ESP-IDF
    /// driver/adc.h), Vref 1,000-1,200 mV from chip to chip (ESP-IDF ADC API reference, "ADC
    /// Calibration"). Not checked against the datasheet here: INL +-12 LSB, DNL +-7 LSB (ESP32 datasheet,
    /// "ADC characteristics"). The linear part (about 0.8 mV a count from 142 mV, saturating near 3.1 V)
    /// matches a public bench run (135-3,135 mV for counts 0-4,095). Conversion noise is not tabled;
    /// 6 counts (1 sd) is assumed, and the bench step measures it.
    /// </summary>
    public static readonly BoardAdc Esp32At11Db = new()
    {
        Name = "ESP32 ADC1, 11 dB",
        ZeroMillivolts = 142,
        MillivoltsPerCount = 0.805,
        LinearToMillivolts = 2450,
        SaturationMillivolts = 3100,
        ReferenceSpread = 100.0 / 1100,
        OffsetCounts = 0,
        NonlinearityCounts = 12,
        NoiseCounts = 6,
    };

    /// <summary>
    /// STM32F746 ADC, 12 bits against VREF+ = VDDA = 3.3 V on the Nucleo-144 (UM1974). Offset 2 LSB and a
    /// 2 LSB bow: not checked against DS10916 here; the same ADC in the STM32F405/407 datasheet (DS8626,
    /// Table 66) has offset +-1.5 typical / +-2.5 max and INL +-1.5 / +-3 LSB (docs/simulator.md).
    /// Conversion noise is not tabled; 1 count (1 sd, about 10.5 effective bits) is assumed.
    /// </summary>
    public static readonly BoardAdc Stm32F746 = new()
    {
        Name = "STM32F746 ADC",
        ZeroMillivolts = 0,
        MillivoltsPerCount = 3300.0 / 4096,
        LinearToMillivolts = 3300,
        SaturationMillivolts = 3300,
        ReferenceSpread = 0.01,
        OffsetCounts = 2,
        NonlinearityCounts = 2,
        NoiseCounts = 1,
    };

    /// <summary>The ADC of a board folder, or null for a board without one (a Raspberry Pi).</summary>
    public static BoardAdc? ForBoard(string board) => board switch
    {
        "esp32-devkitc" => Esp32At11Db,
        "stm32-nucleo-f746zg" => Stm32F746,
        _ => null,
    };

    /// <summary>The count for a pin voltage, before noise and quantisation (12 bits, 0..4095), at reference gain <paramref name="gain"/>.</summary>
    public double IdealCounts(double pinMillivolts, double gain)
    {
        double linear(double mv) => (mv - ZeroMillivolts) * gain / MillivoltsPerCount;
        double counts = pinMillivolts <= LinearToMillivolts
            ? linear(pinMillivolts)
            : linear(LinearToMillivolts) + (pinMillivolts - LinearToMillivolts) * (FullScaleCounts - linear(LinearToMillivolts)) / (SaturationMillivolts - LinearToMillivolts);
        counts = Math.Clamp(counts, 0, FullScaleCounts);
        return counts + OffsetCounts + NonlinearityCounts * Math.Sin(Math.PI * counts / FullScaleCounts);
    }
}
