using OpenIdds.Firmware.Persistence;
using OpenIdds.Programmer.Records;
using OpenIdds.Simulator.Reporting;
using OpenIdds.Simulator.Running;
using OpenIdds.Simulator.Scenarios;

namespace OpenIdds.Tests.Host.Simulator;

/// <summary>EVENT-TIME-FIXED in the simulator's interrogation report: it reads each event's time of day as iddsctl does.</summary>
[TestClass]
public class SessionReportTimeTests
{
    [TestMethod]
    public void The_report_shows_an_event_at_the_same_time_before_and_after_a_40_minute_outage()
    {
        var scenario = new Scenario
        {
            Name = "event-time",
            Mode = "implanted",
            Duration = "6h",
            Seed = 9,
            Prescription = new() { Mode = "continuous", RateUlPerH = 20, PatientBolus = new() { DoseUg = 50, Duration = "10m", Lockout = "1h", MaxPer24H = 4 } },
            Actions = new()
            {
                new ScenarioAction { At = "1h", Do = "clock-sync", TimeOfDay = "09:00" },
                new ScenarioAction { At = "2h", Do = "bolus-press" },
                new ScenarioAction { At = "3h", Do = "power-loss", Duration = "40m" },
            },
        };
        var session = new ScenarioSession(scenario);
        var start = SessionReports.Calendar + TimeSpan.FromHours(8);
        session.RunUntil(Milliseconds(150));
        string before = GrantedAt(SessionReports.Snapshot(session.Pump, start));
        session.RunUntil(session.Duration);
        string after = GrantedAt(SessionReports.Snapshot(session.Pump, start));
        Assert.AreEqual(before, after, "the same event at the same time in both reports");
    }

    private static long Milliseconds(int minutes) => minutes * 60_000L;

    private static string GrantedAt(PumpSnapshot snapshot) =>
        SnapshotFile.Rows(snapshot).Single(r => r.Kind == EventKindName.Of(EventKind.BolusGranted)).Time;
}
