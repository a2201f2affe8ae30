using System.Text.Json.Serialization;

namespace OpenIdds.HostLib.Prescriptions;

/// <summary>One step of a flex prescription: from this time of day (HH:MM, required) on, this rate.</summary>
public sealed record FlexStepSpec
{
    [JsonRequired]
    public string At { get; init; } = "00:00";
    public decimal RateUlPerH { get; init; }
}
