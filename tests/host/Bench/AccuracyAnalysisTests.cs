using OpenIdds.Bench.Analysis;

namespace OpenIdds.Tests.Host.Bench;

/// <summary>The analysis against synthetic balance data whose answers are known in closed form.</summary>
[TestClass]
public class AccuracyAnalysisTests
{
    private const double Density = 0.998;

    /// <summary>Readings every <paramref name="intervalMinutes"/> for <paramref name="minutes"/> of a flow given as cumulative microliters at t minutes.</summary>
    internal static List<BalanceReading> Readings(Func<double, double> microlitersAt, double minutes = 120, double intervalMinutes = 0.5)
    {
        var list = new List<BalanceReading>();
        long step = (long)Math.Round(intervalMinutes * 60_000);
        for (long i = 0; i * intervalMinutes <= minutes + 1e-9; i++)
            list.Add(new BalanceReading(i * step, microlitersAt(i * intervalMinutes) * Density));
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
        Assert.AreEqual(241, result.Quality.ReadingsUsed);
        Assert.AreEqual(0, result.Quality.Lost);
    }

    [TestMethod]
    [DataRow("spike", 2000.0, DisturbanceKind.Spike)]
    [DataRow("step", 500.0, DisturbanceKind.Step)]
    [DataRow("step", -5.0, DisturbanceKind.NegativeStep)]
    public void A_disturbance_in_the_analysis_period_fails_the_run_naming_it_and_its_time(string shape, double milligrams, DisturbanceKind kind)
    {
        double r = 100;
        var readings = Readings(t => r * t / 60);
        for (int i = 151; i < readings.Count && (shape == "step" || i == 151); i++)
            readings[i] = readings[i] with { MassMilligrams = readings[i].MassMilligrams + milligrams, Line = i + 2 };
        var result = AccuracyAnalysis.Run(readings, r, AnalysisSettings.Standard);
        var found = result.Disturbances.Single();
        Assert.AreEqual(kind, found.Kind);
        Assert.AreEqual(75.5, found.Minutes, 1e-9);
        Assert.AreEqual(milligrams + r * Density * 0.5 / 60, found.ChangeMilligrams, 1e-6, "the change between the two readings, with the half minute's delivery");
        Assert.AreEqual("line 153", found.Where);
        Assert.IsTrue(found.InAnalysisPeriod);
        Assert.IsFalse(result.Pass, "a disturbance fails the run whatever A is");
        StringAssert.Contains(result.FailReason, $"a disturbance in the analysis period, {found.Name} of ");
        StringAssert.Contains(result.FailReason, " mg at 75.5 min (line 153; limit ");
    }

    [TestMethod]
    public void A_disturbance_before_the_analysis_period_is_reported_and_fails_nothing_and_a_pulsatile_pump_is_no_disturbance()
    {
        double r = 20.833, stroke = 0.25 * Density;   // mg: one 250 nL stroke every 43.2 s
        var readings = Readings(t => Math.Floor(t * 60 / 43.2) * 0.25);
        readings[20] = readings[20] with { MassMilligrams = readings[20].MassMilligrams + 2000 };
        var result = AccuracyAnalysis.Run(readings, r, AnalysisSettings.Standard);
        Assert.AreEqual(DisturbanceKind.Spike, result.Disturbances.Single().Kind, "the spike at 10 min, and no stroke of " + stroke + " mg");
        Assert.IsFalse(result.Disturbances.Single().InAnalysisPeriod);
        Assert.IsTrue(result.Pass, result.FailReason);
        Assert.IsNull(result.FailReason);
    }

    [TestMethod]
    public void A_priming_bolus_at_the_start_is_one_disturbance_over_its_samples_not_one_per_sample()
    {
        // 250 uL at 1 mL/h in the first 15 min, then 20.833 uL/h.
        double r = 20.833;
        var readings = Readings(t => t <= 15 ? 1000 * t / 60 : 250 + r * (t - 15) / 60);
        var result = AccuracyAnalysis.Run(readings, r, AnalysisSettings.Standard);
        var priming = result.Disturbances.Single();
        Assert.AreEqual((DisturbanceKind.Step, 0.5, 15.0, 30), (priming.Kind, priming.Minutes, priming.UntilMinutes, priming.Samples));
        Assert.AreEqual(250 * Density, priming.ChangeMilligrams, 1e-6);
        Assert.IsTrue(result.Pass, "before the analysis period");
    }

