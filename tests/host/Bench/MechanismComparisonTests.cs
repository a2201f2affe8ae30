using OpenIdds.Bench.Analysis;

namespace OpenIdds.Tests.Host.Bench;

[TestClass]
public class MechanismComparisonTests
{
    private static List<BalanceReading> Delivering(Func<double, double> microlitersAtHour, int hours) =>
        Enumerable.Range(0, hours * 120 + 1).Select(i => new BalanceReading(i * 30_000L, microlitersAtHour(i / 120.0) * 0.998)).ToList();

    [TestMethod]
    public void A_head_that_slips_two_percent_shows_as_mechanism_error_and_an_exact_schedule_as_none()
    {
        double r = 100;   // uL/h prescribed and commanded
        var log = Enumerable.Range(1, 3).Select(h => new PumpLogHour(h * 3_600_000L, r, r)).ToList();
        var hours = MechanismComparison.Compare(log, Delivering(h => 0.98 * r * h, 3), null, 0.998);
        Assert.HasCount(3, hours);
        foreach (var h in hours)
        {
            Assert.AreEqual(0, h.SchedulingErrorPercent, 1e-9);
            Assert.AreEqual(-2, h.MechanismErrorPercent, 1e-9);
        }
    }

    [TestMethod]
    public void A_schedule_that_runs_one_percent_fast_shows_as_scheduling_error()
    {
        var log = new List<PumpLogHour> { new(3_600_000L, 101.0, 100.0) };
        var balance = new List<BalanceReading> { new(0, 0), new(3_600_000, 101 * 0.998) };
        var hour = MechanismComparison.Compare(log, balance, null, 0.998).Single();
        Assert.AreEqual(1, hour.SchedulingErrorPercent, 1e-9);
        Assert.AreEqual(0, hour.MechanismErrorPercent, 1e-9);
    }

    [TestMethod]
    public void A_flex_schedule_is_compared_hour_by_hour_with_the_prescribed_volume_from_the_log_not_one_rate()
    {
        // 20.833 uL/h for two hours, then 2.5 uL/h: the pump does exactly what it is told.
        double[] prescribed = { 20.833, 20.833, 2.5, 2.5 };
        var log = prescribed.Select((p, i) => new PumpLogHour((i + 1) * 3_600_000L, p, p)).ToList();
        var balance = Delivering(h => Enumerable.Range(0, 4).Sum(i => prescribed[i] * Math.Clamp(h - i, 0, 1)), 4);
        var hours = MechanismComparison.Compare(log, balance, fallbackRateMicrolitersPerHour: 20.833, 0.998);
        CollectionAssert.AreEqual(prescribed, hours.Select(h => h.PrescribedMicroliters).ToArray());
        Assert.IsTrue(hours.All(h => Math.Abs(h.SchedulingErrorPercent) < 1e-9 && Math.Abs(h.MechanismErrorPercent) < 1e-6), "no error at all, though the rate changed");
    }

    [TestMethod]
    public void A_log_without_prescribed_volumes_falls_back_on_the_rate_and_without_a_rate_is_refused()
    {
        string path = Path.Combine(Path.GetTempPath(), $"openidds-log-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "hour_end_ms,commanded_ul\n3600000,99\n");
        try
        {
            var log = MechanismComparison.ReadPumpLog(path);
            Assert.IsNull(log[0].PrescribedMicroliters);
            var balance = new List<BalanceReading> { new(0, 0), new(3_600_000, 99 * 0.998) };
            Assert.AreEqual(-1, MechanismComparison.Compare(log, balance, 100, 0.998).Single().SchedulingErrorPercent, 1e-9);
            var e = Assert.ThrowsExactly<ArgumentException>(() => MechanismComparison.Compare(log, balance, null, 0.998));
            StringAssert.Contains(e.Message, "--rate");
        }
        finally { File.Delete(path); }
    }

    [TestMethod]
    public void An_hour_with_a_gap_at_either_end_is_left_unmeasured_not_measured_against_an_earlier_reading()
    {
        var log = new List<PumpLogHour> { new(3_600_000L, 100, 100), new(7_200_000L, 100, 100) };
        var balance = Delivering(h => 100 * h, 2);
        balance[120] = new BalanceReading(3_600_000, 0, Gap: true);
        var hours = MechanismComparison.Compare(log, balance, null, 0.998);
        Assert.IsTrue(hours.All(h => double.IsNaN(h.DeliveredMicroliters)), "both hours end or start on the gap");
    }

    [TestMethod]
    public void A_real_pump_event_export_lines_up_with_a_recorded_balance_on_the_host_clock()
    {
        // A bench run recorded from 10:00:00 on the host, 30 s readings, a head that slips 2 % at 20 uL/h;
        // the pump's hours end 12.345 s after each full hour - off the recorder's grid, so the mass at each
        // end is read between two readings. 80 steps x 250 nL (its calibrated event) = 20 uL commanded.
        var started = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
        var balance = Delivering(h => 0.98 * 20 * h, 4);
        balance[0] = balance[0] with { Note = BalanceCsv.StartedNote(started) };
        string events = Path.GetTempFileName();
        try
        {
            var lines = new List<string> { "Sequence,PumpTimeMs,Time,Kind,A,B,Detail", $"1,0,{started.AddHours(-1):o},calibrated,250000,0,250 nL per step" };
            for (int h = 1; h <= 3; h++)
                lines.Add($"{h + 1},{h * 3_600_000},{started.AddHours(h).AddMilliseconds(12_345):o},hourly-delivery,80,0,80 steps");
            File.WriteAllLines(events, lines);
            Assert.AreEqual(started, BalanceCsv.StartedAt(balance));
            var log = MechanismComparison.ReadPumpEvents(events, started, nanolitersPerStep: null);
            CollectionAssert.AreEqual(new[] { 3_612_345L, 7_212_345L, 10_812_345L }, log.Select(h => h.HourEndMilliseconds).ToArray());
            var hours = MechanismComparison.Compare(log, balance, 20, 0.998);
            Assert.HasCount(3, hours);
            foreach (var h in hours)
            {
                Assert.AreEqual(20.0, h.CommandedMicroliters, 1e-9);
                Assert.AreEqual(0, h.SchedulingErrorPercent, 1e-9);
                Assert.AreEqual(-2, h.MechanismErrorPercent, 1e-6, "interpolated between the readings either side of each hour's end");
            }

            // Without the calibrated event, the commanded volume needs --nl-per-step.
            File.WriteAllLines(events, lines.Where(l => !l.Contains(",calibrated,")));
            var e = Assert.ThrowsExactly<ArgumentException>(() => MechanismComparison.ReadPumpEvents(events, started, null));
            StringAssert.Contains(e.Message, "--nl-per-step");
            Assert.AreEqual(20.0, MechanismComparison.ReadPumpEvents(events, started, 250)[0].CommandedMicroliters, 1e-9);
        }
        finally { File.Delete(events); }
    }

    [TestMethod]
    public void Readings_too_far_apart_around_an_hour_end_leave_it_unmeasured()
    {
        var balance = new List<BalanceReading> { new(0, 0), new(3_590_000, 99), new(3_590_000 + MechanismComparison.MaxBracketMilliseconds + 1, 101) };
        Assert.IsTrue(double.IsNaN(MechanismComparison.MassAt(balance, 3_600_000)));
        Assert.AreEqual(0.0, MechanismComparison.MassAt(balance, 0));
    }
}
