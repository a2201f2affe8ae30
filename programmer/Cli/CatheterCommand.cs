using OpenIdds.Firmware.Safety;

namespace OpenIdds.Programmer.Cli;

/// <summary>`iddsctl catheter revised`: the clinician reports a catheter revision; the pump relearns the check's baseline (CATHETER-RELEARN-ON-REVISION).</summary>
public static class CatheterCommand
{
    public static int Revised(ProgrammerSession session)
    {
        var (discarded, left) = session.Commands.CatheterRevised();
        session.Console.Line((discarded ? "the catheter check's baseline for the old catheter is discarded" : "no baseline was learned yet")
            + $"; the pump learns this patient's baseline from the next {left} checks (one every {CatheterIntegrityMonitor.BurstIntervalMilliseconds / 3_600_000} h, about a day) and raises no catheter alert until then.");
        var status = session.Commands.Status(OpenIdds.Firmware.Protocol.Role.Clinician);
        for (int i = 0; i < status.AlarmCount; i++)
        {
            var code = (AlarmCode)status.AlarmCodes[i];
            if (code is AlarmCode.CatheterIntegritySuspected or AlarmCode.PartialOcclusion)
                session.Console.Line($"[yellow]{AlarmTable.Of(code).Name} is still shown (latched): acknowledge it with iddsctl alarms reset[/]");
        }
        return 0;
    }
}
