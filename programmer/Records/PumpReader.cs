using OpenIdds.Firmware.Therapy;
using OpenIdds.Programmer.Cli;

namespace OpenIdds.Programmer.Records;

/// <summary>Reads a snapshot from a live pump: status, trial report, the whole event log, and the host's clock to place pump time.</summary>
public static class PumpReader
{
    public static PumpSnapshot Read(ProgrammerSession session, int trialThresholdPercent = TrialReport.DefaultReliefThresholdPercent)
    {
        var role = session.ReadRole();
        var status = session.Commands.Status(role);
        var hostNow = DateTimeOffset.UtcNow;
        var events = session.Commands.ExportAll(role);
        // The trial report needs the clinician key; a patient-only key file reads the rest.
        TrialReport? trial = null;
        if (session.Keys.Key(session.DeviceId, OpenIdds.Firmware.Protocol.Role.Clinician) != null)
        {
            var (report, started) = session.Commands.TrialReport(trialThresholdPercent);
            if (started) trial = report;
        }
        return new PumpSnapshot(session.DeviceId, session.Hello.Firmware, hostNow - TimeSpan.FromMilliseconds(status.PumpTime), status, trial, trialThresholdPercent, events);
    }
}
