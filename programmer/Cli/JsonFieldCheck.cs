using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;


namespace OpenIdds.Programmer.Cli;

/// <summary>
/// An unknown or misspelt field in a JSON input file is an error naming the field, where it is, the
/// nearest field the file may have meant, and the fields there are - never a .NET mapping message.
/// The known names come from the record the file maps onto, so the two cannot drift apart.
/// </summary>
public static class JsonFieldCheck
{
    /// <summary>Throws an <see cref="InputException"/> for the first property of <paramref name="json"/> that <typeparamref name="T"/> does not have.</summary>
    public static void Check<T>(string json, JsonSerializerOptions options, string source)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }); }
        catch (JsonException) { return; } // the deserializer reports syntax with its line and position
        using (doc) Walk(doc.RootElement, typeof(T), options, source, "");
    }

    private static void Walk(JsonElement element, Type type, JsonSerializerOptions options, string source, string path)
    {
        if (element.ValueKind == JsonValueKind.Array && ItemType(type) is Type item)
        {
            int i = 0;
            foreach (var e in element.EnumerateArray()) Walk(e, item, options, source, $"{path}[{i++}]");
            return;
        }
        if (element.ValueKind != JsonValueKind.Object || type.IsPrimitive || type == typeof(string) || type == typeof(decimal)) return;
        var known = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .ToDictionary(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? options.PropertyNamingPolicy?.ConvertName(p.Name) ?? p.Name, p => p.PropertyType);
        foreach (var property in element.EnumerateObject())
        {
            string at = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
            if (known.TryGetValue(property.Name, out var propertyType))
            {
                Walk(property.Value, Nullable.GetUnderlyingType(propertyType) ?? propertyType, options, source, at);
                continue;
            }
            string? nearest = known.Keys.OrderBy(k => Distance(k, property.Name)).FirstOrDefault(k => Distance(k, property.Name) <= Math.Max(2, k.Length / 3));
            throw new InputException($"{source}: {at}: '{property.Name}' is not a field here" + (nearest == null ? "" : $"; did you mean '{nearest}'?") +
                $" The fields{(path.Length == 0 ? "" : $" of {path}")} are: {string.Join(", ", known.Keys)}");
        }
    }

    private static Type? ItemType(Type type) =>
        type.IsArray ? type.GetElementType() : type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? type.GetGenericArguments()[0] : null;

    /// <summary>Edit distance, ignoring case (a capital letter is the commonest slip).</summary>
    private static int Distance(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var d = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) d[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            int previous = d[0];
            d[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int keep = d[j];
                d[j] = Math.Min(Math.Min(d[j] + 1, d[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = keep;
            }
        }
        return d[b.Length];
    }
}
