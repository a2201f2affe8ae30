using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace OpenIdds.Guard;

/// <summary>
/// Builds device assemblies as a board build does, in memory: each project on its own, in Debug (the
/// configuration whose byte code is largest), with NANOFRAMEWORK_1_0 and the build switches given,
/// against the real nanoFramework mscorlib, the stand-ins of the packages the project and its
/// references name, and the assemblies its ProjectReferences build. An internal member used across
/// assemblies, a member mscorlib 1.17 lacks, or a type from a package the project does not reference
/// is a compile error here, as it is on the device build.
/// </summary>
public sealed class DeviceCompiler
{
    public const string CoreLibraryPackage = "nanoFramework.CoreLibrary";

    public string RepositoryRoot { get; }
    public MetadataReference CoreLibrary { get; }
    private readonly IReadOnlyDictionary<string, StandIn> _standIns;
    private readonly ConcurrentDictionary<string, Lazy<MetadataReference>> _standInReferences = new();
    private readonly ConcurrentDictionary<string, Lazy<DeviceAssembly>> _assemblies = new();
    private readonly ConcurrentDictionary<string, Lazy<SyntaxTree>> _trees = new();

    public DeviceCompiler(string repositoryRoot)
    {
        RepositoryRoot = Path.GetFullPath(repositoryRoot);
        CoreLibrary = MetadataReference.CreateFromFile(CoreLibraryPath);
        _standIns = StandIn.All(RepositoryRoot);
        _libraries = new Lazy<IReadOnlyList<DeviceProject>>(() => Find("nf.proj").Where(p => !p.IsApplication).ToList());
        _testProjects = new Lazy<IReadOnlyList<DeviceProject>>(() => Find("NFUnitTest.proj"));
    }

    // The repository is walked once per compiler for each kind of project file.
    private readonly Lazy<IReadOnlyList<DeviceProject>> _libraries;
    private readonly Lazy<IReadOnlyList<DeviceProject>> _testProjects;

    /// <summary>The repository holding <paramref name="start"/>: the nearest folder above it with nf.proj.</summary>
    public static string FindRepositoryRoot(string start)
    {
        var dir = new DirectoryInfo(start);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "nf.proj"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("nf.proj not found above " + start);
    }

    /// <summary>mscorlib.dll of the nanoFramework.CoreLibrary package the guard restored (Directory.Packages.props pins its version).</summary>
    public static string CoreLibraryPath =>
        typeof(DeviceCompiler).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NanoFrameworkCoreLibrary").Value!;

    public IReadOnlyDictionary<string, StandIn> StandIns => _standIns;

    /// <summary>The symbols of a production device build: the SDK's own, no build switch.</summary>
    public static readonly string[] Production = { "NANOFRAMEWORK_1_0" };

    /// <summary>Every symbol set a board application is built with: production, BENCH, SELFTEST (nf.proj's build switches).</summary>
    public static readonly string[][] ApplicationVariants = { Production, new[] { "NANOFRAMEWORK_1_0", "BENCH" }, new[] { "NANOFRAMEWORK_1_0", "SELFTEST" } };

    /// <summary>The boards a device build is made for: the folders under boards/ with a device/ folder.</summary>
    public IReadOnlyList<string> Boards =>
        Directory.EnumerateDirectories(Path.Combine(RepositoryRoot, "boards"))
            .Where(d => Directory.Exists(Path.Combine(d, "device")) && Path.GetFileName(d) != "shared")
            .Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()!;

    /// <summary>The board application, nf.proj at the repository's root.</summary>
    public DeviceProject Application => DeviceProject.Load(Path.Combine(RepositoryRoot, "nf.proj"));

    /// <summary>Every device library and application project: each nf.proj in the repository.</summary>
    public IReadOnlyList<DeviceProject> Libraries => _libraries.Value;

    /// <summary>Every on-device unit test project: each NFUnitTest.proj.</summary>
    public IReadOnlyList<DeviceProject> TestProjects => _testProjects.Value;

    private List<DeviceProject> Find(string fileName) =>
        Directory.EnumerateFiles(RepositoryRoot, fileName, SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/.git/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).Select(DeviceProject.Load).ToList();

    /// <summary>Builds <paramref name="project"/> (and, first, what it references) for one board and symbol set.</summary>
    public DeviceAssembly Build(DeviceProject project, string board, string[]? symbols = null)
    {
        symbols ??= Production;
        // Only the application reads $(Board); a library is the same assembly for every board.
        string boardKey = project.IsApplication ? board : "";
        string key = project.Path + "|" + boardKey + "|" + string.Join(";", symbols);
        return _assemblies.GetOrAdd(key, _ => new Lazy<DeviceAssembly>(() => Compile(project, board, symbols))).Value;
    }

