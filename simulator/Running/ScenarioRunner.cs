using System.Globalization;
using OpenIdds.Firmware.Dosing;
using OpenIdds.Simulator.Physics;
using OpenIdds.Simulator.Scenarios;

namespace OpenIdds.Simulator.Running;

/// <summary>
/// Runs a scenario in event-driven virtual time: the next instant is the earliest of the firmware's
/// wake-up, the next scenario action, the end of a pressure transient and the next sample. Nothing
/// sleeps; the same scenario and seed give the same event log on every machine.
/// </summary>
public static class ScenarioRunner
{
    /// <summary>Balance sampling interval, ms: 0.5 min, as IEC 60601-2-24's gravimetric method.</summary>
    public const long BalanceIntervalMilliseconds = 30_000;

    private const long HourMilliseconds = 3_600_000;

    public static ScenarioResult Run(Scenario scenario, Action<double>? progress = null)
    {
        long duration = DurationText.ParseMilliseconds(scenario.Duration, "duration");
        long timeOfDay = DurationText.ParseTimeOfDay(scenario.TimeOfDayAtStart, "time_of_day_at_start");
        var physics = scenario.PhysicsParameters();
        var events = new List<SimulationEvent>();
        var devices = new DeviceChain();
        void Log(string source, string kind, string detail) => events.Add(new SimulationEvent(devices.Now, source, kind, detail));
        devices.Install(new PumpWorld(physics, scenario.Seed, (long)(scenario.ReservoirMilliliters * 1_000_000), scenario.Drug.ConcentrationUgPerMl, scenario.LevelSensor),
            new Calibration(scenario.CalibrationPicolitersPerStep), scenario.ClockDriftPpm, scenario.Mode == "implanted", Log, startTime: 0);

        var actions = scenario.Actions
            .Select((a, i) => (Time: DurationText.ParseMilliseconds(a.At, $"actions[{i}].at"), Index: i, Action: a))
            .OrderBy(a => a.Time).ThenBy(a => a.Index).ToList();
        var samples = new List<Sample>();
        var balance = new List<(long, double)>();
        var hourly = new List<(long, double, double)>();
        long sampleInterval = Math.Max(60_000, duration / 4000 / 60_000 * 60_000);
        long nextSample = 0, nextBalance = scenario.Balance ? 0 : long.MaxValue, nextHour = HourMilliseconds, wakeUps = 0;
        long stepsAtLastHour = 0;
        double pumpedAtLastHour = 0, prescribedAtLastHour = 0;
        int nextAction = 0;

        VirtualPump pump = devices.Current;
        PumpWorld world = pump.World;
        Log("scenario", "start", $"{scenario.Name}: {scenario.Mode} pump, {scenario.Drug.Name} {scenario.Drug.ConcentrationUgPerMl} ug/mL, seed {scenario.Seed}");
        pump.Program(PrescriptionProfiles.ToProfile(scenario.Prescription, timeOfDay, "prescription"), Describe(scenario.Prescription));

        while (true)
        {
            bool acted = false;
            while (nextAction < actions.Count && actions[nextAction].Time <= world.Now)
            {
                Apply(actions[nextAction].Action, $"actions[{actions[nextAction].Index}]", devices, scenario, timeOfDay, Log);
                pump = devices.Current;
                world = pump.World;
                nextAction++;
                acted = true;
            }
            // A button, a driver fault line or a programmer message wakes the MCU at once (an interrupt).
            if (acted) pump.RunTo(world.Now);
            if (world.Now >= nextSample) { samples.Add(Take(devices)); nextSample += sampleInterval; }
            if (scenario.Balance && world.Now >= nextBalance) { balance.Add((world.Now, world.Balance.ReadMilligrams(devices.ToCsfNanoliters + devices.LeakedNanoliters, world.Now))); nextBalance += BalanceIntervalMilliseconds; }
            if (world.Now >= nextHour)
            {
                // The hourly delivery line: steps commanded and volume the head moved. Printed to the nL,
                // so any difference in the physics arithmetic between machines changes the log's hash.
                Log("pump", "hourly", string.Create(CultureInfo.InvariantCulture,
                    $"steps {devices.StepsTaken - stepsAtLastHour}, pumped {(devices.PumpedNanoliters - pumpedAtLastHour) / 1000.0:0.000} uL, line {world.Line.PressurePascals:0} Pa"));
                // The prescribed volume of the hour too: a flex schedule changes it from hour to hour.
                double prescribedNow = devices.PrescribedNanoliters(world.Now);
                hourly.Add((world.Now, (devices.StepsTaken - stepsAtLastHour) * (double)scenario.CalibrationPicolitersPerStep / 1_000_000, (prescribedNow - prescribedAtLastHour) / 1000.0));
                prescribedAtLastHour = prescribedNow;
                stepsAtLastHour = devices.StepsTaken;
                pumpedAtLastHour = devices.PumpedNanoliters;
                nextHour += HourMilliseconds;
            }
            if (world.Now >= duration) break;

            long next = Math.Min(pump.NextWake, duration);
            if (nextAction < actions.Count) next = Math.Min(next, actions[nextAction].Time);
            next = Math.Min(next, world.Patient.TransientEnds(world.Now));
            next = Math.Min(next, Math.Min(nextSample, Math.Min(nextBalance, nextHour)));
            next = Math.Max(next, world.Now + 1);
            pump.RunTo(next);
            wakeUps++;
            if (progress != null && (wakeUps & 0xFFFF) == 0) progress((double)world.Now / duration);
        }
        Log("scenario", "end", $"after {duration} ms");
        progress?.Invoke(1.0);

        double prescribed = devices.PrescribedNanoliters(duration) / 1000.0;
        return new ScenarioResult
        {
            Scenario = scenario.Name,
            DurationMilliseconds = duration,
            Events = events,
            Samples = samples,
            BalanceReadings = balance,
            PrescribedMicroliters = prescribed,
            ComputedDeliveredMicroliters = devices.ComputedDeliveredNanoliters / 1000.0,
            PumpedMicroliters = devices.PumpedNanoliters / 1000.0,
            ToCsfMicroliters = devices.ToCsfNanoliters / 1000.0,
            StepsTaken = devices.StepsTaken,
            StepsMissed = devices.StepsMissed,
            SchedulerErrorPicoliters = (long)Math.Round(devices.ComputedDeliveredNanoliters * 1000 - devices.PrescribedNanoliters(duration) * 1000),
            EndState = pump.StateName,
            WakeUps = wakeUps,
            HourlyCommanded = hourly,
            InitialRateMicrolitersPerHour = scenario.Prescription.Mode == "continuous" ? scenario.Prescription.RateUlPerH : 0,
        };
    }