    [TestMethod]
    public void Two_readings_measured_at_the_same_moment_are_refused_naming_the_line_and_column()
    {
        var readings = Readings(t => 100 * t / 60);
        // 315 000 ms is within half an interval of both the 300 000 and the 330 000 ms ticks.
        readings[10] = readings[10] with { MeasuredMilliseconds = 315_000, Line = 12 };
        readings[11] = readings[11] with { MeasuredMilliseconds = 315_000, Line = 13 };
        var e = Assert.ThrowsExactly<InvalidDataException>(() => AccuracyAnalysis.Run(readings, 100, AnalysisSettings.Standard));
        StringAssert.Contains(e.Message, "line 13, measured_ms: 315000 ms is not after the previous reading's (line 12) 315000 ms");
    }

    /// <summary>A 0.01 mg balance with 0.02 mg of noise (1 sd), deterministic: the mass it reads.</summary>
    internal static Func<double, double> Balance(int seed)
    {
        var random = new Random(seed);
        return mg =>
        {
            double gauss = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            return Math.Round((mg + 0.02 * gauss) * 100) / 100;
        };
    }

    [TestMethod]
    public void A_known_evaporation_biases_A_by_minus_E_over_r_d_and_added_back_gives_A_within_0_1_percent_of_the_truth()
    {
        // The implanted rate over the low-rate profile's 48 h; the pump delivers 1 % over; the vessel loses
        // 0.05 mg/h, which is -2.0 % at 2.5 uL/h.
        double r = 2.5, g = 1, e = 0.05;
        var read = Balance(19);
        var readings = Readings(t => (1 + g / 100) * r * t / 60, minutes: 48 * 60, intervalMinutes: 15)
            .Select(b => b with { MassMilligrams = read(b.MassMilligrams - e * b.TimeMilliseconds / 3_600_000.0) }).ToList();
        var uncorrected = AccuracyAnalysis.Run(readings, r, AnalysisSettings.LowRate);
        Assert.AreEqual(g + Drift.BiasPercent(-e, r, Density), uncorrected.MeanErrorPercent, 0.1, "the bias is -E / (r d)");
        Assert.AreEqual(-2.004, Drift.BiasPercent(-e, r, Density), 0.001);
        var corrected = AccuracyAnalysis.Run(readings, r, AnalysisSettings.LowRate with { EvaporationMilligramsPerHour = e });
        Assert.AreEqual(g, corrected.MeanErrorPercent, 0.1, $"corrected A = {corrected.MeanErrorPercent} %, the truth {g} %");
        foreach (var point in corrected.Trumpet) Assert.AreEqual(g, (point.MaxPercent + point.MinPercent) / 2, 1.0, $"the trumpet at {point.WindowMinutes} min is centred on the truth");
    }

    [TestMethod]
    public void The_drift_of_a_pump_stopped_recording_measures_the_evaporation_to_add_back()
    {
        double e = 0.05;
        var read = Balance(23);
        // Two hours with the pump stopped, a reading every 30 s.
        var stopped = Readings(_ => 5000, minutes: 120).Select(b => b with { MassMilligrams = read(b.MassMilligrams - e * b.TimeMilliseconds / 3_600_000.0) }).ToList();
        stopped[7] = stopped[7] with { Gap = true, MassMilligrams = 0 };
        var fit = Drift.Fit(stopped);
        Assert.AreEqual(-e, fit.MilligramsPerHour, 0.005);
        Assert.AreEqual(e, fit.EvaporationMilligramsPerHour, 0.005);
        Assert.AreEqual((240, 2.0), (fit.Readings, fit.Hours), "the gap is left out");
    }

