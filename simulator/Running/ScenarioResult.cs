namespace OpenIdds.Simulator.Running;

/// <summary>What a scenario run produced: the event log, the sampled traces and the end state.</summary>
public sealed class ScenarioResult
{
    public required string Scenario { get; init; }
    /// <summary>The board the run models (the scenario's board field): its pin numbering.</summary>
    public string Board { get; init; } = "esp32-devkitc";
    public required long DurationMilliseconds { get; init; }
    public required List<SimulationEvent> Events { get; init; }
    public required List<Sample> Samples { get; init; }
    public required List<(long Time, double Milligrams)> BalanceReadings { get; init; }
    public required double PrescribedMicroliters { get; init; }
    public required double ComputedDeliveredMicroliters { get; init; }
    public required double PumpedMicroliters { get; init; }
    public required double ToCsfMicroliters { get; init; }
    public required long StepsTaken { get; init; }

    /// <summary>Net step pulses counted at the STEP pins (forward minus reverse), summed over devices.</summary>
    public long StepPulses { get; init; }

    /// <summary>Drug mass that reached CSF, ug: what the patient got (saline ahead of the drug counts nothing).</summary>
    public double ToCsfMicrograms { get; init; }
    public required long StepsMissed { get; init; }
    public required long SchedulerErrorPicoliters { get; init; }
    public required string EndState { get; init; }
    public required long WakeUps { get; init; }

    /// <summary>Devices the patient had (the trial pump, then the implant): the firmware's count is within one step of the prescription per device.</summary>
    public int Devices { get; init; } = 1;

    /// <summary>The firmware's calibration: one step's volume, in which the scheduler's error is counted.</summary>
    public long CalibrationPicolitersPerStep { get; init; } = 250_000;

    /// <summary>For each occlusion-clear: when, and the volume that reached CSF in the release window after it beyond what was prescribed in it, uL.</summary>
    public List<(long ClearedAt, double Microliters)> ReleasesAfterClear { get; init; } = new();

    /// <summary>The pump's own hourly delivery log: hour end (ms), commanded and prescribed volume (uL) - what `bench compare` reads.</summary>
    public List<(long HourEnd, double CommandedMicroliters, double PrescribedMicroliters)> HourlyCommanded { get; init; } = new();

    /// <summary>The first prescription's rate when it is continuous (the bench analysis's set rate), else 0.</summary>
    public double InitialRateMicrolitersPerHour { get; init; }

    /// <summary>The devices as the run left them (the trial pump first): what the session report reads.</summary>
    public IReadOnlyList<VirtualPump> Pumps { get; init; } = Array.Empty<VirtualPump>();

    /// <summary>The time of day at the scenario's start, ms: places the simulated clock on a calendar for the report.</summary>
    public long TimeOfDayAtStartMilliseconds { get; init; }

    /// <summary>SHA-256 of the event log as CSV: the same scenario and seed give the same hash on every machine.</summary>
    public string EventLogHash => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(EventLogCsv())));

    public string EventLogCsv() => SimulationEvent.CsvHeader + "\n" + string.Join("\n", Events.Select(e => e.ToCsv())) + "\n";
}
