using System.Globalization;
using OpenIdds.Firmware.Protocol;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;
using OpenIdds.Hal.Storage;
using OpenIdds.Programmer.Link;
using OpenIdds.Simulator.Scenarios;

namespace OpenIdds.Simulator.Running;

/// <summary>
/// The scenario actions that go through the pump's protocol endpoint (docs/simulator.md): a clinician's
/// programming session in two halves (program-review, program-commit, optionally cut by a power failure
/// while the commit is written to flash), and an attacker's frames (protocol: replay, wrong-role,
/// bad-mac). Each logs what the programmer saw under "programmer"; the firmware logs its own side.
/// </summary>
public static class ProtocolActions
{
    /// <summary>The outage after a power cut during a commit, unless the action says: a power-on reset, not a glitch.</summary>
    public const string DefaultCutOutage = "10s";

    public static void Review(ScenarioAction a, string field, VirtualPump pump, ScenarioProgrammer programmer, Drug drug, Action<string, string, string> log)
    {
        var spec = a.Prescription ?? throw new ScenarioException($"{field}.prescription: 'program-review' needs a prescription");
        var p = spec.ToPrescription(drug, $"{field}.prescription");
        try
        {
            var report = programmer.Review(pump, p);
            log("programmer", "review", ScenarioActions.Describe(spec) + ": " + Verdict(report));
        }
        catch (LinkException e) { log("programmer", "review-lost", e.Message); }
    }

    public static void Commit(ScenarioAction a, string field, VirtualPump pump, ScenarioProgrammer programmer, Action<string, string, string> log)
    {
        if (programmer.Reviewed == null)
        {
            log("programmer", "commit-not-sent", "nothing was reviewed on this programmer: there is nothing to commit");
            return;
        }
        string before = Running(pump);
        var store = pump.World.Board.Store;
        long written = store.ProgrammedBytes;
        long off = DurationText.ParseMilliseconds(a.Duration ?? DefaultCutOutage, $"{field}.duration");
        if (a.PowerCutAfterBytes is int bytes) store.CutAfter(bytes);
        try
        {
            var (report, _, running) = programmer.Commit(pump);
            log("programmer", report.IsAccepted ? "commit" : "commit-refused", Verdict(report) + "; the pump runs " + (running != null ? Running(pump) : before));
            if (a.PowerCutAfterBytes != null)
            {
                // The commit wrote fewer bytes than the cut allows: the power fails as it finishes.
                log("fault", "power-loss", string.Create(CultureInfo.InvariantCulture, $"{off} ms, cut after the commit completed ({store.ProgrammedBytes - written} bytes written, {a.PowerCutAfterBytes} allowed)"));
                pump.PowerCycle(off);
            }
        }
        catch (PowerCut cut)
        {
            log("fault", "power-loss", string.Create(CultureInfo.InvariantCulture, $"{off} ms, cut while the commit was written to flash, after {a.PowerCutAfterBytes} bytes ({cut.Message})"));
            log("programmer", "commit-unanswered", $"no answer: the pump lost power during the commit (it ran {before}); reconnect and read what it runs");
            pump.PowerCycle(off);
        }
        catch (LinkException e) { log("programmer", "commit-lost", e.Message); }
        finally { store.CutAfter(-1); }
    }

    /// <summary>An attacker's frame on the line: refused (its status logged), and nothing may change.</summary>
    public static void Attack(ScenarioAction a, string field, VirtualPump pump, ScenarioProgrammer programmer, Drug drug, Action<string, string, string> log)
    {
        var target = a.Prescription?.ToPrescription(drug, $"{field}.prescription") ?? Prescription.Stopped(pump.Pump.Therapy.Prescription.Drug);
        byte[] wire;
        string what;
        switch (a.Kind)
        {
            case "replay":
                wire = programmer.LastFrame ?? throw new ScenarioException($"{field}.kind: 'replay' needs a frame the scenario's programmer sent before it (a program-review or program-commit)");
                what = "the programmer's last frame, recorded on the line and sent again";
                break;
            case "wrong-role":
                wire = programmer.Sealed(pump, Role.Patient, CommandTable.Program, ScenarioProgrammer.CommitPayload(target), forgeMac: false);
                what = "a program commit sealed with the patient's key";
                break;
            case "bad-mac":
                wire = programmer.Sealed(pump, Role.Clinician, CommandTable.Program, ScenarioProgrammer.CommitPayload(target), forgeMac: true);
                what = "a clinician program commit whose MAC does not verify (one bit changed, CRC made right)";
                break;
            default:
                throw new ScenarioException($"{field}.kind: '{a.Kind}' is not one of replay, wrong-role, bad-mac");
        }
        var status = programmer.SendRaw(pump, wire);
        log("programmer", status == ProtocolStatus.Ok ? "attack-accepted" : "attack-refused",
            $"{a.Kind}: {what}; answered {(status is ProtocolStatus s ? ProtocolStatusName.Of(s) : "nothing")}; the pump runs {Running(pump)}");
    }

    private static string Verdict(OpenIdds.Firmware.Protocol.Messages.ReportMessage report)
    {
        string verdict = report.Verdict switch { 0 => "accepted", 1 => "needs confirmation", _ => "refused" };
        return report.Count == 0 ? verdict : verdict + " (" + string.Join("; ", report.Messages.Take(report.Count)) + ")";
    }

    /// <summary>The therapy the pump runs, as a clinician's status screen names it.</summary>
    public static string Running(VirtualPump pump)
    {
        var p = pump.Pump.Therapy.Prescription;
        return p.Mode == DeliveryMode.SimpleContinuous ? $"{DeliveryModeName.Of(p.Mode)} {p.Rate}" : DeliveryModeName.Of(p.Mode);
    }
}
