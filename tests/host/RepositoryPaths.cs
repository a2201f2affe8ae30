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
}
