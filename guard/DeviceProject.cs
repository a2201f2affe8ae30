using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace OpenIdds.Guard;

/// <summary>
/// One nanoFramework project file (an nf.proj or an NFUnitTest.proj) read as data: the assembly it
/// builds, its Compile items, its project and package references. The guard builds exactly this, so
/// the project files are the one list of what each device assembly holds.
/// </summary>
public sealed partial class DeviceProject
{
    public string Path { get; }
    public string Directory => System.IO.Path.GetDirectoryName(Path)!;
    public string AssemblyName { get; }
    public bool IsApplication { get; }
    public bool IsTest { get; }
    private readonly XDocument _xml;

    private DeviceProject(string path)
    {
        Path = System.IO.Path.GetFullPath(path).Replace('\\', '/');
        _xml = XDocument.Load(Path);
        AssemblyName = Property("AssemblyName") ?? throw new InvalidOperationException($"{Path}: no AssemblyName");
        IsApplication = Property("OutputType") == "Exe";
        IsTest = Property("IsTestProject") == "true";
    }

    private static readonly Dictionary<string, DeviceProject> Loaded = new();

    public static DeviceProject Load(string path)
    {
        string full = System.IO.Path.GetFullPath(path).Replace('\\', '/');
        lock (Loaded)
        {
            if (!Loaded.TryGetValue(full, out var project)) Loaded[full] = project = new DeviceProject(full);
            return project;
        }
    }

    public string? Property(string name) => _xml.Descendants(name).Select(e => e.Value.Trim()).FirstOrDefault();

    /// <summary>The sdk attribute: every device project is an SDK-style nanoFramework project.</summary>
    public string? Sdk => _xml.Root?.Attribute("Sdk")?.Value;

    /// <summary>The source files for <paramref name="board"/> (the value of $(Board); only the application uses it), sorted.</summary>
    public IReadOnlyList<string> Sources(string board)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var item in _xml.Descendants("Compile"))
        {
            string include = Expand(item.Attribute("Include")?.Value ?? "", board);
            string exclude = Expand(item.Attribute("Exclude")?.Value ?? "", board);
            foreach (string file in Glob.Files(Directory, include, exclude)) files.Add(file);
        }
        return files.ToList();
    }

    /// <summary>The projects this one references, loaded.</summary>
    public IReadOnlyList<DeviceProject> ProjectReferences =>
        _xml.Descendants("ProjectReference").Select(r => Load(System.IO.Path.Combine(Directory, r.Attribute("Include")!.Value))).ToList();

    /// <summary>The package ids referenced for <paramref name="board"/> (a Condition on $(Board) is evaluated).</summary>
    public IReadOnlyList<string> PackageReferences(string board) =>
        _xml.Descendants("PackageReference")
            .Where(r => Applies(r.Attribute("Condition")?.Value ?? r.Parent?.Attribute("Condition")?.Value, board))
            .Select(r => r.Attribute("Include")!.Value).ToList();

    /// <summary>This project and everything it references, each once, dependencies first.</summary>
    public IReadOnlyList<DeviceProject> Closure()
    {
        var order = new List<DeviceProject>();
        Visit(this, order, new HashSet<DeviceProject>());
        return order;
    }

    private static void Visit(DeviceProject project, List<DeviceProject> order, HashSet<DeviceProject> seen)
    {
        if (!seen.Add(project)) return;
        foreach (var reference in project.ProjectReferences) Visit(reference, order, seen);
        order.Add(project);
    }

    private static string Expand(string value, string board) => value.Replace("$(Board)", board, StringComparison.Ordinal);

    [GeneratedRegex(@"^\$\(Board\.StartsWith\('([^']*)'\)\)$")]
    private static partial Regex BoardPrefix();

    /// <summary>The one kind of condition the device projects use: none, or the board's name prefix.</summary>
    private static bool Applies(string? condition, string board)
    {
        if (string.IsNullOrWhiteSpace(condition)) return true;
        var match = BoardPrefix().Match(condition.Trim());
        if (!match.Success) throw new NotSupportedException($"the guard reads only $(Board.StartsWith('...')) conditions, not {condition}");
        return board.StartsWith(match.Groups[1].Value, StringComparison.Ordinal);
    }

    public override string ToString() => AssemblyName + " (" + Path + ")";
}
