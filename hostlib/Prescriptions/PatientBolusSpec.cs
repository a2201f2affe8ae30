using System.Text.Json.Serialization;

namespace OpenIdds.HostLib.Prescriptions;

/// <summary>What the patient's handheld may ask for: dose, duration, lockout, and the maximum per rolling 24 h (required: no default count).</summary>
public sealed record PatientBolusSpec
{
    public long DoseUg { get; init; }
    public string Duration { get; init; } = "10m";
    public string Lockout { get; init; } = "2h";

    [JsonPropertyName("max_per_24h")]
    [JsonRequired]
    public int MaxPer24H { get; init; }
}
