namespace OpenIdds.Guard;

/// <summary>
/// ASSEMBLY-SIZE-BUDGET: every device assembly stays under half of each table the metadata processor
/// indexes with 16 bits (byte code and strings, 65,535 bytes each), so a board build never meets
/// "Byte code table overflow" and each library has room to grow.
/// The host proxy (<see cref="TableSize"/>) is calibrated once against the metadata processor's own
/// figures for one file set: everything one board image holds (firmware, hal, boards/shared and the
/// board's device folder) compiled as ONE Debug assembly, which the metadata processor measured at
/// 61,740 bytes of byte code and about 31,000 bytes of strings on the code of 2026-12-04. The proxy read that set at <see cref="ProxyByteCode"/> and <see cref="ProxyStrings"/>
/// (benchmarks: `dotnet run -c Release --project measurements -- assemblies`); the ratio scales every
/// proxy figure to the metadata processor's.
/// </summary>
public static class SizeBudget
{
    private static readonly System.Globalization.CultureInfo Invariant = System.Globalization.CultureInfo.InvariantCulture;

    public const long TableLimit = 65_535;

    /// <summary>Half of a table: the most one assembly may use.</summary>
    public const long Budget = TableLimit / 2;

    public const long MeasuredByteCode = 61_740;
    public const long MeasuredStrings = 31_000;

    public const long ProxyByteCode = 80_137;
    public const long ProxyStrings = 36_649;

    /// <summary>The metadata processor's byte code for a proxy figure (rounded up).</summary>
    public static long ByteCode(TableSize size) => (size.ByteCode * MeasuredByteCode + ProxyByteCode - 1) / ProxyByteCode;

    /// <summary>The metadata processor's strings for a proxy figure (rounded up).</summary>
    public static long Strings(TableSize size) => (size.Strings * MeasuredStrings + ProxyStrings - 1) / ProxyStrings;

    /// <summary>Why <paramref name="assembly"/> is over budget, with its figures; null when it is within it.</summary>
    public static string? Excess(DeviceAssembly assembly)
    {
        long byteCode = ByteCode(assembly.Size), strings = Strings(assembly.Size);
        var reasons = new List<string>();
        if (byteCode > Budget) reasons.Add($"byte code {byteCode.ToString("N0", Invariant)} bytes (proxy {assembly.Size.ByteCode.ToString("N0", Invariant)}) is over the budget of {Budget.ToString("N0", Invariant)}, half of the {TableLimit.ToString("N0", Invariant)}-byte table");
        if (strings > Budget) reasons.Add($"strings {strings.ToString("N0", Invariant)} bytes (proxy {assembly.Size.Strings.ToString("N0", Invariant)}) are over the budget of {Budget.ToString("N0", Invariant)}, half of the {TableLimit.ToString("N0", Invariant)}-byte table");
        return reasons.Count == 0 ? null : string.Join("; ", reasons) + ": split the library along a seam of its own";
    }
}
