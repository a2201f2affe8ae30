namespace OpenIdds.Guard;

/// <summary>
/// A stand-in for a nanoFramework package that does not restore here: declarations matching the
/// package's published source at the pinned version, compiled against the real mscorlib under the
/// real assembly name. guard/standins/&lt;package id&gt;/standin.txt says which assembly, which version,
/// which other stand-ins it depends on, and what upstream source it was checked against.
/// </summary>
public sealed class StandIn
{
    public string PackageId { get; }
    public string AssemblyName { get; }
    public string Version { get; }
    public IReadOnlyList<string> Depends { get; }
    public string Source { get; }
    public string Directory { get; }

    private StandIn(string directory)
    {
        Directory = directory;
        PackageId = Path.GetFileName(directory);
        var fields = File.ReadAllLines(Path.Combine(directory, "standin.txt"))
            .Where(l => l.Contains(':'))
            .ToDictionary(l => l[..l.IndexOf(':')].Trim(), l => l[(l.IndexOf(':') + 1)..].Trim());
        AssemblyName = fields["assembly"];
        Version = fields["version"];
        Depends = fields.TryGetValue("depends", out var d) ? d.Split(' ', StringSplitOptions.RemoveEmptyEntries) : Array.Empty<string>();
        Source = fields.TryGetValue("source", out var s) ? s : "";
    }

    public IReadOnlyList<string> Sources =>
        System.IO.Directory.EnumerateFiles(Directory, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

    /// <summary>Every stand-in in guard/standins, by package id.</summary>
    public static IReadOnlyDictionary<string, StandIn> All(string repositoryRoot)
    {
        string root = Path.Combine(repositoryRoot, "guard", "standins");
        return System.IO.Directory.EnumerateDirectories(root)
            .Where(d => File.Exists(Path.Combine(d, "standin.txt")))
            .Select(d => new StandIn(d))
            .ToDictionary(s => s.PackageId, StringComparer.Ordinal);
    }
}
