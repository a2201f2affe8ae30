using System.CommandLine;
using OpenIdds.Bench.Analysis;

namespace OpenIdds.Bench.Cli;

/// <summary>
/// The options that say how a balance file is written: its decimal mark, and for another lab's export
/// which column holds the time and the mass, in which unit. Given explicitly or not at all: a column
/// without its unit is refused, never guessed.
/// </summary>
public sealed class CsvFormatOptions
{
    private readonly Option<string> _decimal = new("--decimal") { Description = "the file's decimal mark: point (fields separated by ',', the default) or comma (fields separated by ';')", DefaultValueFactory = _ => "point" };
    private readonly Option<string?> _timeColumn = new("--time-column") { Description = "another export's time column, e.g. time_min (with --time-unit)" };
    private readonly Option<string?> _timeUnit = new("--time-unit") { Description = "its unit: ms, s, min or h" };
    private readonly Option<string?> _massColumn = new("--mass-column") { Description = "another export's mass column, e.g. mass_g (with --mass-unit)" };
    private readonly Option<string?> _massUnit = new("--mass-unit") { Description = "its unit: mg, g or kg" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _decimal, _timeColumn, _timeUnit, _massColumn, _massUnit }) command.Options.Add(option);
    }

    /// <exception cref="ArgumentException">an option is wrong or given without its pair.</exception>
    public BalanceCsvFormat Read(ParseResult parse)
    {
        var format = BalanceCsvFormat.Recorded with { Decimal = BalanceCsvFormat.ParseDecimal(parse.GetValue(_decimal)!) };
        string? timeColumn = parse.GetValue(_timeColumn), timeUnit = parse.GetValue(_timeUnit), massColumn = parse.GetValue(_massColumn), massUnit = parse.GetValue(_massUnit);
        if ((timeColumn == null) != (timeUnit == null)) throw new ArgumentException("--time-column and --time-unit go together: name the column and its unit (e.g. --time-column time_min --time-unit min)");
        if ((massColumn == null) != (massUnit == null)) throw new ArgumentException("--mass-column and --mass-unit go together: name the column and its unit (e.g. --mass-column mass_g --mass-unit g)");
        if (timeColumn != null) format = format with { TimeColumn = timeColumn, TimeUnit = BalanceCsvFormat.ParseTimeUnit(timeUnit!) };
        if (massColumn != null) format = format with { MassColumn = massColumn, MassUnit = BalanceCsvFormat.ParseMassUnit(massUnit!) };
        return format;
    }
}
