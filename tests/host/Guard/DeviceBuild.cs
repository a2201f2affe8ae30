using OpenIdds.Guard;

namespace OpenIdds.Tests.Host.Guard;

/// <summary>One guard compiler for the whole test run: each device assembly is built once and shared by the tests that read it.</summary>
public static class DeviceBuild
{
    private static readonly Lazy<DeviceCompiler> Shared = new(() => new DeviceCompiler(RepositoryPaths.Root));

    public static DeviceCompiler Compiler => Shared.Value;

    /// <summary>Every assembly a device build makes: each library, each on-device test project, and the application for every board and build switch.</summary>
    public static IEnumerable<DeviceAssembly> All()
    {
        var c = Compiler;
        foreach (var library in c.Libraries) yield return c.Build(library, "");
        foreach (var tests in c.TestProjects) yield return c.Build(tests, "");
        foreach (string board in c.Boards)
            foreach (var symbols in DeviceCompiler.ApplicationVariants)
                yield return c.Build(c.Application, board, symbols);
    }

    public static string Describe(DeviceAssembly a) =>
        $"{a.Name} ({Compiler.Relative(a.Project.Path)}{(a.Project.IsApplication ? ", " + a.Board + ", " + string.Join(";", a.Symbols) : "")})";
}
