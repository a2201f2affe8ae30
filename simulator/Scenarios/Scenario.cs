using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenIdds.Simulator.Scenarios;

/// <summary>
/// A scenario file (JSON; schema in docs/simulator.md): the pump, the patient, what happens and when,
/// and the seed. Its expected outcomes sit beside it in NAME.expected.json, so a scenario is a test.
/// </summary>
public sealed record Scenario
{
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";

    /// <summary>"trial" (external pump with a downstream pressure sensor) or "implanted".</summary>
    public string Mode { get; init; } = "trial";

    /// <summary>The board whose pin numbering the virtual hardware uses: esp32-devkitc (default), stm32-nucleo-f746zg or linux-sbc. Pins only: the sensors fitted are this file's pressure_sensor and level_sensor.</summary>
    public string Board { get; init; } = "esp32-devkitc";

    /// <summary>The device id the firmware reports (its development keys derive from it); default SIM-&lt;seed&gt;.</summary>
    public string? DeviceId { get; init; }

    /// <summary>A downstream pressure sensor is fitted (the OpenIDDS boards have one on both stages; false = motor feedback only).</summary>
    public bool PressureSensor { get; init; } = true;

    /// <summary>
    /// An encoder on the rotor feeds the driver's completed-step count (the implanted pump's motor
    /// feedback), so the firmware sees steps the rotor did not follow (LOST-STEPS-ARE-A-STALL). False: a
    /// plain step/dir driver, which counts its own pulses and cannot see a lost step.
    /// </summary>
    public bool RotorEncoder { get; init; }

    public ulong Seed { get; init; } = 1;
    public string Duration { get; init; } = "1d";
    public long CalibrationPicolitersPerStep { get; init; } = 250_000;
    public DrugSpec Drug { get; init; } = new();
    public double ReservoirMilliliters { get; init; } = 20;
    public bool LevelSensor { get; init; }

    /// <summary>Deliver into a simulated lab balance read every 30 s (a bench run), for the accuracy analysis.</summary>
    public bool Balance { get; init; }
    public string TimeOfDayAtStart { get; init; } = "08:00";
    public long ClockDriftPpm { get; init; }
    public PrescriptionSpec Prescription { get; init; } = new();
    public Dictionary<string, JsonElement> Physics { get; init; } = new();
    public List<ScenarioAction> Actions { get; init; } = new();

    /// <summary>Adds a patient's ordinary days to the actions, drawn from the seed: getting up, sitting, lying down, coughs and strains (<see cref="Scenarios.DailyLife"/>).</summary>
    public bool DailyLife { get; init; }

    /// <summary>
    /// The action (its `do`, e.g. "occlusion") whose first occurrence a campaign counts the time to the
    /// first alarm from; alarms before it are false ones and count only in the raises. Empty: from the start.
    /// </summary>
    public string? AlarmTimedFrom { get; init; }

    /// <summary>The prescription JSON's rules (<see cref="PrescriptionJson"/>) for the whole file, written indented.</summary>
    public static readonly JsonSerializerOptions Json = new(PrescriptionJson.Options) { WriteIndented = true };

    public static Scenario Load(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<Scenario>(File.ReadAllText(path), Json)
                   ?? throw new ScenarioException($"{path}: empty scenario");
        }
        catch (JsonException e)
        {
            throw new ScenarioException($"{Path.GetFileName(path)}: {e.Message}");
        }
    }

    /// <summary>Applies the "physics" overrides to the documented defaults; an unknown name is an error naming it.</summary>
    public Physics.PhysicsParameters PhysicsParameters()
    {
        var defaults = JsonSerializer.SerializeToNode(new Physics.PhysicsParameters(), Json)!.AsObject();
        foreach (var (name, value) in Physics)
        {
            if (!defaults.ContainsKey(name))
                throw new ScenarioException($"physics.{name}: no such parameter (known: {string.Join(", ", defaults.Select(d => d.Key))})");
            defaults[name] = System.Text.Json.Nodes.JsonNode.Parse(value.GetRawText());
        }
        return defaults.Deserialize<Physics.PhysicsParameters>(Json)!;
    }
}

public sealed record DrugSpec
{
    public string Name { get; init; } = "morphine";
    public long ConcentrationUgPerMl { get; init; } = 1000;
}

