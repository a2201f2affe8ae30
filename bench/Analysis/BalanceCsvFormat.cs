using System.Globalization;

namespace OpenIdds.Bench.Analysis;

/// <summary>The decimal mark of a balance file: a point with ',' between fields, or a comma with ';' between fields.</summary>
public enum DecimalMark { Point, Comma }

/// <summary>
/// How to read a balance file: its decimal mark, and which columns hold the time and the mass in which
/// units. The default is the file `bench record` writes (<c>time_ms</c>, <c>mass_mg</c>, decimal point).
/// Nothing is guessed: a comma-decimal file or another lab's export is read only when this says so.
/// </summary>
public sealed record BalanceCsvFormat
{
    public DecimalMark Decimal { get; init; } = DecimalMark.Point;
    public string TimeColumn { get; init; } = "time_ms";
    public TimeUnit TimeUnit { get; init; } = TimeUnit.Milliseconds;
    public string MassColumn { get; init; } = "mass_mg";
    public MassUnit MassUnit { get; init; } = MassUnit.Milligrams;

    public static BalanceCsvFormat Recorded => new();

    /// <summary>Two fields per decimal mark: ',' between fields when the decimal mark is a point, ';' when it is a comma (a spreadsheet's export in a comma-decimal locale).</summary>
    public char Delimiter => Decimal == DecimalMark.Point ? ',' : ';';

    public NumberFormatInfo Numbers => Decimal == DecimalMark.Point
        ? NumberFormatInfo.InvariantInfo
        : new NumberFormatInfo { NumberDecimalSeparator = ",", NumberGroupSeparator = "\u00a0", NegativeSign = "-", PositiveSign = "+" };

    public bool IsRecorded => TimeColumn == "time_ms" && TimeUnit == TimeUnit.Milliseconds && MassColumn == "mass_mg" && MassUnit == MassUnit.Milligrams;

    public double MillisecondsPer => TimeUnit switch { TimeUnit.Seconds => 1_000, TimeUnit.Minutes => 60_000, TimeUnit.Hours => 3_600_000, _ => 1 };

    public double MilligramsPer => MassUnit switch { MassUnit.Grams => 1_000, MassUnit.Kilograms => 1_000_000, _ => 1 };

    public static DecimalMark ParseDecimal(string text) => text switch
    {
        "point" => DecimalMark.Point,
        "comma" => DecimalMark.Comma,
        _ => throw new ArgumentException($"--decimal '{text}' is not point or comma"),
    };

    public static TimeUnit ParseTimeUnit(string text) => text switch
    {
        "ms" => TimeUnit.Milliseconds,
        "s" => TimeUnit.Seconds,
        "min" => TimeUnit.Minutes,
        "h" => TimeUnit.Hours,
        _ => throw new ArgumentException($"--time-unit '{text}' is not ms, s, min or h"),
    };

    public static MassUnit ParseMassUnit(string text) => text switch
    {
        "mg" => MassUnit.Milligrams,
        "g" => MassUnit.Grams,
        "kg" => MassUnit.Kilograms,
        _ => throw new ArgumentException($"--mass-unit '{text}' is not mg, g or kg"),
    };
}

public enum TimeUnit { Milliseconds, Seconds, Minutes, Hours }

public enum MassUnit { Milligrams, Grams, Kilograms }
