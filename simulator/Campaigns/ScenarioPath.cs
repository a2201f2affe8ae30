using System.Text.Json.Nodes;
using OpenIdds.Simulator.Scenarios;

namespace OpenIdds.Simulator.Campaigns;

/// <summary>
/// A scenario field by its path in the scenario file, dot-separated, with array indices:
/// "prescription.rate_ul_per_h", "physics.sensor_noise_pa", "actions.2.at", "drug.name". A campaign
/// varies any field this way; a path that names nothing is an error naming it.
/// </summary>
public static class ScenarioPath
{
    public static void Set(JsonObject scenario, string path, JsonNode value)
    {
        string[] parts = path.Split('.');
        JsonNode node = scenario;
        for (int i = 0; i < parts.Length - 1; i++)
            node = Child(node, parts[i], path) ?? throw new ScenarioException($"{path}: '{parts[i]}' is not in the scenario");
        string last = parts[^1];
        switch (node)
        {
            case JsonObject o: o[last] = value; break;
            case JsonArray a when int.TryParse(last, out int index) && index >= 0 && index < a.Count: a[index] = value; break;
            default: throw new ScenarioException($"{path}: '{last}' cannot be set here");
        }
    }

    private static JsonNode? Child(JsonNode node, string part, string path) => node switch
    {
        JsonObject o => o[part] ?? (o[part] = new JsonObject()),
        JsonArray a when int.TryParse(part, out int i) && i >= 0 && i < a.Count => a[i],
        JsonArray => throw new ScenarioException($"{path}: '{part}' is not an index of the list"),
        _ => null,
    };

    /// <summary>A value as written on the command line: a number or true/false stays one, anything else is a string.</summary>
    public static JsonNode Value(string text) =>
        double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double number)
            ? (number == Math.Floor(number) && Math.Abs(number) < 1e15 ? JsonValue.Create((long)number) : JsonValue.Create(number))
            : text is "true" or "false" ? JsonValue.Create(text == "true") : JsonValue.Create(text);
}