    [TestMethod]
    [DataRow(2.5, 5.0, 0.012475)]
    [DataRow(2.5, 10.0, 0.02495)]
    [DataRow(100.0, 5.0, 0.499)]
    public void The_drift_allowed_biases_A_by_a_tenth_of_the_claim(double rate, double claim, double allowed)
    {
        Assert.AreEqual(allowed, Drift.AllowedMilligramsPerHour(rate, Density, claim), 1e-9);
        Assert.AreEqual(claim / 10, Drift.BiasPercent(allowed, rate, Density), 1e-9);
        // A few tenths of a mg in 30 min, 0.6 mg/h, is -24 % at 2.5 uL/h.
        Assert.AreEqual(-24.05, Drift.BiasPercent(-0.6, 2.5, Density), 0.01);
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
        AssertSincBounds(result, periodMinutes, a);
    }

    private static void AssertSincBounds(AccuracyResult result, double periodMinutes, double a)
    {
        foreach (var point in result.Trumpet)
        {
            double x = point.WindowMinutes / periodMinutes;
            double bound = 100 * a * Math.Abs(Math.Sin(Math.PI * x) / (Math.PI * x));
            // Windows start only every sample, so the extremes are sampled: within a few percent of a.
            Assert.AreEqual(bound, point.MaxPercent, 100 * a * 0.06 + 1e-9, $"Ep(max) at P = {point.WindowMinutes} min, Tp = {periodMinutes} min");
            Assert.AreEqual(-bound, point.MinPercent, 100 * a * 0.06 + 1e-9, $"Ep(min) at P = {point.WindowMinutes} min, Tp = {periodMinutes} min");
        }
    }

    [TestMethod]
    [DataRow(0.0)]
    [DataRow(-4.0)]
    public void Low_rate_profile_48_hours_of_15_minute_samples_gives_A_and_every_Ep_equal_to_a_constant_gain(double g)
    {
        double r = 2.5;   // uL/h, an implanted rate
        var readings = Readings(t => (1 + g / 100) * r * t / 60, minutes: 48 * 60, intervalMinutes: 15);
        Assert.HasCount(193, readings);
        var result = AccuracyAnalysis.Run(readings, r, AnalysisSettings.LowRate);
        Assert.AreEqual(g, result.MeanErrorPercent, 1e-9);
        CollectionAssert.AreEqual(new double[] { 60, 120, 240, 360, 720 }, result.Trumpet.Select(t => t.WindowMinutes).ToArray(), "windows of 1, 2, 4, 6 and 12 h");
        foreach (var point in result.Trumpet)
        {
            Assert.AreEqual(g, point.MaxPercent, 1e-9, $"Ep(max) at {point.WindowMinutes} min");
            Assert.AreEqual(g, point.MinPercent, 1e-9, $"Ep(min) at {point.WindowMinutes} min");
            Assert.AreEqual((int)((1440 - point.WindowMinutes) / 15 + 1), point.Windows, "m = (T - P) / S + 1 over the second day");
        }
        Assert.AreEqual(93, result.Trumpet[0].Windows);
        Assert.AreEqual(96, result.StartUp.Count, "the start-up graph is the first day: 96 quarter-hour samples");
        Assert.IsTrue(result.Pass == (Math.Abs(g) <= 10), "the low-rate claim is +-10 %");
    }

    [TestMethod]
    public void Low_rate_profile_a_three_hour_pulsation_gives_sinc_bounds_with_no_error_at_whole_periods()
    {
        double r = 2.5, tp = 180, a = 0.2;
        var readings = Readings(t => r / 60 * (t - a * tp / (2 * Math.PI) * Math.Cos(2 * Math.PI * t / tp)), minutes: 48 * 60, intervalMinutes: 15);
        var result = AccuracyAnalysis.Run(readings, r, AnalysisSettings.LowRate);
        AssertSincBounds(result, tp, a);
        Assert.AreEqual(0, result.MeanErrorPercent, 1e-9, "a day is a whole number of 3 h periods");
        Assert.AreEqual(0, result.Trumpet.Single(t => t.WindowMinutes == 360).MaxPercent, 1e-9, "6 h = two whole periods: every window delivers exactly");
    }