    private static Sample Take(DeviceChain devices)
    {
        var pump = devices.Current;
        var world = pump.World;
        world.Board.Battery.Read(out int millivolts);
        double computedReservoir = pump.Supervisor.Reservoir.Computed.Value;
        return new Sample(
            world.Now,
            devices.PrescribedNanoliters(world.Now) / 1000.0,
            devices.ComputedDeliveredNanoliters / 1000.0,
            devices.PumpedNanoliters / 1000.0,
            devices.ToCsfNanoliters / 1000.0,
            world.Reservoir.Nanoliters / 1_000_000.0,
            computedReservoir / 1_000_000.0,
            world.Line.PressurePascals / 133.322,
            world.Patient.CsfPascals(world.Now) / 133.322,
            millivolts);
    }

    private static void Apply(ScenarioAction a, string field, DeviceChain devices, Scenario scenario, long timeOfDay, Action<string, string, string> log)
    {
        var pump = devices.Current;
        var world = pump.World;
        string F(string name) => $"{field}.{name}";
        switch (a.Do)
        {
            case "program":
                var spec = a.Prescription ?? throw new ScenarioException($"{F("prescription")}: 'program' needs a prescription");
                pump.Program(PrescriptionProfiles.ToProfile(spec, timeOfDay, F("prescription")), Describe(spec));
                break;
            case "posture":
                world.Patient.Posture = a.Posture switch
                {
                    "lying" => Posture.Lying, "sitting" => Posture.Sitting, "standing" => Posture.Standing,
                    _ => throw new ScenarioException($"{F("posture")}: '{a.Posture}' is not one of lying, sitting, standing"),
                };
                log("patient", "posture", a.Posture!);
                break;
            case "cough": world.Patient.Cough(world.Now); log("patient", "cough", ""); break;
            case "strain": world.Patient.Strain(world.Now); log("patient", "strain", ""); break;
            case "bolus-press": world.Board.Button.Pending++; log("patient", "bolus-press", ""); break;
            case "diary":
                if (a.Pain is < 0 or > 10) throw new ScenarioException($"{F("pain")}: {a.Pain} is outside 0..10");
                log("patient", "diary", string.Create(CultureInfo.InvariantCulture, $"pain {a.Pain}, {a.Activity}"));
                break;
            case "refill":
                double withdrawn = world.Reservoir.Refill((long)((a.AddedMl ?? 0) * 1_000_000), a.ConcentrationUgPerMl ?? world.Reservoir.Concentration);
                pump.Filled((long)world.Reservoir.Nanoliters);
                log("clinician", "refill", string.Create(CultureInfo.InvariantCulture, $"withdrew {withdrawn / 1_000_000.0:0.000} mL, added {a.AddedMl:0.000} mL at {world.Reservoir.Concentration} ug/mL"));
                break;
            case "occlusion":
                world.Line.OcclusionFactor = a.Factor is null or <= 0 ? double.PositiveInfinity : a.Factor.Value;
                log("fault", "occlusion", double.IsInfinity(world.Line.OcclusionFactor) ? "complete" : string.Create(CultureInfo.InvariantCulture, $"partial x{a.Factor}"));
                break;
            case "occlusion-clear": world.Line.OcclusionFactor = 1.0; log("fault", "occlusion-clear", ""); break;
            case "disconnect": world.Line.Disconnected = true; log("fault", "disconnect", "catheter disconnected: outflow to tissue"); break;
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
            case "lost-steps": world.Head.LostStepProbability = a.Probability ?? 0; log("fault", "lost-steps", string.Create(CultureInfo.InvariantCulture, $"p = {a.Probability}")); break;
            case "battery-drain": world.Battery.DrainFactor = a.Factor ?? 1; log("fault", "battery-drain", string.Create(CultureInfo.InvariantCulture, $"x{a.Factor}")); break;
            case "power-loss":
                long off = DurationText.ParseMilliseconds(a.Duration ?? "1s", F("duration"));
                log("fault", "power-loss", $"{off} ms");
                pump.PowerCycle(off);
                break;
            case "clinician-reset": pump.ClinicianReset(); break;
            case "hang":
                long hang = DurationText.ParseMilliseconds(a.Duration ?? "5m", F("duration"));
                log("fault", "hang", $"control loop stops for {hang} ms");
                pump.Hang(hang);
                break;
            case "silence":
                pump.Supervisor.Alarms.Silence(new OpenIdds.Firmware.Units.Milliseconds(world.Board.Clock.ElapsedMilliseconds));
                log("patient", "silence", "audio paused");
                break;
            case "implant":
                // The trial ends; the implanted pump takes over the therapy with its own reservoir and drug.
                var implantSpec = a.Prescription ?? throw new ScenarioException($"{F("prescription")}: 'implant' needs the implanted pump's prescription");
                long concentration = a.ConcentrationUgPerMl ?? scenario.Drug.ConcentrationUgPerMl;
                var implantPhysics = scenario.PhysicsParameters() with { ComplianceNanolitersPerPascal = 0.2 };
                log("clinician", "implant", string.Create(CultureInfo.InvariantCulture, $"trial pump removed; implanted pump filled with {a.AddedMl ?? scenario.ReservoirMilliliters} mL at {concentration} ug/mL"));
                devices.Install(new PumpWorld(implantPhysics, scenario.Seed ^ 0x1A1A, (long)((a.AddedMl ?? scenario.ReservoirMilliliters) * 1_000_000), concentration, scenario.LevelSensor, world.Now),
                    new Calibration(scenario.CalibrationPicolitersPerStep), scenario.ClockDriftPpm, implanted: true, log, world.Now);
                devices.Current.Program(PrescriptionProfiles.ToProfile(implantSpec, (timeOfDay + world.Now) % 86_400_000, F("prescription")), Describe(implantSpec));
                break;
            default:
                throw new ScenarioException($"{F("do")}: '{a.Do}' is not a known action");
        }
    }

    private static string Describe(PrescriptionSpec p) => p.Mode switch
    {
        "continuous" => string.Create(CultureInfo.InvariantCulture, $"continuous {p.RateUlPerH} uL/h"),
        "flex" => "flex " + string.Join(", ", p.Steps.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.At} {s.RateUlPerH} uL/h"))),
        _ => p.Mode,
    };
}
