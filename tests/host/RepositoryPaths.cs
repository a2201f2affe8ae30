namespace OpenIdds.Tests.Host;

/// <summary>Finds the repository from the test binary, so tests can read sources and built references.</summary>
public static class RepositoryPaths
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "nf.proj"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("nf.proj not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Debug or Release, whichever this test binary was built as.</summary>
    public static string Configuration =>
        AppContext.BaseDirectory.Split(Path.DirectorySeparatorChar).Contains("Release") ? "Release" : "Debug";

    /// <summary>The portable sources the guard compiles: firmware/, hal/, device board code and the shared unit tests.</summary>
    public static IEnumerable<string> PortableSources()
    {
        string root = Root;
        var folders = new[] { "firmware", "hal", Path.Combine("tests", "unit") };
        var files = folders.SelectMany(f => Directory.EnumerateFiles(Path.Combine(root, f), "*.cs", SearchOption.AllDirectories));
        string boards = Path.Combine(root, "boards");
        if (Directory.Exists(boards))
        {
            files = files.Concat(Directory.EnumerateDirectories(boards)
                .Select(b => Path.Combine(b, "device"))
                .Where(Directory.Exists)
                .SelectMany(d => Directory.EnumerateFiles(d, "*.cs", SearchOption.AllDirectories)));
        }
        return files.Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .OrderBy(f => f, StringComparer.Ordinal);
    }
}
