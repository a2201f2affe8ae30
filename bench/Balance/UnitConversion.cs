namespace OpenIdds.Bench.Balance;

/// <summary>Balance units to milligrams.</summary>
public static class UnitConversion
{
    public static bool TryToMilligrams(double value, string unit, out double milligrams)
    {
        milligrams = unit switch
        {
            "g" => value * 1000,
            "mg" => value,
            "kg" => value * 1_000_000,
            _ => double.NaN,
        };
        return !double.IsNaN(milligrams);
    }
}
