using OpenIdds.Simulator.Scenarios;
using OpenIdds.Simulator.Running;

namespace OpenIdds.Simulator.Campaigns;

/// <summary>What one campaign run gave: the figures a verification engineer aggregates, and the event log's hash that pins the run.</summary>
public sealed record RunOutcome
{
    public required int Index { get; init; }
    public required string Cell { get; init; }
    public required ulong Seed { get; init; }
    public required double SimulatedDays { get; init; }
    public required double PrescribedMicroliters { get; init; }
    public required double PumpedMicroliters { get; init; }

    /// <summary>100 (pumped - prescribed) / prescribed, the delivery error a balance would see; 0 when nothing was prescribed.</summary>
    public required double DeliveryErrorPercent { get; init; }
    public required long StepsMissed { get; init; }

    /// <summary>Alarm raises, by alarm name, in the order the names first appear.</summary>
    public required IReadOnlyList<string> AlarmsRaised { get; init; }
    public string? FirstAlarm { get; init; }

    /// <summary>Time of the first alarm raised, ms from the start or from the scenario's alarm_timed_from action (the first alarm at or after it); null when none was.</summary>
    public long? FirstAlarmMilliseconds { get; init; }

    /// <summary>The largest volume that reached CSF in the window after an occlusion cleared, beyond the prescription; null when nothing cleared.</summary>
    public double? ReleasedAfterClearMicroliters { get; init; }

    /// <summary>The scenario's expectations (NAME.expected.json beside it) met; null when it has none.</summary>
    public bool? ExpectationsMet { get; init; }
    public required string EventLogHash { get; init; }

    public static RunOutcome Of(CampaignRun run, Scenario scenario, ScenarioResult result, IReadOnlyList<string>? failures)
    {
        var raises = result.Events.Where(e => e.Source == "alarm" && e.Detail == "raised").ToList();
        long from = TimedFrom(scenario);
        var first = raises.FirstOrDefault(e => e.Time >= from);
        return new RunOutcome
        {
            Index = run.Index,
            Cell = run.Cell,
            Seed = run.Seed,
            SimulatedDays = result.DurationMilliseconds / 86_400_000.0,
            PrescribedMicroliters = result.PrescribedMicroliters,
            PumpedMicroliters = result.PumpedMicroliters,
            DeliveryErrorPercent = result.PrescribedMicroliters > 0 ? 100 * (result.PumpedMicroliters - result.PrescribedMicroliters) / result.PrescribedMicroliters : 0,
            StepsMissed = result.StepsMissed,
            AlarmsRaised = raises.Select(e => e.Kind).ToList(),
            FirstAlarm = first?.Kind,
            FirstAlarmMilliseconds = first == null ? null : first.Time - from,
            ReleasedAfterClearMicroliters = result.ReleasesAfterClear.Count == 0 ? null : result.ReleasesAfterClear.Max(r => r.Microliters),
            ExpectationsMet = failures == null ? null : failures.Count == 0,
            EventLogHash = result.EventLogHash,
        };
    }

    /// <summary>When the scenario's alarm_timed_from action first happens, ms from the start; 0 when it names none.</summary>
    public static long TimedFrom(Scenario scenario)
    {
        if (string.IsNullOrEmpty(scenario.AlarmTimedFrom)) return 0;
        var action = scenario.Actions.FirstOrDefault(a => a.Do == scenario.AlarmTimedFrom)
            ?? throw new ScenarioException($"alarm_timed_from: '{scenario.AlarmTimedFrom}' is no action of scenario {scenario.Name}; the limit is the `do` of one of its actions");
        return DurationText.ParseMilliseconds(action.At, "alarm_timed_from action's at");
    }
}
