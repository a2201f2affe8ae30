using System.Text.Json;
using System.Text.Json.Serialization;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;
using OpenIdds.Programmer.Link;

namespace OpenIdds.Programmer.Cli;

/// <summary>
/// A prescription file for `iddsctl program` (docs/protocol.md has the schema; simulator scenarios use
/// the same shape): drug and concentration, the mode with its rates or flex steps or single bolus,
/// and the patient bolus. Only the shape is checked here - unknown fields, a mode that does not exist,
/// a number that does not parse - naming the field; the pump's own checks judge the values.
/// </summary>
public sealed record PrescriptionFile
{
    public string Drug { get; init; } = "";
    public long ConcentrationUgPerMl { get; init; }
    public string Mode { get; init; } = "";
    public decimal RateUlPerH { get; init; }
    public List<FlexStep> Steps { get; init; } = new();
    public long? DoseUg { get; init; }
    public string? Duration { get; init; }
    public PatientBolus? PatientBolus { get; init; }

    public sealed record FlexStep
    {
        public string At { get; init; } = "";
        public decimal RateUlPerH { get; init; }
    }

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
    };

    public static Prescription Load(string path)
    {
        if (!File.Exists(path)) throw new LinkException($"prescription file {path} does not exist");
        PrescriptionFile file;
        string text = File.ReadAllText(path);
        JsonFieldCheck.Check<PrescriptionFile>(text, Json, $"prescription file {path}");
        try
        {
            file = JsonSerializer.Deserialize<PrescriptionFile>(text, Json) ?? throw new JsonException("the file is empty");
        }
        catch (JsonException e)
        {
            throw new LinkException($"prescription file {path}: {e.Message}");
        }
        return file.ToPrescription(Path.GetFileName(path));
    }

    public Prescription ToPrescription(string source)
    {
        if (Steps.Count > Prescription.MaxFlexSteps) throw new LinkException($"{source}: steps: {Steps.Count} flex steps is above the limit {Prescription.MaxFlexSteps}");
        var drug = new Drug(Drug, new MicrogramsPerMilliliter(ConcentrationUgPerMl));
        PatientBolusSettings? pb = PatientBolus is { } b
            ? new PatientBolusSettings(new Micrograms(b.DoseUg), Ms(b.Duration, $"{source}: patient_bolus.duration"), Ms(b.Lockout, $"{source}: patient_bolus.lockout"), b.MaxPer24H)
            : null;
        return Mode switch
        {
            "stopped" => Prescription.Stopped(drug),
            "continuous" => Prescription.Continuous(drug, Rate(RateUlPerH, $"{source}: rate_ul_per_h"), pb),
            "flex" => Steps.Count == 0
                ? throw new LinkException($"{source}: steps: a flex prescription needs at least one step")
                : Prescription.Flex(drug,
                    Steps.Select((s, i) => new Milliseconds(Units.DurationMilliseconds(s.At, $"{source}: steps[{i}].at"))).ToArray(),
                    Steps.Select((s, i) => Rate(s.RateUlPerH, $"{source}: steps[{i}].rate_ul_per_h")).ToArray(), pb),
            "single-bolus" => Prescription.SingleBolus(drug, new Micrograms(DoseUg ?? throw new LinkException($"{source}: dose_ug: a single bolus needs its dose")), Ms(Duration ?? "1h", $"{source}: duration")),
            _ => throw new LinkException($"{source}: mode '{Mode}' is not one of stopped, continuous, flex, single-bolus"),
        };
    }

    private static Milliseconds Ms(string text, string field) => new(Units.DurationMilliseconds(text, field));

    private static NanolitersPerHour Rate(decimal microlitersPerHour, string field)
    {
        if (microlitersPerHour < 0 || microlitersPerHour > int.MaxValue / 1000) throw new LinkException($"{field} {microlitersPerHour} uL/h is outside 0..{int.MaxValue / 1000} uL/h");
        decimal nl = microlitersPerHour * 1000m;
        if (nl != decimal.Truncate(nl)) throw new LinkException($"{field} {microlitersPerHour} uL/h has more than three decimals");
        if (nl < 0 || nl > int.MaxValue) throw new LinkException($"{field} {microlitersPerHour} uL/h is outside 0..{int.MaxValue / 1000} uL/h");
        return new NanolitersPerHour((long)nl);
    }
}

public sealed record PatientBolus
{
    public long DoseUg { get; init; }
    public string Duration { get; init; } = "10m";
    public string Lockout { get; init; } = "2h";

    [JsonPropertyName("max_per_24h")]
    public int MaxPer24H { get; init; }
}
