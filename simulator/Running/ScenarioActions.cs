using System.Globalization;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;
using OpenIdds.Simulator.Physics;
using OpenIdds.Simulator.Scenarios;

namespace OpenIdds.Simulator.Running;

/// <summary>What each scenario action does to the world, the patient, the clinician's pump or its faults (docs/simulator.md lists them).</summary>
public static class ScenarioActions
{
    /// <summary>The implanted pump's line is stiffer than the trial's external tubing set (docs/simulator.md).</summary>
    public static PhysicsParameters ForStage(PhysicsParameters physics, PumpStage stage) =>
        stage == PumpStage.Implanted ? physics with { ComplianceNanolitersPerPascal = physics.ImplantedComplianceNanolitersPerPascal } : physics;

    public static void Apply(ScenarioAction a, string field, DeviceChain devices, Scenario scenario, long timeOfDay, Action<string, string, string> log)
    {
        var pump = devices.Current;
        var world = pump.World;
        string F(string name) => $"{field}.{name}";
        Drug Drug(long concentration) => new(scenario.Drug.Name, new MicrogramsPerMilliliter(concentration));
        switch (a.Do)
        {
            case "program":
                var spec = a.Prescription ?? throw new ScenarioException($"{F("prescription")}: 'program' needs a prescription");
                pump.Program(spec.ToPrescription(pump.Pump.Therapy.ReservoirDrug.IsNone ? Drug(scenario.Drug.ConcentrationUgPerMl) : pump.Pump.Therapy.ReservoirDrug, F("prescription")), Describe(spec));
                break;
            case "posture":
                world.Patient.Posture = a.Posture switch
                {
                    "lying" => Posture.Lying, "sitting" => Posture.Sitting, "standing" => Posture.Standing,
                    _ => throw new ScenarioException($"{F("posture")}: '{a.Posture}' is not one of lying, sitting, standing"),
                };
                log("patient", "posture", a.Posture!);
                break;
            case "activity":
                world.Patient.Activity = a.Activity switch
                {
                    "rest" => PatientActivity.Rest, "walking" => PatientActivity.Walking, "asleep" => PatientActivity.Asleep,
                    _ => throw new ScenarioException($"{F("activity")}: '{a.Activity}' is not one of rest, walking, asleep"),
                };
                log("patient", "activity", a.Activity!);
                break;
            case "catheter": CatheterState.Apply(a, F("kind"), F("factor"), world.Line, log); break;
            case "cough": world.Patient.Cough(world.Now); log("patient", "cough", ""); break;
            case "strain": world.Patient.Strain(world.Now); log("patient", "strain", ""); break;
            case "bolus-press": world.Board.Button.Pending++; log("patient", "bolus-press", ""); break;
            case "diary":
                if (a.Pain is int pain)
                {
                    var report = pump.Pump.AddPain(pain);
                    log("patient", report.Accepted ? "diary" : "diary-refused", string.Create(CultureInfo.InvariantCulture, $"pain {pain}, {a.Activity}") + (report.Accepted ? "" : ": " + report));
                }
                if (a.ActivityKind is { } kind)
                {
                    var report = pump.Pump.AddActivity(Activity(kind, F("activity_kind")), a.Minutes ?? 30);
                    log("patient", report.Accepted ? "diary" : "diary-refused", $"{kind} {a.Minutes ?? 30} min" + (report.Accepted ? "" : ": " + report));
                }
                if (a.SideEffect is { } effect)
                {
                    var report = pump.Pump.AddSideEffect(SideEffect(effect, F("side_effect")),
                        Severity(a.Severity ?? throw new ScenarioException($"{F("severity")}: a side effect needs its severity (mild, moderate, severe)"), F("severity")));
                    log("patient", report.Accepted ? "diary" : "diary-refused", $"{a.Severity} {effect}" + (report.Accepted ? "" : ": " + report));
                }
                break;
            case "refill":
                long concentration = a.ConcentrationUgPerMl ?? world.Reservoir.Concentration;
                double trueResidual = world.Reservoir.Refill((long)((a.AddedMl ?? 0) * 1_000_000), concentration);
                var withdrawn = new Nanoliters(a.WithdrawnMl is double w ? (long)(w * 1_000_000) : (long)trueResidual);
                log("clinician", "refill", string.Create(CultureInfo.InvariantCulture, $"withdrew {withdrawn.Value / 1_000_000.0:0.000} mL (true residual {trueResidual / 1_000_000.0:0.000} mL), added {a.AddedMl:0.000} mL at {concentration} ug/mL"));
                pump.Refill(withdrawn, new Nanoliters((long)((a.AddedMl ?? 0) * 1_000_000)), Drug(concentration), Nanoliters.FromMicroliters((long)((a.LowMl ?? 2) * 1000)));
                break;
            case "clinician-bolus":
                var bolus = pump.Pump.RequestClinicianBolus(new Micrograms(a.DoseUg ?? throw new ScenarioException($"{F("dose_ug")}: a clinician bolus needs its dose")),
                    new Milliseconds(DurationText.ParseMilliseconds(a.Duration ?? "30m", F("duration"))), confirmed: true);
                log("clinician", bolus.Accepted ? "bolus" : "bolus-refused", bolus.ToString());
                break;
            case "clock-sync":
                var sync = pump.Pump.SyncClock(new Milliseconds(DurationText.ParseTimeOfDay(a.TimeOfDay ?? throw new ScenarioException($"{F("time_of_day")}: clock-sync needs the time of day"), F("time_of_day"))));
                log("clinician", sync.Accepted ? "clock-sync" : "clock-sync-refused", a.TimeOfDay + (sync.Accepted ? "" : ": " + sync));
                break;
            case "occlusion":
                world.Line.OcclusionFactor = a.Factor is null or <= 0 ? double.PositiveInfinity : a.Factor.Value;
                log("fault", "occlusion", double.IsInfinity(world.Line.OcclusionFactor) ? "complete" : string.Create(CultureInfo.InvariantCulture, $"partial x{a.Factor}"));
                break;
            case "occlusion-clear": world.Line.OcclusionFactor = 1.0; log("fault", "occlusion-clear", ""); break;
            case "disconnect": world.Line.Disconnected = true; log("fault", "disconnect", "catheter disconnected: outflow to tissue"); break;
            case "leak":
                double fraction = a.Factor ?? throw new ScenarioException($"{F("factor")}: a leak needs the fraction of the flow it loses, 0..1");
                if (fraction is < 0 or > 1) throw new ScenarioException(string.Create(CultureInfo.InvariantCulture, $"{F("factor")}: {fraction} is outside 0..1 (the fraction of the flow that leaks)"));
                world.Line.LeakFraction = fraction;
                log("fault", "leak", string.Create(CultureInfo.InvariantCulture, $"{fraction:0.###} of the outflow to tissue"));
                break;
            case "pressure-sensor":
                world.PressureSensor.Inject(a.Kind switch
                {
                    "stuck" => PressureSensorFault.Stuck, "disconnected" => PressureSensorFault.Disconnected,
                    "out-of-range" => PressureSensorFault.OutOfRange, "noisy" => PressureSensorFault.Noisy, "none" => PressureSensorFault.None,
                    _ => throw new ScenarioException($"{F("kind")}: '{a.Kind}' is not one of stuck, disconnected, out-of-range, noisy, none"),
                });
                log("fault", "pressure-sensor", a.Kind!);
                break;
            case "pressure-drift": world.PressureSensor.DriftPascalsPerDay = a.PascalsPerDay ?? 0; log("fault", "pressure-drift", string.Create(CultureInfo.InvariantCulture, $"{a.PascalsPerDay} Pa/day")); break;
            case "motor-stall": world.Head.Stalled = true; world.Board.InjectMotorFault(); log("fault", "motor-stall", "head jammed; driver fault line low"); break;
            case "motor-stall-clear": world.Head.Stalled = false; world.Board.ClearMotorFault(); log("fault", "motor-stall-clear", "the jam freed; driver fault line high again (the pump stays stopped until a clinician resets it)"); break;
            case "motor-supply-loss": world.Board.MotorSupply.Connected = false; log("fault", "motor-supply-loss", "VMOT gone: the driver turns nothing, its fault line stays high"); break;
            case "motor-supply-restore": world.Board.MotorSupply.Connected = true; log("fault", "motor-supply-restore", "VMOT back (the pump stays stopped until a clinician resets it)"); break;
            case "motor-cut": world.Board.MotorSupply.OpenCut(); log("fault", "motor-cut", "the independent motor cut opens (its watchdog's trigger stopped); no firmware pin closes it"); break;
            case "lost-steps": world.Head.LostStepProbability = a.Probability ?? 0; log("fault", "lost-steps", string.Create(CultureInfo.InvariantCulture, $"p = {a.Probability}")); break;
            case "battery-drain": world.Battery.DrainFactor = a.Factor ?? 1; log("fault", "battery-drain", string.Create(CultureInfo.InvariantCulture, $"x{a.Factor}")); break;
            case "power-loss":
                long off = DurationText.ParseMilliseconds(a.Duration ?? "1s", F("duration"));
                log("fault", "power-loss", $"{off} ms");
                pump.PowerCycle(off);
                break;
            case "clinician-reset": pump.ClinicianReset(); break;
            case "hold-stopped":
                var hold = pump.Pump.HoldStopped(new Milliseconds(DurationText.ParseMilliseconds(a.Duration ?? throw new ScenarioException($"{F("duration")}: hold-stopped needs how long the pump stays stopped"), F("duration"))));
                log("clinician", hold.Accepted ? "hold-stopped" : "hold-stopped-refused", a.Duration + (hold.Accepted ? "" : ": " + hold));
                break;
            case "flash-bit-flip":
                // Wear or radiation: one bit of the board's flash changes. The firmware reads its flash only
                // at boot, so it finds the damage at the next reset (a power-loss action, say).
                var store = world.Board.Store;
                int offset = a.Offset ?? 8, bit = a.Bit ?? 0;
                if (offset < 0 || offset >= store.PageSize * store.PageCount) throw new ScenarioException($"{F("offset")}: {offset} is outside the flash, 0..{store.PageSize * store.PageCount - 1}");
                if (bit is < 0 or > 7) throw new ScenarioException($"{F("bit")}: {bit} is outside 0..7");
                store.FlipBit(offset / store.PageSize, offset % store.PageSize, bit);
                log("fault", "flash-bit-flip", $"bit {bit} of byte {offset} (page {offset / store.PageSize}, offset {offset % store.PageSize})");
                break;
            case "hang":
                long hang = DurationText.ParseMilliseconds(a.Duration ?? "5m", F("duration"));
                log("fault", "hang", $"control loop stops for {hang} ms");
                pump.Hang(hang);
                break;
            case "silence":
                pump.Pump.SilenceAlarms();
                log("patient", "silence", "audio paused");
                break;
            case "implant":
                // The trial ends; the implanted pump takes over the therapy with its own reservoir and drug.
                var implantSpec = a.Prescription ?? throw new ScenarioException($"{F("prescription")}: 'implant' needs the implanted pump's prescription");
                if (a.RequiresReliefPercent is int threshold)
                {
                    // The decision the trial exists for: the firmware's own trial report.
                    var trial = pump.Pump.TrialReport(threshold);
                    log("clinician", "trial-report", string.Create(CultureInfo.InvariantCulture,
                        $"baseline pain {trial.BaselinePainTenths / 10.0:0.0}, trial pain {trial.TrialPainTenths / 10.0:0.0}, relief {trial.ReliefPercent} % (threshold {threshold} %), {trial.DosePerDay} a day, boluses granted {trial.BolusRequestsGranted}, refused {trial.BolusRequestsRefused}"));
                    log("clinician", "trial-recommendation", trial.Recommendation());
                    if (!trial.Recommended)
                    {
                        log("clinician", "no-implant", "the trial report does not support an implant: the trial pump is removed and no pump is implanted");
                        pump.Program(Prescription.Stopped(pump.Pump.Therapy.Prescription.Drug), "stopped: the trial ends without an implant");
                        break;
                    }
                }
                long implantConcentration = a.ConcentrationUgPerMl ?? scenario.Drug.ConcentrationUgPerMl;
                double fill = a.AddedMl ?? scenario.ReservoirMilliliters;
                log("clinician", "implant", string.Create(CultureInfo.InvariantCulture, $"trial pump removed; implanted pump filled with {fill} mL at {implantConcentration} ug/mL"));
                var implantPhysics = ForStage(scenario.PhysicsParameters(), PumpStage.Implanted);
                var implantWorld = new PumpWorld(implantPhysics, scenario.Seed ^ 0x1A1A, (long)(fill * 1_000_000), implantConcentration, scenario.LevelSensor, world.Now, world.Board.Pins, scenario.RotorEncoder);
                var implanted = devices.Install(implantWorld, ScenarioDevice.Setup(scenario, implantPhysics, PumpStage.Implanted, timeOfDay + world.Now, fill), scenario.ClockDriftPpm, log);
                implanted.Refill(Nanoliters.Zero, new Nanoliters((long)(fill * 1_000_000)), Drug(implantConcentration), PumpConfiguration.DefaultLowReservoir);
                implanted.Program(implantSpec.ToPrescription(Drug(implantConcentration), F("prescription")), Describe(implantSpec));
                break;
            default:
                throw new ScenarioException($"{F("do")}: '{a.Do}' is not a known action");
        }
    }

