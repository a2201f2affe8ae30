using System.Globalization;
using System.Text.Json;
using OpenIdds.Simulator.Running;

namespace OpenIdds.Simulator.Scenarios;

/// <summary>
/// The expected outcomes that sit beside a scenario (NAME.expected.json): events that must happen (with
/// the latest acceptable time), events that must not, delivered-volume bounds and the end state.
/// Checking them turns every scenario into a test (LoopKit's fixture pairs).
/// </summary>
public sealed record Expectation
{
    public Range? PumpedUl { get; init; }
    public Range? ToCsfUl { get; init; }
    public string? StateAtEnd { get; init; }
    public List<ExpectedEvent> Must { get; init; } = new();
    public List<string> MustNot { get; init; } = new();

    public sealed record Range(double Min, double Max);

    /// <summary>An event by "source/kind" (e.g. "pump/faulted"), optionally no later than <c>By</c>.</summary>
    public sealed record ExpectedEvent(string Event, string? By);

    public static Expectation? LoadBeside(string scenarioPath)
    {
        string path = Path.ChangeExtension(scenarioPath, null) + ".expected.json";
        return File.Exists(path) ? JsonSerializer.Deserialize<Expectation>(File.ReadAllText(path), Scenario.Json) : null;
    }

    /// <summary>Every way the result falls short, one line each; empty when it meets every expectation.</summary>
    public List<string> Check(ScenarioResult result)
    {
        var failures = new List<string>();
        void Bound(string what, Range? range, double value)
        {
            if (range != null && (value < range.Min || value > range.Max))
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{what} {value:0.000} uL is outside {range.Min}..{range.Max} uL"));
        }
        Bound("pumped", PumpedUl, result.PumpedMicroliters);
        Bound("delivered to CSF", ToCsfUl, result.ToCsfMicroliters);
        if (StateAtEnd != null && StateAtEnd != result.EndState)
            failures.Add($"state at end is {result.EndState}, expected {StateAtEnd}");
        foreach (var e in Must)
        {
            var hit = result.Events.FirstOrDefault(x => $"{x.Source}/{x.Kind}" == e.Event);
            if (hit == null) failures.Add($"{e.Event} never happened");
            else if (e.By != null && hit.Time > DurationText.ParseMilliseconds(e.By, $"must[{e.Event}].by"))
                failures.Add($"{e.Event} happened at {hit.Time} ms, later than {e.By}");
        }
        foreach (string e in MustNot)
        {
            var hit = result.Events.FirstOrDefault(x => $"{x.Source}/{x.Kind}" == e);
            if (hit != null) failures.Add($"{e} happened at {hit.Time} ms but must not: {hit.Detail}");
        }
        return failures;
    }
}
