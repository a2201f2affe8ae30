namespace OpenIdds.Simulator.Scenarios;

/// <summary>The scenario files shipped in simulator/scenarios (copied beside the binary).</summary>
public static class ScenarioLibrary
{
    public const string DefaultName = "default";

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "scenarios");

    public static IEnumerable<string> Paths() =>
        Directory.EnumerateFiles(Folder, "*.json")
            .Where(p => !p.EndsWith(".expected.json", StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal);

    /// <summary>A scenario by library name ("default") or by path.</summary>
    public static string Resolve(string nameOrPath)
    {
        if (File.Exists(nameOrPath)) return nameOrPath;
        string inLibrary = Path.Combine(Folder, nameOrPath + ".json");
        if (File.Exists(inLibrary)) return inLibrary;
        throw new ScenarioException($"scenario '{nameOrPath}' is neither a file nor one of: {string.Join(", ", Paths().Select(Path.GetFileNameWithoutExtension))}");
    }
}
