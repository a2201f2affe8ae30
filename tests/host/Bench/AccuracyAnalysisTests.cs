using OpenIdds.Bench.Analysis;

namespace OpenIdds.Tests.Host.Bench;

/// <summary>The analysis against synthetic balance data whose answers are known in closed form.</summary>
[TestClass]
public class AccuracyAnalysisTests
{
    private const double Density = 0.998;

    /// <summary>Readings every 30 s for 120 min of a flow given as cumulative microliters at t minutes.</summary>
    private static List<BalanceReading> Readings(Func<double, double> microlitersAt, double minutes = 120)
    {
        var list = new List<BalanceReading>();
        for (int i = 0; i * 0.5 <= minutes + 1e-9; i++)
            list.Add(new BalanceReading(i * 30_000L, microlitersAt(i * 0.5) * Density));
        return list;
    }

    [TestMethod]
    [DataRow(0.0)]
    [DataRow(3.0)]
    [DataRow(-7.5)]
    public void A_constant_gain_error_of_g_percent_gives_A_and_every_Ep_equal_to_g(double g)
    {
        double r = 100;   // uL/h
        var result = AccuracyAnalysis.Run(Readings(t => (1 + g / 100) * r * t / 60), r, AnalysisSettings.Standard);
        Assert.AreEqual(g, result.MeanErrorPercent, 1e-9);
        foreach (var point in result.Trumpet)
        {
            Assert.AreEqual(g, point.MaxPercent, 1e-9, $"Ep(max) at {point.WindowMinutes} min");
            Assert.AreEqual(g, point.MinPercent, 1e-9, $"Ep(min) at {point.WindowMinutes} min");
        }
        Assert.AreEqual(117, result.Trumpet[0].Windows, "m = (T - P) / S + 1 = (60 - 2) / 0.5 + 1 windows of 2 min in the second hour");
    }

    [TestMethod]
    public void A_start_up_delay_shows_in_the_start_up_graph()
    {
        double r = 100, delay = 10;   // the pump delivers nothing for the first 10 minutes
        var result = AccuracyAnalysis.Run(Readings(t => t < delay ? 0 : r * (t - delay) / 60), r, AnalysisSettings.Standard);
        Assert.IsTrue(result.StartUp.Where(f => f.Minutes <= delay).All(f => f.MicrolitersPerHour == 0), "no flow before the delay");
        Assert.IsTrue(result.StartUp.Where(f => f.Minutes > delay + 0.5).All(f => Math.Abs(f.MicrolitersPerHour - r) < 1e-6), "set rate after it");
        Assert.AreEqual(0, result.MeanErrorPercent, 1e-9, "the second hour is not affected");
    }

    [TestMethod]
    [DataRow(2.0, 0.3)]
    [DataRow(5.0, 0.5)]
    [DataRow(13.0, 0.2)]
    public void A_sinusoidal_pulsation_gives_trumpet_bounds_of_100_a_sinc(double periodMinutes, double a)
    {
        // Flow r (1 + a sin(2 pi t / Tp)): volume r/60 (t - a Tp / (2 pi) cos(2 pi t / Tp)) + const.
        double r = 60;
        var result = AccuracyAnalysis.Run(Readings(t => r / 60 * (t - a * periodMinutes / (2 * Math.PI) * Math.Cos(2 * Math.PI * t / periodMinutes))), r, AnalysisSettings.Standard);
        foreach (var point in result.Trumpet)
        {
            double x = point.WindowMinutes / periodMinutes;
            double bound = 100 * a * Math.Abs(Math.Sin(Math.PI * x) / (Math.PI * x));
            // Windows start only every 0.5 min, so the extremes are sampled: within a few percent of a.
            Assert.AreEqual(bound, point.MaxPercent, 100 * a * 0.06 + 1e-9, $"Ep(max) at P = {point.WindowMinutes} min, Tp = {periodMinutes} min");
            Assert.AreEqual(-bound, point.MinPercent, 100 * a * 0.06 + 1e-9, $"Ep(min) at P = {point.WindowMinutes} min, Tp = {periodMinutes} min");
        }
    }

    [TestMethod]
    [DataRow("time_ms,mass_mg\n0,0\n30000\n", "line 3", "truncated")]
    [DataRow("time_ms,mass_mg\n0,0\n60000,1\n30000,2\n", "line 4", "not after")]
    [DataRow("time_ms,mass_mg\n0,0\n30000,abc\n", "line 3", "'abc'")]
    [DataRow("time,mass\n0,0\n", "line 1", "header")]
    public void A_bad_csv_is_refused_naming_the_line(string content, string line, string why)
    {
        string path = Path.Combine(Path.GetTempPath(), $"openidds-bad-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, content);
        try
        {
            var e = Assert.ThrowsExactly<InvalidDataException>(() => BalanceCsv.Read(path));
            StringAssert.Contains(e.Message, line);
            StringAssert.Contains(e.Message, why);
        }
        finally { File.Delete(path); }
    }

    [TestMethod]
    public void The_csv_round_trips_and_a_gap_is_kept()
    {
        string path = Path.Combine(Path.GetTempPath(), $"openidds-{Guid.NewGuid():N}.csv");
        try
        {
            BalanceCsv.Write(path, new[] { new BalanceReading(0, 0), new BalanceReading(30_000, 0.83), new BalanceReading(60_000, 0, Gap: true) });
            var back = BalanceCsv.Read(path);
            Assert.AreEqual(3, back.Count);
            Assert.AreEqual(0.83, back[1].MassMilligrams, 1e-9);
            Assert.IsTrue(back[2].Gap);
        }
        finally { File.Delete(path); }
    }
}

[TestClass]
public class MechanismComparisonTests
{
    [TestMethod]
    public void A_head_that_slips_two_percent_shows_as_mechanism_error_and_an_exact_schedule_as_none()
    {
        double r = 100;   // uL/h prescribed and commanded
        var log = Enumerable.Range(1, 3).Select(h => (h * 3_600_000L, r)).ToList();
        var balance = Enumerable.Range(0, 3 * 120 + 1).Select(i => new BalanceReading(i * 30_000L, 0.98 * r * (i * 0.5 / 60) * 0.998)).ToList();
        var hours = MechanismComparison.Compare(log, balance, r, 0.998);
        Assert.AreEqual(3, hours.Count);
        foreach (var h in hours)
        {
            Assert.AreEqual(0, h.SchedulingErrorPercent, 1e-9);
            Assert.AreEqual(-2, h.MechanismErrorPercent, 1e-9);
        }
    }

    [TestMethod]
    public void A_schedule_that_runs_one_percent_fast_shows_as_scheduling_error()
    {
        var log = new List<(long, double)> { (3_600_000L, 101.0) };
        var balance = new List<BalanceReading> { new(0, 0), new(3_600_000, 101 * 0.998) };
        var hour = MechanismComparison.Compare(log, balance, 100, 0.998).Single();
        Assert.AreEqual(1, hour.SchedulingErrorPercent, 1e-9);
        Assert.AreEqual(0, hour.MechanismErrorPercent, 1e-9);
    }
}
