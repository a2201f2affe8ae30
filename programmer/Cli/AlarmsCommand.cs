using OpenIdds.Firmware.Persistence;
using OpenIdds.Firmware.Protocol;
using OpenIdds.Firmware.Safety;
using Spectre.Console;

namespace OpenIdds.Programmer.Cli;

/// <summary>`iddsctl alarms [reset|silence]`: what is shown and its recent history; a clinician reset; an audio pause.</summary>
public static class AlarmsCommand
{
    public static int Show(ProgrammerSession session)
    {
        var role = session.ReadRole();
        var status = session.Commands.Status(role);
        if (status.AlarmCount == 0) session.Console.Line("[green]no alarm shown[/]");
        else StatusView.ShowAlarms(session.Console, status);
        if (role == Role.Patient) return 0;
        var history = session.Commands.ExportAll(role).Where(e => e.Kind is >= (int)EventKind.AlarmRaised and <= (int)EventKind.AlarmCleared or >= (int)EventKind.AlarmSilenced and <= (int)EventKind.AlarmReannunciated).TakeLast(20).ToList();
        if (history.Count == 0) return 0;
        var table = new Table().Title("[bold]recent alarm events[/]").AddColumn("when").AddColumn("alarm").AddColumn("event");
        foreach (var e in history)
            table.AddRow(Units.WallClock(e.PumpTime, status.PumpTime, DateTimeOffset.Now), Markup.Escape(AlarmTable.Of((AlarmCode)e.A).Name), Markup.Escape(EventKindName.Of((EventKind)e.Kind)));
        session.Console.Out.Write(table);
        return 0;
    }

    public static int Reset(ProgrammerSession session)
    {
        var (reset, state) = session.Commands.AlarmReset();
        string name = SafetyStateMachine.StateName((SafetyState)state);
        if (reset) session.Console.Line($"[green]alarms acknowledged and latches reset:[/] the pump is {name}. It delivers nothing until you program it (iddsctl program FILE).");
        else session.Console.Line($"alarms acknowledged; the pump is still {name}" + (state == (int)SafetyState.AlarmStopped ? " - an alarm's condition is still present (see iddsctl alarms)" : ""));
        var status = session.Commands.Status(Role.Clinician);
        if (status.AlarmCount > 0) StatusView.ShowAlarms(session.Console, status);
        return reset || state != (int)SafetyState.AlarmStopped ? 0 : 1;
    }

    public static int Silence(ProgrammerSession session)
    {
        var role = session.Options.Role ?? (session.Keys.Key(session.DeviceId, Role.Patient) != null ? Role.Patient : Role.Clinician);
        session.Commands.Silence(role);
        session.Console.Line("audio paused for each alarm's silence time; the lights stay on");
        return 0;
    }
}