    [TestMethod]
    public void Readings_that_came_late_are_measured_over_the_time_that_really_passed()
    {
        double r = 100, g = 2;
        // Each reply arrives 0 to 14 s after its tick and the mass is what was on the pan then.
        var jitter = new Random(7);
        var readings = Enumerable.Range(0, 241).Select(i =>
        {
            long nominal = i * 30_000L, measured = nominal + jitter.Next(0, 14_000);
            return new BalanceReading(nominal, (1 + g / 100) * r * measured / 3_600_000.0 * Density) { MeasuredMilliseconds = measured };
        }).ToList();
        var result = AccuracyAnalysis.Run(readings, r, AnalysisSettings.Standard);
        Assert.AreEqual(g, result.MeanErrorPercent, 1e-9);
        Assert.IsTrue(result.Trumpet.All(t => Math.Abs(t.MaxPercent - g) < 1e-9 && Math.Abs(t.MinPercent - g) < 1e-9), "late readings bias nothing");

        // Over half an interval off its tick, a reading belongs to no tick: it is lost, and counted.
        readings[180] = readings[180] with { MeasuredMilliseconds = 180 * 30_000L + 16_000 };
        var withLate = AccuracyAnalysis.Run(readings, r, AnalysisSettings.Standard);
        Assert.AreEqual(1, withLate.Quality.Late);
        Assert.AreEqual(117 - 2, withLate.Trumpet[0].Windows, "the two 2-min windows that start or end at 90 min are out");
        Assert.AreEqual(117, withLate.Trumpet[0].WindowsExpected);
    }

    [TestMethod]
    public void Gaps_take_out_the_windows_that_touch_them_and_the_result_says_how_many()
    {
        double r = 100, g = -1;
        var readings = Readings(t => (1 + g / 100) * r * t / 60);
        foreach (int i in new[] { 10, 150, 151 })
            readings[i] = new BalanceReading(readings[i].TimeMilliseconds, 0, Gap: true) { Note = "overload" };
        readings.RemoveAt(200);   // a row missing from the file altogether
        var result = AccuracyAnalysis.Run(readings, r, AnalysisSettings.Standard);
        Assert.AreEqual(g, result.MeanErrorPercent, 1e-9);
        Assert.AreEqual((3, 1), (result.Quality.Gaps, result.Quality.Missing));
        foreach (var point in result.Trumpet) Assert.AreEqual(g, point.MaxPercent, 1e-9);
        // A 2-min window spans 4 samples: each of 150 (75 min), 151 and 200 (100 min) is the start of one
        // window and the end of another; 10 (5 min) is before the analysis period.
        Assert.AreEqual((117 - 6, 117), (result.Trumpet[0].Windows, result.Trumpet[0].WindowsExpected));
        Assert.IsFalse(result.Flow.Any(f => f.Minutes is 75.0 or 75.5 or 76.0), "no flow sample across a gap");
    }

    [TestMethod]
    public void A_gap_at_the_start_of_the_analysis_period_is_refused_naming_it()
    {
        var readings = Readings(t => 100 * t / 60);
        readings[120] = new BalanceReading(readings[120].TimeMilliseconds, 0, Gap: true) { Note = "disconnected", Line = 122 };
        var e = Assert.ThrowsExactly<InvalidDataException>(() => AccuracyAnalysis.Run(readings, 100, AnalysisSettings.Standard));
        StringAssert.Contains(e.Message, "60 min");
        StringAssert.Contains(e.Message, "disconnected");
        StringAssert.Contains(e.Message, "line 122");
    }

