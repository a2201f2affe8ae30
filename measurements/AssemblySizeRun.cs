using OpenIdds.Guard;

namespace OpenIdds.Measurements;

/// <summary>
/// The device assemblies' share of the metadata processor's byte code and string tables
/// (ASSEMBLY-SIZE-BUDGET, guard/SizeBudget.cs): each library, on-device test project and board
/// application as the guard builds it (Debug, real nanoFramework mscorlib), read by the host proxy and
/// scaled by the calibration; then the calibration set itself, everything one board image holds
/// compiled as one assembly, next to the metadata processor's measured figures for it.
/// </summary>
public static class AssemblySizeRun
{
    public static void Run(string repositoryRoot)
    {
        var c = new DeviceCompiler(repositoryRoot);
        Console.WriteLine($"Device assemblies, Debug, against {DeviceCompiler.CoreLibraryPath}; budget {SizeBudget.Budget:N0} bytes per table (half of {SizeBudget.TableLimit:N0})");
        Console.WriteLine("| assembly | project | byte code | % of budget | strings | % of budget |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        foreach (var project in c.Libraries.Concat(c.TestProjects)) Row(c, c.Build(project, ""), c.Relative(project.Path));
        foreach (string board in c.Boards)
            foreach (var symbols in DeviceCompiler.ApplicationVariants)
                Row(c, c.Build(c.Application, board, symbols), $"nf.proj, {board}, {string.Join(";", symbols.Skip(1).DefaultIfEmpty("production"))}");
        Console.WriteLine();
        Console.WriteLine("Calibration set: nf.proj's whole file set for one board as ONE Debug assembly");
        Console.WriteLine("| board | build | proxy byte code | proxy strings |");
        Console.WriteLine("|---|---|---:|---:|");
        foreach (string board in c.Boards)
            foreach (var symbols in DeviceCompiler.ApplicationVariants)
            {
                var one = c.BuildAsOneAssembly(board, symbols);
                Console.WriteLine($"| {board} | {string.Join(";", symbols.Skip(1).DefaultIfEmpty("production"))} | {one.Size.ByteCode:N0} | {one.Size.Strings:N0} |");
            }
        Console.WriteLine($"Calibration constants: proxy {SizeBudget.ProxyByteCode:N0} -> measured {SizeBudget.MeasuredByteCode:N0} bytes of byte code; proxy {SizeBudget.ProxyStrings:N0} -> about {SizeBudget.MeasuredStrings:N0} bytes of strings");
    }

    private static void Row(DeviceCompiler c, DeviceAssembly a, string where)
    {
        if (a.Errors.Count > 0) { Console.WriteLine($"| {a.Name} | {where} | does not build: {a.Errors[0]} | | | |"); return; }
        long byteCode = SizeBudget.ByteCode(a.Size), strings = SizeBudget.Strings(a.Size);
        Console.WriteLine($"| {a.Name} | {where} | {byteCode:N0} | {100.0 * byteCode / SizeBudget.Budget:F0} % | {strings:N0} | {100.0 * strings / SizeBudget.Budget:F0} % |");
    }
}