    public static string Describe(PrescriptionSpec p) => p.Mode switch
    {
        "continuous" => p.DoseMgPerDay is { } mg ? string.Create(CultureInfo.InvariantCulture, $"continuous {mg} mg/day")
            : p.DoseUgPerDay is { } ug ? string.Create(CultureInfo.InvariantCulture, $"continuous {ug} ug/day")
            : string.Create(CultureInfo.InvariantCulture, $"continuous {p.RateUlPerH:0.###} uL/h"),
        "flex" => "flex " + string.Join(", ", p.Steps.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.At} {s.RateUlPerH:0.###} uL/h"))),
        "single-bolus" => $"single bolus {p.DoseUg} ug over {p.Duration}",
        _ => p.Mode,
    } + (p.PatientBolus is { } b ? $", patient bolus {b.DoseUg} ug over {b.Duration}, lockout {b.Lockout}, at most {b.MaxPer24H} per 24 h" : "");

    private static ActivityKind Activity(string text, string field) => text switch
    {
        "rest" => ActivityKind.Rest,
        "walking" => ActivityKind.Walking,
        "physical-therapy" => ActivityKind.PhysicalTherapy,
        "daily-living" => ActivityKind.DailyLiving,
        "work" => ActivityKind.Work,
        "other" => ActivityKind.Other,
        _ => throw new ScenarioException($"{field}: '{text}' is not one of rest, walking, physical-therapy, daily-living, work, other"),
    };

    private static SideEffectKind SideEffect(string text, string field) => text switch
    {
        "nausea-vomiting" => SideEffectKind.NauseaVomiting,
        "pruritus" => SideEffectKind.Pruritus,
        "urinary-retention" => SideEffectKind.UrinaryRetention,
        "sedation" => SideEffectKind.Sedation,
        "respiratory-depression" => SideEffectKind.RespiratoryDepression,
        _ => throw new ScenarioException($"{field}: '{text}' is not one of nausea-vomiting, pruritus, urinary-retention, sedation, respiratory-depression"),
    };

    private static SideEffectSeverity Severity(string text, string field) => text switch
    {
        "mild" => SideEffectSeverity.Mild,
        "moderate" => SideEffectSeverity.Moderate,
        "severe" => SideEffectSeverity.Severe,
        _ => throw new ScenarioException($"{field}: '{text}' is not one of mild, moderate, severe"),
    };
}
