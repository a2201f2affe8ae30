using OpenIdds.Simulator.Scenarios;

namespace OpenIdds.Simulator.Running;

/// <summary>Runs a scenario from start to end in event time, as fast as the machine allows.</summary>
public static class ScenarioRunner
{
    /// <summary>Balance sampling interval, ms (see <see cref="ScenarioSession.BalanceIntervalMilliseconds"/>).</summary>
    public const long BalanceIntervalMilliseconds = ScenarioSession.BalanceIntervalMilliseconds;

    public static ScenarioResult Run(Scenario scenario, Action<double>? progress = null)
    {
        var session = new ScenarioSession(scenario);
        session.RunUntil(session.Duration, progress);
        progress?.Invoke(1.0);
        return session.Finish();
    }
}
