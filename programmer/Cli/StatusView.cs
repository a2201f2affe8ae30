using OpenIdds.Firmware.Persistence;
using OpenIdds.Firmware.Protocol.Messages;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Therapy;
using Spectre.Console;

namespace OpenIdds.Programmer.Cli;

/// <summary>
/// The status screen: therapy, reservoir (computed and measured, each named - the pump's computed
/// volume is not a measurement), alarms, battery, next refill. Pump times are shown on the host's clock.
/// </summary>
public static class StatusView
{
    public static void Show(ProgrammerConsole console, StatusMessage s, DateTimeOffset hostNow)
    {
        var table = new Table().Title($"[bold]{Markup.Escape(s.DeviceId)}[/] - {PumpStageName.Of((PumpStage)s.Stage)} pump, {SafetyStateMachine.StateName((SafetyState)s.State)}")
            .AddColumn("").AddColumn("");
        string When(long t) => Units.WallClock(t, s.PumpTime, hostNow) + (t == long.MaxValue ? "" : $" (in {Units.Duration(t - s.PumpTime)})");
        table.AddRow("therapy", Markup.Escape(Describe(s.Prescription)));
        table.AddRow("rate now", Units.Rate(s.RateNow));
        table.AddRow("daily dose", Units.Dose(s.DailyDoseNanograms) + " (prescribed)");
        table.AddRow("rolling 24 h", Units.Dose(s.RollingDoseNanograms) + " delivered (computed)");
        if (s.Prescription.PatientBolus is { } pb)
        {
            // The pump refuses every bolus (bridge-in-progress) until the new drug reaches the catheter tip.
            long until = Math.Max(s.LockoutEndsAt == long.MaxValue ? long.MinValue : s.LockoutEndsAt, s.TipArrival == long.MaxValue ? long.MinValue : s.TipArrival);
            string lockout = until > s.PumpTime
                ? (until == s.TipArrival ? $"; none until the new drug reaches the catheter tip at {When(until)}" : $"; locked out until {When(until)}")
                : "; available now";
            table.AddRow("patient boluses", $"{s.PatientBolusesIn24Hours} of {pb.MaxPer24Hours} in the last 24 h{Markup.Escape(lockout)}");
        }
        if (s.TipArrival != long.MaxValue) table.AddRow("line", "[yellow]priming or bridge: the new drug reaches the catheter tip at " + Markup.Escape(When(s.TipArrival)) + "[/]");
        table.AddRow("reservoir (computed)", Units.Milliliters(s.ReservoirComputed) + " [grey](fill minus steps x calibration)[/]");
        table.AddRow("reservoir (measured)", MeasuredReservoir(s));
        table.AddRow("low-reservoir alarm", Units.Milliliters(s.LowReservoirThreshold));
        table.AddRow("next refill", Markup.Escape(When(s.NextRefillAt)) + " [grey](at the worst-case daily volume)[/]");
        table.AddRow("battery", (s.Battery switch { 3 => "[red]end of service[/]", 2 => "[yellow]elective replacement[/]", 1 => "[yellow]low[/]", _ => "[green]ok[/]" }) + $", {s.BatteryMillivolts} mV");
        if (s.CatheterVerdict >= 0) table.AddRow("catheter check", Markup.Escape(CatheterCheck(s, hostNow)));
        if (s.LineBaselineLeft >= 0) table.AddRow("line resistance", Markup.Escape(LineResistance(s, hostNow)));
        table.AddRow("delivered since start", Units.Dose(s.DeliveredNanograms) + $" ({s.StepsTaken} steps, {s.StepsMissed} missed)");
        if (s.StepsUnconfirmed >= 0)
            table.AddRow("counted ahead, not yet given", $"{s.StepsUnconfirmed} steps" + (s.PicolitersPerStep > 0 ? $" ({s.StepsUnconfirmed * s.PicolitersPerStep / 1000.0:0.#} nL)" : "") + ": a restart now would book these as delivered (INTENT-BOUNDED)");
        if (s.StepsUnconfirmedPastRestarts >= 0) table.AddRow("booked at past restarts, never confirmed given", PastRestarts(s));
        table.AddRow("alarms", s.AlarmCount == 0 ? "[green]none[/]" : Markup.Escape(string.Join(", ", Enumerable.Range(0, s.AlarmCount).Select(i => AlarmTable.Of((AlarmCode)s.AlarmCodes[i]).Name))));
        if (!s.StorageValid) table.AddRow("storage", "[red]a stored record failed its check: the pump is in the safe state[/]");
        if (s.RefillOpen) table.AddRow("refill", "[yellow]a refill session is open[/]");
        if (s.DevelopmentKeysMayDeliver && s.DevelopmentKeys) table.AddRow("development setting", "[yellow]on: therapy may run on development keys (simulator, bench or --development)[/]");
        console.Out.Write(table);
        if (s.AlarmCount > 0) ShowAlarms(console, s);
    }

