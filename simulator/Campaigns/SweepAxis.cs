using OpenIdds.Simulator.Scenarios;

namespace OpenIdds.Simulator.Campaigns;

/// <summary>One varied field of a campaign: its path in the scenario file and the values it takes, as "path=v1,v2,v3".</summary>
public sealed record SweepAxis(string Path, IReadOnlyList<string> Values)
{
    public static SweepAxis Parse(string text)
    {
        int eq = text.IndexOf('=');
        if (eq <= 0 || eq == text.Length - 1)
            throw new ScenarioException($"--param: '{text}' is not path=value[,value...] (example: prescription.rate_ul_per_h=50,100)");
        var values = text[(eq + 1)..].Split(',', StringSplitOptions.TrimEntries);
        if (values.Any(v => v.Length == 0)) throw new ScenarioException($"--param: '{text}' has an empty value");
        return new SweepAxis(text[..eq].Trim(), values);
    }
}
