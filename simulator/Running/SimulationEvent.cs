using System.Globalization;

namespace OpenIdds.Simulator.Running;

/// <summary>
/// One line of the simulation's event log: when (true time, ms), who (scenario, pump, alarm, physics),
/// what, and details. Formatted with the invariant culture so the log is bit-identical everywhere.
/// </summary>
public sealed record SimulationEvent(long Time, string Source, string Kind, string Detail)
{
    public string ToCsv() => string.Create(CultureInfo.InvariantCulture, $"{Time},{Source},{Kind},\"{Detail.Replace("\"", "\"\"")}\"");

    public const string CsvHeader = "time_ms,source,kind,detail";
}
