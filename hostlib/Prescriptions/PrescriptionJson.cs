using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenIdds.HostLib.Prescriptions;

/// <summary>How prescription JSON is read, in a prescription file and in a scenario: snake_case names, comments and trailing commas allowed; an unknown field or a key given twice is refused by name.</summary>
public static class PrescriptionJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
    };
}
