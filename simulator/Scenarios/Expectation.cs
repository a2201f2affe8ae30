using System.Globalization;
using System.Text.Json;
using OpenIdds.Simulator.Running;

namespace OpenIdds.Simulator.Scenarios;

/// <summary>
/// The expected outcomes that sit beside a scenario (NAME.expected.json): events that must happen (with
/// the latest acceptable time, optionally only counted from a time on, with a detail, a given number of
/// times), events that must not, delivered-volume and drug-mass bounds, the firmware's scheduling error
/// and the STEP pin's pulse error in steps, the volume released when an occlusion clears, and the end state. Checking them turns every scenario into
/// a test (LoopKit's fixture pairs).
/// </summary>
public sealed record Expectation
{
    public Range? PumpedUl { get; init; }
    public Range? ToCsfUl { get; init; }

    /// <summary>|computed - prescribed| at the end, at most this many steps of the scenario's calibration per device (the firmware's count is exact to one step).</summary>
    public double? SchedulerErrorSteps { get; init; }

    /// <summary>
    /// (net pulses at the STEP pins x calibration - prescribed) / calibration at the end, in steps: what
    /// reached the motor, counted as a scope would, so a step repeated or dropped across a reset shows
    /// here even where the firmware's own (restored) count looks right.
    /// </summary>
    public Range? PulseErrorSteps { get; init; }

    /// <summary>Drug mass that reached CSF, ug (a bridge or a wrong concentration shows here, not in volumes).</summary>
    public Range? ToCsfUg { get; init; }

    /// <summary>Volume reaching CSF in the window after each occlusion-clear beyond what was prescribed in it (<see cref="ScenarioSession.ReleaseWindowMilliseconds"/>).</summary>
    public Range? ReleaseAfterClearUl { get; init; }

    public string? StateAtEnd { get; init; }
    public List<ExpectedEvent> Must { get; init; } = new();
    public List<string> MustNot { get; init; } = new();

    public sealed record Range(double Min, double Max);

    /// <summary>
    /// An event by "source/kind" (e.g. "pump/faulted"), optionally with <c>Detail</c> in its text. It must
    /// happen at or after <c>After</c> (default: the start) and no later than <c>By</c>; with <c>Count</c>,
    /// the number of such events between <c>After</c> and <c>By</c> (or the end) must lie in that range
    /// instead (so a maximum of 0 forbids it in a window).
    /// </summary>
    public sealed record ExpectedEvent(string Event, string? By, string? After = null, string? Detail = null, Range? Count = null);

    public static Expectation? LoadBeside(string scenarioPath)
    {
        string path = Path.ChangeExtension(scenarioPath, null) + ".expected.json";
        return File.Exists(path) ? JsonSerializer.Deserialize<Expectation>(File.ReadAllText(path), Scenario.Json) : null;
    }

    /// <summary>Every way the result falls short, one line each; empty when it meets every expectation.</summary>
    public List<string> Check(ScenarioResult result)
    {
        var failures = new List<string>();
        string N(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
        void Bound(string what, Range? range, double value)
        {
            if (range != null && (value < range.Min || value > range.Max))
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{what} {value:0.000} uL is outside {range.Min}..{range.Max} uL"));
        }
        Bound("pumped", PumpedUl, result.PumpedMicroliters);
        Bound("delivered to CSF", ToCsfUl, result.ToCsfMicroliters);
        if (SchedulerErrorSteps is double steps)
        {
            double allowed = steps * result.Devices * result.CalibrationPicolitersPerStep;
            if (Math.Abs(result.SchedulerErrorPicoliters) > allowed)
                failures.Add(string.Create(CultureInfo.InvariantCulture,
                    $"computed - prescribed {result.SchedulerErrorPicoliters / 1000.0:0.000} nL is beyond {steps} step(s) per device ({result.Devices} device(s) x {result.CalibrationPicolitersPerStep / 1000.0:0.###} nL)"));
        }
        if (PulseErrorSteps != null)
        {
            double error = result.StepPulses - result.PrescribedMicroliters * 1_000_000 / result.CalibrationPicolitersPerStep;
            if (error < PulseErrorSteps.Min - 1e-6 || error > PulseErrorSteps.Max + 1e-6)
                failures.Add(string.Create(CultureInfo.InvariantCulture,
                    $"STEP pulses - prescribed steps = {error:0.###} ({result.StepPulses} pulses) is outside {PulseErrorSteps.Min}..{PulseErrorSteps.Max} steps"));
        }
        if (ToCsfUg != null && (result.ToCsfMicrograms < ToCsfUg.Min || result.ToCsfMicrograms > ToCsfUg.Max))
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"drug to CSF {result.ToCsfMicrograms:0.000} ug is outside {ToCsfUg.Min}..{ToCsfUg.Max} ug"));
        if (ReleaseAfterClearUl != null)
        {
            if (result.ReleasesAfterClear.Count == 0) failures.Add("release after clear: the run has no occlusion-clear to measure it at");
            foreach (var (at, released) in result.ReleasesAfterClear)
                if (released < ReleaseAfterClearUl.Min || released > ReleaseAfterClearUl.Max)
                    failures.Add($"released {N(released)} uL beyond the prescription in the {ScenarioSession.ReleaseWindowMilliseconds / 60_000} min after the occlusion cleared at {at} ms, outside {ReleaseAfterClearUl.Min}..{ReleaseAfterClearUl.Max} uL");
        }
        if (StateAtEnd != null && StateAtEnd != result.EndState)
            failures.Add($"state at end is {result.EndState}, expected {StateAtEnd}");
        foreach (var e in Must)
        {
            string name = e.Event + (e.Detail != null ? $" ({e.Detail})" : "");
            long after = e.After != null ? DurationText.ParseMilliseconds(e.After, $"must[{e.Event}].after") : long.MinValue;
            long by = e.By != null ? DurationText.ParseMilliseconds(e.By, $"must[{e.Event}].by") : long.MaxValue;
            var matching = result.Events.Where(x => $"{x.Source}/{x.Kind}" == e.Event && x.Time >= after && (e.Detail == null || x.Detail.Contains(e.Detail, StringComparison.Ordinal)));
            string window = (e.After != null ? $" from {e.After}" : "") + (e.By != null ? $" by {e.By}" : "");
            if (e.Count != null)
            {
                int count = matching.Count(x => x.Time <= by);
                if (count < e.Count.Min || count > e.Count.Max)
                    failures.Add($"{name} happened {count} time(s){window}, expected {e.Count.Min}..{e.Count.Max}");
                continue;
            }
            var hit = matching.FirstOrDefault();
            if (hit == null) failures.Add($"{name} never happened{(e.After != null ? $" from {e.After} on" : "")}");
            else if (hit.Time > by) failures.Add($"{name} happened{(e.After != null ? $" first after {e.After}" : "")} at {hit.Time} ms, later than {e.By}");
        }
        foreach (string e in MustNot)
        {
            var hit = result.Events.FirstOrDefault(x => $"{x.Source}/{x.Kind}" == e);
            if (hit != null) failures.Add($"{e} happened at {hit.Time} ms but must not: {hit.Detail}");
        }
        return failures;
    }
}