    /// <summary>The last catheter integrity check in a clinician's words: when, the verdict with the band energies against the patient's baseline, when the next is due.</summary>
    public static string CatheterCheck(StatusMessage s, DateTimeOffset hostNow)
    {
        string next = s.CatheterNextCheck == long.MaxValue ? "" : $"; next check due {Units.WallClock(s.CatheterNextCheck, s.PumpTime, hostNow)}"
            + (s.CatheterNextCheck > s.PumpTime ? $" (in {Units.Duration(s.CatheterNextCheck - s.PumpTime)})" : " (under way)");
        if (s.CatheterVerdict == (int)CatheterCheckVerdict.None) return "no check yet since the start or the last revision" + next;
        string when = $"last check {Units.WallClock(s.CatheterCheckedAt, s.PumpTime, hostNow)} ({Units.Duration(Math.Max(0, s.PumpTime - s.CatheterCheckedAt))} ago)";
        return when + ": " + CatheterCheckText.Describe((CatheterCheckVerdict)s.CatheterVerdict, s.CatheterRespiratoryPercent, s.CatheterCardiacPercent,
            s.CatheterRun, s.CatheterBaselineLeft, (s.CatheterJudgedBands & 1) != 0, (s.CatheterJudgedBands & 2) != 0) + next;
    }

    /// <summary>The last LINE-RESISTANCE-RISE window in a clinician's words: when, the share of a stroke left after 0.5 s against the patient's baseline, the verdict.</summary>
    public static string LineResistance(StatusMessage s, DateTimeOffset hostNow)
    {
        if (s.LineWindowAt == long.MaxValue)
            return "no window yet since the start or the last revision (" + LineResistanceTrend.WindowStrokes + " strokes each, every " + Units.Duration(LineResistanceTrend.WindowIntervalMilliseconds) + ")";
        string when = $"last window {Units.WallClock(s.LineWindowAt, s.PumpTime, hostNow)} ({Units.Duration(Math.Max(0, s.PumpTime - s.LineWindowAt))} ago)";
        return when + ": " + LineResistanceText.Describe(s.LineRetentionPerMille, s.LineBaselinePerMille, s.LineRun, s.LineBaselineLeft);
    }

    /// <summary>
    /// INTENT-BOUNDED summed over every restart: the volume, and the drug at the concentration now
    /// programmed, that the records may count as delivered without the motor having given it.
    /// </summary>
    public static string PastRestarts(StatusMessage s)
    {
        long nanoliters = s.PicolitersUnconfirmedPastRestarts / 1000;
        string text = $"at most {Units.Microliters(nanoliters)} ({s.StepsUnconfirmedPastRestarts} steps)";
        long concentration = s.Prescription.Drug.Concentration.Value;
        // nL x ug/mL = pg; / 1000 = ng.
        if (concentration > 0) text += $", {Units.Dose(nanoliters * concentration / 1000)} of {Markup.Escape(s.Prescription.Drug.Name)} at {concentration} ug/mL";
        return text + ": the delivered totals may be over by this much (INTENT-BOUNDED, every restart since installation)";
    }

    /// <summary>The measured reservoir, or why there is none: a faulted level sensor is not the same as no level sensor.</summary>
    public static string MeasuredReservoir(StatusMessage s) =>
        s.ReservoirMeasuredValid ? Units.Milliliters(s.ReservoirMeasured) + " [grey](level sensor)[/]"
        : s.LevelSensorFitted ? "[yellow]not measured (level sensor fault)[/] [grey]- computed only until the sensor recovers[/]"
        : "[grey]not measured (no level sensor)[/]";

    public static void ShowAlarms(ProgrammerConsole console, StatusMessage s)
    {
        var table = new Table().Title("[bold]alarms shown[/]").AddColumn("alarm").AddColumn("priority").AddColumn("stops delivery").AddColumn("latched").AddColumn("audio").AddColumn("why");
        for (int i = 0; i < s.AlarmCount; i++)
        {
            var row = AlarmTable.Of((AlarmCode)s.AlarmCodes[i]);
            int f = s.AlarmFlags[i];
            string priority = AlarmTable.PriorityName((OpenIdds.Hal.AlarmPriority)((f >> 4) & 3));
            table.AddRow(Markup.Escape(row.Name), priority == "high" ? "[red]high[/]" : priority, (f & 4) != 0 ? "[red]yes[/]" : "no", (f & 1) != 0 ? "yes" : "no", (f & 2) != 0 ? "paused" : "sounding", Markup.Escape(row.Why));
        }
        console.Out.Write(table);
    }

    public static string Describe(Prescription p)
    {
        string drug = p.Drug.IsNone ? "no drug" : $"{p.Drug.Name} {p.Drug.Concentration.Value} ug/mL";
        string mode = p.Mode switch
        {
            DeliveryMode.SimpleContinuous => p.IsPerDay ? $"continuous {Units.Milliliters(p.PerDay.Value)}/day" : $"continuous {Units.Rate(p.Rate.Value)}",
            DeliveryMode.Flex => "flex " + string.Join(", ", Enumerable.Range(0, p.FlexStepCount).Select(i => $"{TimeSpan.FromMilliseconds(p.FlexStart(i).Value):hh\\:mm} {Units.Rate(p.FlexRate(i).Value)}")),
            DeliveryMode.SingleBolus => $"single bolus {p.SingleBolusDose.Value} ug over {Units.Duration(p.SingleBolusDuration.Value)}",
            _ => "stopped",
        };
        string bolus = p.PatientBolus is { } b ? $"; patient bolus {b.Dose.Value} ug over {Units.Duration(b.Duration.Value)}, lockout {Units.Duration(b.Lockout.Value)}, at most {b.MaxPer24Hours} per 24 h" : "";
        return $"{drug}, {mode}{bolus}";
    }
}
