using OpenIdds.Boards;
using OpenIdds.Simulator.Physics;

namespace OpenIdds.Tests.Host.Boards;

/// <summary>
/// BATTERY-TWO-POINT-CAL (issue 15 finding 4: "battery thresholds off by about 0.2 V"): the cell read
/// through each board's ADC model, on the nominal line and on a line through two bench points.
/// </summary>
[TestClass]
public class CellVoltageLineTests
{
    /// <summary>What the board sums for a cell: the 1:2 divider, the board's ADC, 64 conversions.</summary>
    private static long Sum(BoardAdc adc, int cellMillivolts) =>
        (long)Math.Round(adc.IdealCounts(cellMillivolts / 2.0, 1.0)) * CellVoltageLine.Samples;

    private static int WorstErrorMillivolts(BoardAdc adc, CellVoltageLine line)
    {
        int worst = 0;
        for (int cell = 3000; cell <= 4200; cell += 50) worst = Math.Max(worst, Math.Abs(line.Millivolts(Sum(adc, cell)) - cell));
        return worst;
    }

    [TestMethod]
    public void An_esp32_reads_its_cell_within_30_mV_from_3_0_to_4_2_V_on_its_two_bench_points()
    {
        var adc = BoardAdc.Esp32At11Db;
        var nominal = new CellVoltageLine();
        int lowReported = CellVoltageLine.NominalMillivolts(Sum(adc, 3000)), highReported = CellVoltageLine.NominalMillivolts(Sum(adc, 4200));
        var line = new CellVoltageLine(lowReported, 3000, highReported, 4200);
        Console.WriteLine($"ESP32: a 3,000 mV cell reports {lowReported} mV and a 4,200 mV one {highReported} mV on the nominal line; worst error {WorstErrorMillivolts(adc, nominal)} mV nominal, {WorstErrorMillivolts(adc, line)} mV on the two points");
        Assert.IsTrue(WorstErrorMillivolts(adc, line) <= 30, $"worst error {WorstErrorMillivolts(adc, line)} mV");
        // The battery rules' thresholds: the low alarm (3,300 mV) and end of service (3,100 mV) fire where they say.
        Assert.IsTrue(Math.Abs(line.Millivolts(Sum(adc, 3300)) - 3300) <= 30);
        Assert.IsTrue(Math.Abs(line.Millivolts(Sum(adc, 3100)) - 3100) <= 30);
        Assert.IsTrue(WorstErrorMillivolts(adc, nominal) > 150, "the nominal line is far off on an ESP32, so the bench points are needed");
    }

    [TestMethod]
    public void An_stm32_reads_its_cell_within_30_mV_on_the_nominal_line()
    {
        Assert.IsTrue(WorstErrorMillivolts(BoardAdc.Stm32F746, new CellVoltageLine()) <= 30);
    }

    [TestMethod]
    public void Points_that_fix_no_slope_are_refused_naming_the_field_the_value_and_the_limit()
    {
        var reported = Assert.ThrowsExactly<ArgumentException>(() => new CellVoltageLine(3000, 3000, 3200, 4200));
        StringAssert.Contains(reported.Message, "reportedHighMillivolts 3200");
        StringAssert.Contains(reported.Message, "500");
        var measured = Assert.ThrowsExactly<ArgumentException>(() => new CellVoltageLine(2700, 3000, 3900, 3100));
        StringAssert.Contains(measured.Message, "trueHighMillivolts 3100");
    }
}