    /// <summary>
    /// The board application and every library it references compiled as ONE assembly: the file set the
    /// metadata processor was measured on, for <see cref="SizeBudget"/>'s calibration.
    /// </summary>
    public DeviceAssembly BuildAsOneAssembly(string board, string[] symbols)
    {
        var app = Application;
        var options = new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: symbols);
        var trees = app.Closure().SelectMany(p => p.Sources(board)).Distinct().Select(f => Tree(f, options)).ToList();
        var references = new List<MetadataReference> { CoreLibrary };
        references.AddRange(Packages(app, board).Select(StandInReference));
        var compilation = CSharpCompilation.Create(app.AssemblyName, trees, references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, optimizationLevel: OptimizationLevel.Debug, nullableContextOptions: NullableContextOptions.Enable, deterministic: true));
        using var pe = new MemoryStream();
        var result = compilation.Emit(pe);
        return new DeviceAssembly(app, board, symbols, pe.ToArray(), result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList());
    }

    /// <summary>Builds <paramref name="project"/> from its own sources plus <paramref name="extra"/> files given as text (a probe of what the guard denies).</summary>
    public DeviceAssembly BuildWith(DeviceProject project, string board, string[] symbols, params (string Path, string Text)[] extra) =>
        Compile(project, board, symbols, extra);

    private DeviceAssembly Compile(DeviceProject project, string board, string[] symbols, (string Path, string Text)[]? extra = null)
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: symbols);
        var trees = project.Sources(board).Select(f => Tree(f, options)).ToList();
        foreach (var (path, text) in extra ?? Array.Empty<(string, string)>())
            trees.Add(CSharpSyntaxTree.ParseText(text, options, path));

        var references = new List<MetadataReference> { CoreLibrary };
        var failed = new List<Diagnostic>();
        foreach (var dependency in project.ProjectReferences.SelectMany(p => p.Closure()).Distinct())
        {
            var built = Build(dependency, board, dependency.IsTest ? symbols : Production);
            if (built.Errors.Count > 0)
                failed.Add(Diagnostic.Create(new DiagnosticDescriptor("GUARD001", "Reference failed", "{0} does not build, so {1} cannot", "Guard", DiagnosticSeverity.Error, true),
                    Location.None, built.Name, project.AssemblyName));
            else references.Add(MetadataReference.CreateFromImage(built.Image));
        }
        if (failed.Count > 0) return new DeviceAssembly(project, board, symbols, Array.Empty<byte>(), failed);
        foreach (string package in Packages(project, board))
            references.Add(StandInReference(package));

        var compilation = CSharpCompilation.Create(project.AssemblyName, trees, references,
            new CSharpCompilationOptions(project.IsApplication ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                optimizationLevel: OptimizationLevel.Debug, nullableContextOptions: NullableContextOptions.Enable, deterministic: true));
        using var pe = new MemoryStream();
        var result = compilation.Emit(pe);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Concat(DeniedApis.Find(compilation)).ToList();
        return new DeviceAssembly(project, board, symbols, pe.ToArray(), errors);
    }

    /// <summary>The non-core packages a project can see: its own and those of everything it references, with their stand-ins' dependencies.</summary>
    private IReadOnlyList<string> Packages(DeviceProject project, string board)
    {
        var packages = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var p in project.Closure())
            foreach (string id in p.PackageReferences(board)) AddWithDependencies(id, packages);
        packages.Remove(CoreLibraryPackage);
        return packages.ToList();
    }

    private void AddWithDependencies(string id, SortedSet<string> packages)
    {
        if (!packages.Add(id) || id == CoreLibraryPackage) return;
        if (!_standIns.TryGetValue(id, out var standIn))
            throw new InvalidOperationException($"package {id} has no stand-in in guard/standins: add one checked against its published source");
        foreach (string dependency in standIn.Depends) AddWithDependencies(dependency, packages);
    }

    private MetadataReference StandInReference(string packageId) =>
        _standInReferences.GetOrAdd(packageId, id => new Lazy<MetadataReference>(() => CompileStandIn(_standIns[id]))).Value;

    private MetadataReference CompileStandIn(StandIn standIn)
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = standIn.Sources.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), options, f));
        var references = new List<MetadataReference> { CoreLibrary };
        references.AddRange(standIn.Depends.Select(StandInReference));
        var compilation = CSharpCompilation.Create(standIn.AssemblyName, trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        using var pe = new MemoryStream();
        var result = compilation.Emit(pe);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
            throw new InvalidOperationException($"stand-in {standIn.PackageId} does not compile: " + string.Join(Environment.NewLine, errors));
        return MetadataReference.CreateFromImage(pe.ToArray());
    }

    private SyntaxTree Tree(string file, CSharpParseOptions options)
    {
        string key = file + "|" + string.Join(";", options.PreprocessorSymbolNames);
        return _trees.GetOrAdd(key, _ => new Lazy<SyntaxTree>(() => CSharpSyntaxTree.ParseText(File.ReadAllText(file), options, Relative(file)))).Value;
    }

    /// <summary>A path as errors print it: relative to the repository, with forward slashes.</summary>
    public string Relative(string file) => Path.GetRelativePath(RepositoryRoot, file).Replace('\\', '/');
}
