using OpenIdds.Guard;

namespace OpenIdds.Tests.Host.Guard;

/// <summary>
/// ASSEMBLY-SIZE-BUDGET (guard/SizeBudget.cs): no device assembly - library, on-device test project or
/// board application - may pass half of the metadata processor's byte code or string table, read
/// by the calibrated host proxy. docs/benchmarks.md has the figures per assembly.
/// </summary>
[TestClass]
public class SizeBudgetTests
{
    [TestMethod]
    public void Every_device_assembly_stays_under_half_of_each_metadata_processor_table()
    {
        var over = DeviceBuild.All().Where(a => a.Errors.Count == 0).Select(a => SizeBudget.Excess(a) is string why ? DeviceBuild.Describe(a) + ": " + why : null)
            .Where(s => s != null).ToList();
        Assert.AreEqual(0, over.Count, string.Join(Environment.NewLine, over));
    }

    [TestMethod]
    public void An_assembly_past_half_of_the_byte_code_table_is_named_with_its_figures()
    {
        // 12,000 field increments, 13 bytes of IL each: a library far past the calibrated budget.
        string body = string.Concat(Enumerable.Repeat("x++;", 12_000));
        var units = DeviceBuild.Compiler.Libraries.Single(l => l.AssemblyName == "OpenIdds.Firmware.Units");
        var built = DeviceBuild.Compiler.BuildWith(units, "", DeviceCompiler.Production, ("firmware/Units/Big.cs", "class Big { int x; void M() { " + body + " } }"));
        Assert.AreEqual(0, built.Errors.Count, built.ErrorText);
        string? why = SizeBudget.Excess(built);
        Assert.IsNotNull(why, $"{built.Size} passed the budget");
        StringAssert.Contains(why, "byte code");
        StringAssert.Contains(why, SizeBudget.Budget.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
    }

    [TestMethod]
    public void The_calibration_maps_the_single_assembly_proxy_onto_the_metadata_processors_figures()
    {
        Assert.AreEqual(SizeBudget.MeasuredByteCode, SizeBudget.ByteCode(new TableSize(SizeBudget.ProxyByteCode, 0)));
        Assert.AreEqual(SizeBudget.MeasuredStrings, SizeBudget.Strings(new TableSize(0, SizeBudget.ProxyStrings)));
    }
}
