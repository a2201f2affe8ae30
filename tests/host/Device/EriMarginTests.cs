using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Units;
using OpenIdds.Simulator.Running;
using OpenIdds.Simulator.Scenarios;

namespace OpenIdds.Tests.Host.Device;

/// <summary>ERI-MARGIN: elective replacement at least 90 days before end of service, with margin, at the programmed therapy (issue 16, item 4).</summary>
[TestClass]
public sealed class EriMarginTests
{
    [TestMethod]
    public void At_2_uL_per_hour_ERI_comes_more_than_90_days_before_EOS()
    {
        // The rate of the 12-year run whose ERI came 89.83 days before EOS, with a cell sized to run
        // out in about 4 months; the simulated cell draws the real fractional charge of every step.
        var result = ScenarioRunner.Run(Scenario.Load(ScenarioLibrary.Resolve("eri-before-eos")));
        long Raised(string kind, long after) => result.Events.First(e => e.Source == "alarm" && e.Kind == kind && e.Detail == "raised" && e.Time > after).Time;
        long eri = Raised("battery-elective-replacement", 0);
        long eos = Raised("battery-end-of-service", 0);
        double days = (eos - eri) / (double)Milliseconds.PerDay;
        Assert.IsTrue(days >= BatteryLifeMonitor.DaysBetweenEriAndEos + 1, $"{days:F2} days between ERI and EOS; the limit is 90 with at least a day's margin");
    }

    [TestMethod]
    public void The_modelled_daily_charge_is_never_below_what_the_cell_draws()
    {
        var settings = new SupervisorSettings();
        foreach (long nlPerHour in new long[] { 2_000, 3_333, 20_000, 1_000_000 })
        foreach (long pl in new long[] { 62_500, 249_999, 250_000, 1_000_000 })
        {
            double real = nlPerHour * 24.0 * 1000 / pl * settings.StepNanoampereHours / 1000 + settings.QuiescentMicroamperes * 24;
            long model = SafetySupervisor.DailyChargeMicroampereHours(new NanolitersPerHour(nlPerHour), pl, settings);
            Assert.IsTrue(model >= real, $"{nlPerHour} nL/h at {pl} pL/step: model {model} uAh < real {real:F3} uAh");
        }
    }

    [TestMethod]
    public void The_catheter_checks_samples_are_in_the_daily_charge()
    {
        // CATHETER-BURST-IN-ERI: six bursts of 256 samples a day, twice over where the pump makes strokes (a
        // bolus may break one), and LINE-RESISTANCE-RISE's six windows of 32 decay readings; each reading
        // 5 mA for 2 ms (2,778 pAh).
        var checking = new SupervisorSettings();
        var none = new SupervisorSettings { HasPressureSensor = false };
        foreach (long nlPerHour in new long[] { 0, 2_000, 20_000, 1_000_000 })
        foreach (long pl in new long[] { 62_500, 250_000 })
        {
            var rate = new NanolitersPerHour(nlPerHour);
            long extra = SafetySupervisor.DailyChargeMicroampereHours(rate, pl, checking) - SafetySupervisor.DailyChargeMicroampereHours(rate, pl, none);
            double readings = 6 * (nlPerHour == 0 ? 256 : 2 * 256) + 6 * 32;
            Assert.IsTrue(extra >= readings * 2778 / 1e6, $"{nlPerHour} nL/h at {pl} pL/step: the checks add {extra} uAh a day, under {readings} readings");
        }
    }
}
