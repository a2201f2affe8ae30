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
        if ((action.Do is "power-loss" or "hang" || action.Do == "program-commit" && action.PowerCutAfterBytes != null) && action.Duration is string text)
        {
            long length = DurationText.ParseMilliseconds(text, $"{field}.duration");
            if (length <= 0) throw new ScenarioException($"{field}.duration: '{text}' is not above the limit 0: a {action.Do} needs a length");
            if (at + length > runLength) throw new ScenarioException($"{field}.duration: '{text}' from '{action.At}' runs past the end of the run ({runLength} ms); the limit is {runLength - at} ms");
        }
    }

    /// <summary>The most flash bytes a commit may be cut after: far more than any commit writes (a commit that writes fewer loses its power as it completes).</summary>
    public const int MaxCutAfterBytes = 65_536;

    /// <summary>Actions that reach the firmware (a programmer, the diary, a clinician at the pump): none can while the board has no power.</summary>
    private static bool ReachesFirmware(string action) => action is "program" or "refill" or "clinician-bolus" or "clinician-reset" or "hold-stopped"
        or "clock-sync" or "diary" or "silence" or "implant" or "program-review" or "program-commit" or "protocol" or "hang";

    /// <summary>
    /// What depends on the actions before: a commit or a replay needs a review sent before it, a power
    /// cut during a commit needs a byte count in range, and nothing reaches the firmware inside a power
    /// outage (a fault there acts on the world and is present at power-on).
    /// </summary>
    public static void CheckSequence(IEnumerable<(long Time, int Index, ScenarioAction Action)> actions)
    {
        bool sent = false;
        long offFrom = long.MinValue, offUntil = long.MinValue;
        foreach (var (time, index, a) in actions)
        {
            string field = $"actions[{index}]";
            if (time >= offFrom && time < offUntil && ReachesFirmware(a.Do))
                throw new ScenarioException($"{field}.at: '{a.At}' is inside the power outage from {offFrom} to {offUntil} ms: a {a.Do} cannot reach a pump without power; the limit is {offUntil} ms or later");
            switch (a.Do)
            {
                case "power-loss":
                    offFrom = time;
                    offUntil = time + DurationText.ParseMilliseconds(a.Duration ?? "1s", $"{field}.duration");
                    break;
                case "program-review": sent = true; break;
                case "program-commit":
                    if (!sent) throw new ScenarioException($"{field}.do: 'program-commit' needs a program-review before it: the programmer commits what the clinician reviewed");
                    if (a.PowerCutAfterBytes is int bytes)
                    {
                        if (bytes is < 0 or > MaxCutAfterBytes) throw new ScenarioException($"{field}.power_cut_after_bytes: {bytes} is outside the limits 0..{MaxCutAfterBytes}");
                        offFrom = time;
                        offUntil = time + DurationText.ParseMilliseconds(a.Duration ?? Running.ProtocolActions.DefaultCutOutage, $"{field}.duration");
                    }
                    break;
                case "protocol":
                    if (a.Kind is not ("replay" or "wrong-role" or "bad-mac")) throw new ScenarioException($"{field}.kind: '{a.Kind}' is not one of replay, wrong-role, bad-mac");
                    if (a.Kind == "replay" && !sent) throw new ScenarioException($"{field}.kind: 'replay' needs a frame sent before it to replay: a program-review or program-commit earlier in the run");
                    break;
            }
        }
    }
}