    [TestMethod]
    public void Unstable_readings_are_used_by_default_and_excluded_as_gaps_when_asked()
    {
        double r = 100, g = 1.5;
        var readings = Readings(t => (1 + g / 100) * r * t / 60).Select((b, i) => i % 3 == 1 ? b with { Stable = false } : b).ToList();
        var used = AccuracyAnalysis.Run(readings, r, AnalysisSettings.Standard);
        Assert.AreEqual((80, 0), (used.Quality.UnstableUsed, used.Quality.UnstableExcluded));
        Assert.AreEqual(117, used.Trumpet[0].Windows);
        var excluded = AccuracyAnalysis.Run(readings, r, AnalysisSettings.Standard with { Unstable = UnstableReadings.Exclude });
        Assert.AreEqual((0, 80), (excluded.Quality.UnstableUsed, excluded.Quality.UnstableExcluded));
        Assert.AreEqual(g, excluded.MeanErrorPercent, 1e-9);
        Assert.IsTrue(excluded.Trumpet[0].Windows < 117, "windows ending on an excluded reading are out");
    }

    [TestMethod]
    public void A_reading_off_the_sample_grid_is_refused_naming_its_line_and_the_interval()
    {
        var readings = Readings(t => 100 * t / 60);
        readings.Insert(3, new BalanceReading(75_000, 1.0) { Line = 5 });
        var e = Assert.ThrowsExactly<InvalidDataException>(() => AccuracyAnalysis.Run(readings, 100, AnalysisSettings.Standard));
        StringAssert.Contains(e.Message, "line 5");
        StringAssert.Contains(e.Message, "75000");
        StringAssert.Contains(e.Message, "multiple of 30000 ms");
        StringAssert.Contains(e.Message, "--interval");
    }

    [TestMethod]
    public void A_standard_two_hour_recording_under_the_low_rate_profile_is_refused_saying_why()
    {
        var readings = Readings(t => 2.5 * t / 60);
        var offGrid = Assert.ThrowsExactly<InvalidDataException>(() => AccuracyAnalysis.Run(readings, 2.5, AnalysisSettings.LowRate));
        StringAssert.Contains(offGrid.Message, "15 min sample grid");
        var tooShort = Assert.ThrowsExactly<InvalidDataException>(() => AccuracyAnalysis.Run(readings, 2.5, AnalysisSettings.LowRate with { SampleIntervalMinutes = 0.5 }));
        StringAssert.Contains(tooShort.Message, "1440 min");
        StringAssert.Contains(tooShort.Message, "the readings end at 120 min");
    }

    [TestMethod]
    [DataRow("interval", 0.0, "--interval", "above 0")]
    [DataRow("interval", 0.0000001, "--interval", "whole number of milliseconds")]
    [DataRow("run", 120.25, "--run", "whole number of sample intervals")]
    [DataRow("end", 130.0, "--analysis-end", "after the end of the run")]
    [DataRow("start", 120.0, "--analysis-end", "must be after the analysis start")]
    [DataRow("start", -1.0, "--analysis-start", "0 min or later")]
    [DataRow("window", 2.25, "--windows", "whole number of sample intervals")]
    [DataRow("window", 90.0, "--windows", "longer than the analysis period 60 min")]
    [DataRow("window", 0.0, "--windows", "above 0")]
    [DataRow("density", 998.0, "--density", "outside 0.5..2.5 mg/uL")]
    [DataRow("claim", 0.0, "--claim", "above 0 %")]
    public void Settings_the_method_cannot_use_are_refused_naming_the_option_the_value_and_the_limit(string what, double value, string option, string why)
    {
        var s = AnalysisSettings.Standard;
        s = what switch
        {
            "interval" => s with { SampleIntervalMinutes = value },
            "run" => s with { RunMinutes = value },
            "end" => s with { AnalysisEndMinutes = value },
            "start" => s with { AnalysisStartMinutes = value },
            "window" => s with { WindowsMinutes = new[] { 2, value } },
            "density" => s with { DensityMilligramsPerMicroliter = value },
            _ => s with { ClaimPercent = value },
        };
        var e = Assert.ThrowsExactly<ArgumentException>(s.Validate);
        StringAssert.Contains(e.Message, option);
        StringAssert.Contains(e.Message, why);
    }

    [TestMethod]
    public void The_standard_and_low_rate_profiles_are_valid()
    {
        AnalysisSettings.Standard.Validate();
        AnalysisSettings.LowRate.Validate();
    }
}
