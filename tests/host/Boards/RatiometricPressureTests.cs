using OpenIdds.Boards;
using OpenIdds.Hal;

namespace OpenIdds.Tests.Host.Boards;

/// <summary>PRESSURE-RATIOMETRIC: the gauge read against its own supply, through dividers the ESP32 reads accurately.</summary>
[TestClass]
public class RatiometricPressureTests
{
    /// <summary>Summed counts of both channels for a sensor at <paramref name="pascals"/> on a <paramref name="supplyMillivolts"/> supply, ADC gain <paramref name="gain"/>.</summary>
    private static (long Output, long Supply) Counts(int pascals, int supplyMillivolts, double gain = 1.0)
    {
        double sensor = supplyMillivolts * (0.1 + 0.8 * pascals / 25000.0);
        double count(double pinMillivolts) => Math.Round(pinMillivolts * 4095 / 3300 * gain) * RatiometricPressure.Samples;
        return ((long)count(sensor / RatiometricPressure.OutputDividerInverse), (long)count(supplyMillivolts / (double)RatiometricPressure.SupplyDividerInverse));
    }

    [TestMethod]
    public void A_supply_anywhere_in_the_USB_range_and_an_ADC_gain_error_leave_the_pressure_within_20_Pa()
    {
        var conversion = new RatiometricPressure();
        foreach (int supply in new[] { 4750, 5000, 5250 })
        foreach (double gain in new[] { 0.92, 1.0, 1.08 })
        foreach (int pressure in new[] { 0, 1333, 12000, 24000 })
        {
            var (output, sup) = Counts(pressure, supply, gain);
            Assert.AreEqual(SensorStatus.Ok, conversion.Convert(output, sup, out int pascals));
            Assert.IsTrue(Math.Abs(pascals - pressure) <= 20, $"{pressure} Pa on {supply} mV, gain {gain}: read {pascals} Pa");
        }
    }

    [TestMethod]
    public void The_dividers_keep_both_pins_inside_the_ESP32_accurate_range_at_11_dB()
    {
        // Espressif: 150-2,450 mV is the accurate range at 11 dB. Sensor 0.5-4.5 V of 5 V, saturating near
        // 4.75 V on a 5.25 V supply; the supply itself 4.75-5.25 V.
        var pins = new (string Name, double LowMillivolts, double HighMillivolts, int Divider)[]
        {
            ("output", 475, 4750, RatiometricPressure.OutputDividerInverse),
            ("supply", 4750, 5250, RatiometricPressure.SupplyDividerInverse),
        };
        foreach (var pin in pins)
        {
            Assert.IsTrue(pin.LowMillivolts / pin.Divider >= 150, $"{pin.Name}: {pin.LowMillivolts / pin.Divider} mV at the pin");
            Assert.IsTrue(pin.HighMillivolts / pin.Divider <= 2450, $"{pin.Name}: {pin.HighMillivolts / pin.Divider} mV at the pin");
        }
    }

    [TestMethod]
    public void Full_scale_reads_out_of_range_at_full_scale_and_a_missing_supply_or_output_is_a_disconnection()
    {
        var conversion = new RatiometricPressure();
        var (output, supply) = Counts(25000, 5000);
        Assert.AreEqual(SensorStatus.OutOfRange, conversion.Convert(output, supply, out int pascals));
        Assert.AreEqual(25000, pascals);
        Assert.AreEqual(SensorStatus.Disconnected, conversion.Convert(output, 0, out _));
        Assert.AreEqual(SensorStatus.Disconnected, conversion.Convert(0, supply, out _));
    }

    [TestMethod]
    public void A_two_point_calibration_takes_out_an_offset()
    {
        // An ADC offset of +40 mV on the output pin: the vented and the full-scale ratios measured on the bench absorb it.
        long offsetCounts = (long)Math.Round(40 * 4095 / 3300.0) * RatiometricPressure.Samples;
        var (zeroOut, zeroSup) = Counts(0, 5000);
        var (fullOut, fullSup) = Counts(24000, 5000);
        var conversion = new RatiometricPressure
        {
            ZeroPartsPerMillion = (int)RatiometricPressure.RatioPartsPerMillion(zeroOut + offsetCounts, zeroSup),
        };
        long fullRatio = RatiometricPressure.RatioPartsPerMillion(fullOut + offsetCounts, fullSup);
        conversion.FullScalePartsPerMillion = (int)(conversion.ZeroPartsPerMillion + (fullRatio - conversion.ZeroPartsPerMillion) * 25000 / 24000);
        var (out12, sup12) = Counts(12000, 5000);
        Assert.AreEqual(SensorStatus.Ok, conversion.Convert(out12 + offsetCounts, sup12, out int pascals));
        Assert.IsTrue(Math.Abs(pascals - 12000) <= 20, $"read {pascals} Pa");
    }
}
