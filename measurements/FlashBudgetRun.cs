using OpenIdds.Simulator.Running;
using OpenIdds.Simulator.Scenarios;

namespace OpenIdds.Measurements;

/// <summary>
/// The flash write budget, measured rather than reckoned: 60 days of an implanted pump on the board's
/// flash layout (a flex schedule, four patient-bolus presses a day, a refill every 30 days), counting
/// the records written and the erases of every page; the page endurance (10,000 cycles budgeted for
/// ESP32 SPI flash and STM32F7 sectors) divided by the worst page's erases per day is the flash life.
/// The same run is repeated with the basal prescribed as a dose per day that 24 does not divide
/// (0.5 mg/day of 10 mg/mL, 50 uL a day): DAILY-DOSE-EXACT changes the rate at every hour, and each
/// change bounds the intent horizon, so it journals up to 24 records a day more.
/// </summary>
public static class FlashBudgetRun
{
    public static void Run(int days)
    {
        Measure(days, "flex 4/2.5 uL/h", new PrescriptionSpec
        {
            Mode = "flex",
            Steps = { new FlexStepSpec { At = "06:00", RateUlPerH = 4 }, new FlexStepSpec { At = "22:00", RateUlPerH = 2.5m } },
            PatientBolus = Bolus(),
        });
        Measure(days, "continuous 0.5 mg/day of 10 mg/mL (50 uL/day, DAILY-DOSE-EXACT)", new PrescriptionSpec
        {
            Mode = "continuous",
            DoseMgPerDay = 0.5m,
            PatientBolus = Bolus(),
        });
    }

    private static PatientBolusSpec Bolus() => new() { DoseUg = 50, Duration = "10m", Lockout = "3h", MaxPer24H = 4 };

    private static void Measure(int days, string therapy, PrescriptionSpec prescription)
    {
        var actions = new List<ScenarioAction>();
        for (int day = 0; day < days; day++)
            foreach (int hour in new[] { 8, 12, 17, 21 }) actions.Add(new ScenarioAction { At = $"{day}d{hour}h", Do = "bolus-press" });
        for (int day = 30; day < days; day += 30) actions.Add(new ScenarioAction { At = $"{day}d", Do = "refill", AddedMl = 20, ConcentrationUgPerMl = 10_000 });
        var scenario = new Scenario
        {
            Name = "flash-budget",
            Mode = "implanted",
            Duration = $"{days}d",
            Seed = 60,
            Drug = new DrugSpec { Name = "morphine", ConcentrationUgPerMl = 10_000 },
            Prescription = prescription,
            Actions = actions,
        };
        var session = new ScenarioSession(scenario);
        session.RunUntil(session.Duration);
        var pump = session.Pump;
        var setup = pump.Setup;
        var flash = pump.World.Board.Store;
        int Worst(int first, int count) => Enumerable.Range(first, count).Max(flash.EraseCount);
        double Life(int worst) => worst == 0 ? double.PositiveInfinity : flash.RatedEraseCycles / (worst / (double)days) / 365.0;
        int journal = Worst(setup.JournalFirstPage, setup.JournalPages);
        int events = Worst(setup.EventFirstPage, setup.EventPages);
        int diary = Worst(setup.DiaryFirstPage, setup.DiaryPages);
        Console.WriteLine($"flash budget: {days} days implanted, {therapy}, 4 bolus presses a day, refills every 30 days; layout: journal {setup.JournalPages} pages of 1 KiB records, event log {setup.EventPages} pages, diary {setup.DiaryPages}, keys {setup.KeyPages}");
        Console.WriteLine($"flash budget: {pump.Pump.RecordsWritten / (double)days:0.0} journal records a day ({pump.Pump.RecordsWritten} in all), {pump.Pump.Events.Newest / (double)days:0.0} events a day");
        Console.WriteLine($"flash budget: worst journal page erased {journal} times = {journal / (double)days:0.000} a day -> {Life(journal):0.0} years at {flash.RatedEraseCycles:N0} cycles; event log {events} -> {Life(events):0.0} years; diary {diary} -> {(double.IsInfinity(Life(diary)) ? "no erase" : Life(diary).ToString("0.0") + " years")}");
    }
}
