using OpenIdds.Firmware.Device;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Programmer.Link;
using OpenIdds.Programmer.Records;
using OpenIdds.Simulator.Running;

namespace OpenIdds.Simulator.Reporting;

/// <summary>
/// The interrogation report `iddsctl report` prints, for the run's virtual pumps as the run left them:
/// report.html for the device in place at the end, report-device-N.html for each one before it (the
/// trial pump of a trial-then-implant run). A simulated run has no calendar: its start is placed on
/// <see cref="Calendar"/> at the scenario's time of day, so the same run prints the same dates.
/// </summary>
public static class SessionReports
{
    public static readonly DateTimeOffset Calendar = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Writes the reports; returns each file with what it shows.</summary>
    public static List<(string File, string Caption)> Write(ScenarioResult result, string folder)
    {
        var files = new List<(string, string)>();
        for (int i = 0; i < result.Pumps.Count; i++)
        {
            bool last = i == result.Pumps.Count - 1;
            var snapshot = Snapshot(result.Pumps[i], Calendar + TimeSpan.FromMilliseconds(result.TimeOfDayAtStartMilliseconds));
            string file = last ? "report.html" : $"report-device-{i + 1}.html";
            File.WriteAllText(Path.Combine(folder, file), ReportPage.Html(SessionReport.From(snapshot)));
            string stage = snapshot.Status == null ? "" : PumpStageName.Of((PumpStage)snapshot.Status.Stage) + " ";
            files.Add((file, $"interrogation report of the {stage}pump {snapshot.DeviceId}{(last ? " at the end of the run" : " when it was removed")}"));
        }
        return files;
    }

    /// <summary>What iddsctl would read from this pump now: its status, trial report and whole event log.</summary>
    public static PumpSnapshot Snapshot(VirtualPump device, DateTimeOffset scenarioStart)
    {
        InfusionPump pump = device.Pump;
        var status = pump.Status();
        var events = new List<LoggedEvent>();
        for (uint s = pump.Events.Oldest; s != 0 && s <= pump.Events.Newest; s++)
            if (pump.Events.Read(s, out var kind, out var at, out long timeOfDay, out long a, out long b)) events.Add(new LoggedEvent(s, (int)kind, at.Value, a, b, timeOfDay));
        TrialReport? trial = pump.Diary.TrialStarted ? pump.TrialReport(TrialReport.DefaultReliefThresholdPercent) : null;
        // The scenario's clock runs in true time; the pump's in pump time since its installation.
        var pumpZero = scenarioStart + TimeSpan.FromMilliseconds(device.World.Now - status.PumpTime);
        return new PumpSnapshot(status.DeviceId, PumpCommandHandler.FirmwareVersion, pumpZero, status, trial, TrialReport.DefaultReliefThresholdPercent, events);
    }
}
