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

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        WriteIndented = true,
    };

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

/// <summary>A prescription as a scenario states it: stopped, continuous, flex steps by time of day, or a single bolus; with an optional patient bolus.</summary>
public sealed record PrescriptionSpec
{
    public string Mode { get; init; } = "continuous";
    public double RateUlPerH { get; init; }
    public List<FlexStepSpec> Steps { get; init; } = new();

    /// <summary>single-bolus: the dose and how long it takes.</summary>
    public long? DoseUg { get; init; }
    public string? Duration { get; init; }

    public PatientBolusSpec? PatientBolus { get; init; }
}

/// <summary>What the patient's handheld may ask for: dose, duration, lockout, maximum per rolling 24 h.</summary>
public sealed record PatientBolusSpec
{
    public long DoseUg { get; init; }
    public string Duration { get; init; } = "10m";
    public string Lockout { get; init; } = "2h";
    [JsonPropertyName("max_per_24h")]
    public int MaxPer24H { get; init; } = 4;
}

public sealed record FlexStepSpec
{
    public string At { get; init; } = "00:00";
    public double RateUlPerH { get; init; }
}

/// <summary>
/// One thing that happens at a time (docs/simulator.md lists each with its fields): a patient action
/// (bolus-press, posture, cough, strain, diary, silence), a clinician action (program, refill,
/// clinician-bolus, clinician-reset, clock-sync, implant), or a fault (occlusion, occlusion-clear,
/// disconnect, pressure-sensor, pressure-drift, motor-stall, lost-steps, battery-drain, power-loss, hang).
/// </summary>
public sealed record ScenarioAction
{
    public string At { get; init; } = "0s";
    public string Do { get; init; } = "";
    public string? Posture { get; init; }
    public int? Pain { get; init; }
    public string? Activity { get; init; }
    public PrescriptionSpec? Prescription { get; init; }
    public double? AddedMl { get; init; }

    /// <summary>refill: the residual the clinician withdraws, if not the true one (a pocket fill, a misread syringe).</summary>
    public double? WithdrawnMl { get; init; }

    /// <summary>refill: the clinician-set low-reservoir threshold (default 2 mL).</summary>
    public double? LowMl { get; init; }

    /// <summary>diary: rest, walking, physical-therapy, daily-living, work or other, with its minutes.</summary>
    public string? ActivityKind { get; init; }
    public int? Minutes { get; init; }

    /// <summary>clinician-bolus: the dose.</summary>
    public long? DoseUg { get; init; }

    /// <summary>implant: the clinician implants only if the trial report shows at least this relief (percent).</summary>
    public int? RequiresReliefPercent { get; init; }

    /// <summary>clock-sync: the time of day the clinician's programmer sends.</summary>
    public string? TimeOfDay { get; init; }
    public long? ConcentrationUgPerMl { get; init; }
    public double? Factor { get; init; }
    public string? Kind { get; init; }
    public double? Probability { get; init; }
    public double? PascalsPerDay { get; init; }
    public string? Duration { get; init; }

    /// <summary>flash-bit-flip: the byte (address in the board's flash, page x 4096 + offset; default 8, the first journal record's payload) and its bit (0-7, default 0).</summary>
    public int? Offset { get; init; }
    public int? Bit { get; init; }
}