/// <summary>
/// One thing that happens at a time (docs/simulator.md has the table). One flat record for every kind,
/// so a field names what it means wherever it appears; each action reads only its own:
/// - patient: bolus-press; posture (posture); cough; strain; diary (pain, activity; activity_kind,
///   minutes; side_effect, severity); silence.
/// - clinician: program (prescription); refill (added_ml, concentration_ug_per_ml, withdrawn_ml,
///   low_ml); clinician-bolus (dose_ug, duration); clinician-reset; hold-stopped (duration); clock-sync (time_of_day); implant
///   (prescription, added_ml, concentration_ug_per_ml, requires_relief_percent).
/// - fault: occlusion (factor); occlusion-clear; disconnect; leak (factor); catheter (kind, factor,
///   over); pressure-sensor (kind);
///   pressure-drift (pascals_per_day); motor-stall; motor-stall-clear; motor-supply-loss;
///   motor-supply-restore; motor-cut; lost-steps (probability);
///   battery-drain (factor); power-loss (duration); hang (duration); flash-bit-flip (offset, bit).
/// - protocol (through the pump's endpoint): program-review (prescription); program-commit
///   (power_cut_after_bytes, duration); protocol (kind: replay, wrong-role, bad-mac; prescription).
/// </summary>
public sealed record ScenarioAction
{
    /// <summary>When, from the scenario's start: "1d2h30m", "90s", "1500ms".</summary>
    public string At { get; init; } = "0s";

    /// <summary>The action's name (the list above).</summary>
    public string Do { get; init; } = "";

    /// <summary>posture: lying, sitting or standing.</summary>
    public string? Posture { get; init; }

    /// <summary>diary: a pain score 0-10, and free text about the day; activity: rest, walking or asleep.</summary>
    public int? Pain { get; init; }
    public string? Activity { get; init; }

    /// <summary>program, implant: the new prescription.</summary>
    public PrescriptionSpec? Prescription { get; init; }

    /// <summary>refill, implant: the volume put in, mL (implant: default the scenario's reservoir_milliliters).</summary>
    public double? AddedMl { get; init; }

    /// <summary>refill: the residual the clinician withdraws, if not the true one (a pocket fill, a misread syringe).</summary>
    public double? WithdrawnMl { get; init; }

    /// <summary>refill: the clinician-set low-reservoir threshold (default 2 mL).</summary>
    public double? LowMl { get; init; }

    /// <summary>diary: rest, walking, physical-therapy, daily-living, work or other, with its minutes (default 30).</summary>
    public string? ActivityKind { get; init; }
    public int? Minutes { get; init; }

    /// <summary>diary: nausea-vomiting, pruritus, urinary-retention, sedation or respiratory-depression, with its severity (mild, moderate, severe).</summary>
    public string? SideEffect { get; init; }
    public string? Severity { get; init; }

    /// <summary>clinician-bolus: the dose.</summary>
    public long? DoseUg { get; init; }

    /// <summary>implant: the clinician implants only if the trial report shows at least this relief (percent).</summary>
    public int? RequiresReliefPercent { get; init; }

    /// <summary>clock-sync: the time of day the clinician's programmer sends, HH:MM.</summary>
    public string? TimeOfDay { get; init; }

    /// <summary>refill, implant: the new drug's concentration (refill: default unchanged; implant: the scenario drug's).</summary>
    public long? ConcentrationUgPerMl { get; init; }

    /// <summary>occlusion, catheter kink: the resistance multiplier (omitted or &lt;= 0 = complete); leak, catheter leak: the fraction of the flow lost, 0..1; battery-drain: the drain multiplier.</summary>
    public double? Factor { get; init; }

    /// <summary>pressure-sensor: stuck, disconnected, out-of-range, noisy or none (repaired); catheter: intact, epidural, subcutaneous, leak, disconnected, kink or occluded; protocol: replay, wrong-role or bad-mac.</summary>
    public string? Kind { get; init; }

    /// <summary>lost-steps: the chance that the rotor does not follow a step.</summary>
    public double? Probability { get; init; }

    /// <summary>pressure-drift: how fast the gauge's zero creeps, from now on.</summary>
    public double? PascalsPerDay { get; init; }

    /// <summary>catheter (kink, leak, epidural, subcutaneous): reach the state gradually over this long, from the line's present value (docs/catheter.md).</summary>
    public string? Over { get; init; }

    /// <summary>power-loss: how long the power is off (default 1s); hang: how long the loop stops (default 5m); clinician-bolus: over how long (default 30m).</summary>
    public string? Duration { get; init; }

    /// <summary>program-commit: the power fails once the commit has written this many bytes to flash (0: before its first), for `duration` (default 10s).</summary>
    public int? PowerCutAfterBytes { get; init; }

    /// <summary>flash-bit-flip: the byte (address in the board's flash, page x 4096 + offset; default 8, the first journal record's payload) and its bit (0-7, default 0).</summary>
    public int? Offset { get; init; }
    public int? Bit { get; init; }
}
