namespace OpenIdds.Simulator.Scenarios;

/// <summary>
/// Scenario values checked before a run starts, each refusal naming the field, the value and the
/// limit: a run of no length or of longer than <see cref="MaxRunDays"/> days, an action after the
/// end, a power loss or hang of no length or one that outlasts the run, a gradual catheter change
/// (over) of no length, past the end, or of a state that only changes at once. Such a file would otherwise
/// run silently wrong, or for ever.
/// </summary>
public static class ScenarioRanges
{
    /// <summary>Longer than any implant's service life (the longest library run is 12 years).</summary>
    public const long MaxRunDays = 30 * 366;

    public static long RunLength(string text)
    {
        long ms = DurationText.ParseMilliseconds(text, "duration");
        if (ms <= 0) throw new ScenarioException($"duration: '{text}' is not above the limit 0: a run needs a length");
        if (ms > MaxRunDays * 86_400_000) throw new ScenarioException($"duration: '{text}' is above the limit {MaxRunDays}d (30 years)");
        return ms;
    }

    public static void CheckAction(ScenarioAction action, int index, long at, long runLength)
    {
        string field = $"actions[{index}]";
        if (at > runLength) throw new ScenarioException($"{field}.at: '{action.At}' is after the end of the run ({runLength} ms); the limit is the scenario's duration");
        if (action.Do == "catheter" && action.Over is string over)
        {
            if (action.Kind is not ("kink" or "leak" or "epidural" or "subcutaneous"))
                throw new ScenarioException($"{field}.over: a catheter '{action.Kind}' changes at once; 'over' is for kink, leak, epidural and subcutaneous");
            long length = DurationText.ParseMilliseconds(over, $"{field}.over");
            if (length <= 0) throw new ScenarioException($"{field}.over: '{over}' is not above the limit 0: a gradual change needs a length");
            if (at + length > runLength) throw new ScenarioException($"{field}.over: '{over}' from '{action.At}' runs past the end of the run ({runLength} ms); the limit is {runLength - at} ms");
        }
        if (action.Do is "power-loss" or "hang" && action.Duration is string text)
        {
            long length = DurationText.ParseMilliseconds(text, $"{field}.duration");
            if (length <= 0) throw new ScenarioException($"{field}.duration: '{text}' is not above the limit 0: a {action.Do} needs a length");
            if (at + length > runLength) throw new ScenarioException($"{field}.duration: '{text}' from '{action.At}' runs past the end of the run ({runLength} ms); the limit is {runLength - at} ms");
        }
    }
}
