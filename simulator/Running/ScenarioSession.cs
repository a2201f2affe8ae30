using System.Globalization;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;
using OpenIdds.Simulator.Physics;
using OpenIdds.Simulator.Scenarios;

namespace OpenIdds.Simulator.Running;

/// <summary>
/// One scenario in progress, in event-driven virtual time: the next instant is the earliest of the
/// firmware's wake-up, the next scenario action, the end of a pressure transient and the next sample.
/// Nothing sleeps; the same scenario and seed give the same event log on every machine. A run goes
/// straight to the end (<see cref="ScenarioRunner"/>); the virtual device goes step by step, paced
/// by the wall clock, and wakes the firmware when a programmer's bytes arrive (<see cref="Interrupt"/>).
/// </summary>
public sealed class ScenarioSession
{
    /// <summary>Balance sampling interval, ms: 0.5 min, as IEC 60601-2-24's gravimetric method.</summary>
    public const long BalanceIntervalMilliseconds = 30_000;

    private const long HourMilliseconds = 3_600_000;

    /// <summary>
    /// How long after an occlusion-clear the volume it releases is measured: 30 min. The pressure held in
    /// a line drains through an open catheter in seconds (R x C = 0.33 s on the trial line); a catheter
    /// that clears only partly is slower, and half an hour covers that while the prescribed volume of the
    /// window is subtracted, so a running pump's own delivery is not counted as released.
    /// </summary>
    public const long ReleaseWindowMilliseconds = 30 * 60_000;

    private readonly Scenario _scenario;
    private readonly long _timeOfDay;
    private readonly DeviceChain _devices = new();
    private readonly List<(long Time, int Index, ScenarioAction Action)> _actions;
    private readonly List<Sample> _samples = new();
    private readonly List<(long, double)> _balance = new();
    private readonly List<(long, double, double)> _hourly = new();
    private readonly long _sampleInterval;
    private long _nextSample, _nextBalance, _nextHour = HourMilliseconds;
    private long _stepsAtLastHour;
    private double _pumpedAtLastHour, _prescribedAtLastHour;
    private int _nextAction;
    private readonly List<(long ClearedAt, double ToCsf, double Prescribed)> _releaseWindows = new();
    private readonly List<(long, double)> _releases = new();

    public ScenarioSession(Scenario scenario)
    {
        _scenario = scenario;
        Duration = ScenarioRanges.RunLength(scenario.Duration);
        _timeOfDay = DurationText.ParseTimeOfDay(scenario.TimeOfDayAtStart, "time_of_day_at_start");
        var physics = scenario.PhysicsParameters();
        var stage = ScenarioDevice.Stage(scenario.Mode, "mode");
        var pins = ScenarioDevice.Board(scenario.Board, "board");
        var drug = new Drug(scenario.Drug.Name, new MicrogramsPerMilliliter(scenario.Drug.ConcentrationUgPerMl));
        var world = new PumpWorld(ScenarioActions.ForStage(physics, stage), scenario.Seed, (long)(scenario.ReservoirMilliliters * 1_000_000), scenario.Drug.ConcentrationUgPerMl, scenario.LevelSensor, pins: pins, rotorEncoder: scenario.RotorEncoder);
        _devices.Install(world, ScenarioDevice.Setup(scenario, world.Parameters, stage, _timeOfDay, scenario.ReservoirMilliliters), scenario.ClockDriftPpm, Log);
        var actions = scenario.DailyLife ? scenario.Actions.Concat(Scenarios.DailyLife.Days((int)(Duration / 86_400_000), scenario.Seed)).ToList() : scenario.Actions;
        _actions = actions
            .Select((a, i) => (Time: DurationText.ParseMilliseconds(a.At, $"actions[{i}].at"), Index: i, Action: a))
            .OrderBy(a => a.Time).ThenBy(a => a.Index).ToList();
        foreach (var a in _actions) ScenarioRanges.CheckAction(a.Action, a.Index, a.Time, Duration);
        ScenarioRanges.CheckSequence(_actions);
        _sampleInterval = Math.Max(60_000, Duration / 4000 / 60_000 * 60_000);
        _nextBalance = scenario.Balance ? 0 : long.MaxValue;

        Log("scenario", "start", $"{scenario.Name}: {scenario.Mode} pump {Pump.Setup.DeviceId}, {scenario.Drug.Name} {scenario.Drug.ConcentrationUgPerMl} ug/mL, seed {scenario.Seed}");
        // Actions at 0 s come first (a baseline diary entry is made before the trial infusion starts);
        // then the clinician fills the new pump and programs it, and the firmware primes the line.
        while (_nextAction < _actions.Count && _actions[_nextAction].Time <= 0) ApplyNext();
        Pump.Refill(Nanoliters.Zero, new Nanoliters((long)(scenario.ReservoirMilliliters * 1_000_000)), drug, PumpConfiguration.DefaultLowReservoir);
        Pump.Program(scenario.Prescription.ToPrescription(drug, "prescription"), ScenarioActions.Describe(scenario.Prescription));
        // Programming wakes the firmware at once, as every action does: its first tick computes the
        // reservoir it was just given, so the first sample shows the fill, not the monitor's initial zero.
        Pump.RunTo(0);
    }

    public long Duration { get; }
    public DeviceChain Devices => _devices;
    public VirtualPump Pump => _devices.Current;
    public long Now => Pump.World.Now;
    public List<SimulationEvent> Events { get; } = new();
    public long WakeUps { get; private set; }

    /// <summary>Also told of every event as it is logged (the virtual device prints them).</summary>
    public Action<SimulationEvent>? OnEvent { get; set; }

    private void Log(string source, string kind, string detail)
    {
        var e = new SimulationEvent(_devices.Now, source, kind, detail);
        Events.Add(e);
        OnEvent?.Invoke(e);
    }

    private void ApplyNext()
    {
        var (_, index, action) = _actions[_nextAction++];
        ScenarioActions.Apply(action, $"actions[{index}]", _devices, _scenario, _timeOfDay, Log);
        if (action.Do == "occlusion-clear") _releaseWindows.Add((Now, _devices.ToCsfNanoliters, _devices.PrescribedNanoliters));
    }

    /// <summary>Closes the release windows that end by now (or all of them, at the end of the run).</summary>
    private void CloseReleaseWindows(bool all)
    {
        for (int i = 0; i < _releaseWindows.Count; i++)
        {
            var (at, toCsf, prescribed) = _releaseWindows[i];
            if (!all && Now < at + ReleaseWindowMilliseconds) continue;
            _releases.Add((at, ((_devices.ToCsfNanoliters - toCsf) - (_devices.PrescribedNanoliters - prescribed)) / 1000.0));
            _releaseWindows.RemoveAt(i--);
        }
    }

    /// <summary>Runs until true time <paramref name="until"/> (at most the scenario's duration).</summary>
    public void RunUntil(long until, Action<double>? progress = null)
    {
        until = Math.Min(until, Duration);
        while (true)
        {
            bool acted = false;
            while (_nextAction < _actions.Count && _actions[_nextAction].Time <= Now)
            {
                ApplyNext();
                acted = true;
            }
            var world = Pump.World;
            // A button, a driver fault line or a programmer message wakes the MCU at once (an interrupt).
            if (acted) Pump.RunTo(world.Now);
            if (world.Now >= _nextSample) { _samples.Add(Take()); _nextSample += _sampleInterval; }
            if (_scenario.Balance && world.Now >= _nextBalance) { _balance.Add((world.Now, world.Balance.ReadMilligrams(_devices.ToCsfNanoliters + _devices.LeakedNanoliters, world.Now))); _nextBalance += BalanceIntervalMilliseconds; }
            if (world.Now >= _nextHour) HourlyLine(world);
            if (_releaseWindows.Count > 0) CloseReleaseWindows(all: false);
            if (world.Now >= until) return;

            long next = Math.Min(Pump.NextWake, until);
            if (_nextAction < _actions.Count) next = Math.Min(next, _actions[_nextAction].Time);
            next = Math.Min(next, world.Patient.TransientEnds(world.Now));
            next = Math.Min(next, Math.Min(_nextSample, Math.Min(_nextBalance, _nextHour)));
            foreach (var w in _releaseWindows) next = Math.Min(next, w.ClearedAt + ReleaseWindowMilliseconds);
            next = Math.Max(next, world.Now + 1);
            Pump.RunTo(next);
            WakeUps++;
            if (progress != null && (WakeUps & 0xFFFF) == 0) progress((double)Now / Duration);
        }
    }

    /// <summary>Applies an action now (the virtual device's injected faults), then lets the firmware react at once.</summary>
    public void Apply(ScenarioAction action)
    {
        ScenarioActions.Apply(action, "injected", _devices, _scenario, _timeOfDay, Log);
        Pump.RunTo(Now);
    }

    /// <summary>A programmer's bytes arrived on the link: the firmware wakes now and answers.</summary>
    public void Interrupt() => Pump.RunTo(Now);

    /// <summary>
    /// The hourly delivery line: steps commanded and volume the head moved. Printed to the nL, so any
    /// difference in the physics arithmetic between machines changes the log's hash.
    /// </summary>
    private void HourlyLine(PumpWorld world)
    {
        Log("pump", "hourly", string.Create(CultureInfo.InvariantCulture,
            $"steps {_devices.StepsTaken - _stepsAtLastHour}, pumped {(_devices.PumpedNanoliters - _pumpedAtLastHour) / 1000.0:0.000} uL, line {world.Line.PressurePascals:0} Pa"));
        // The prescribed volume of the hour too: a flex schedule changes it from hour to hour.
        double prescribedNow = _devices.PrescribedNanoliters;
        _hourly.Add((world.Now, (_devices.StepsTaken - _stepsAtLastHour) * (double)_scenario.CalibrationPicolitersPerStep / 1_000_000, (prescribedNow - _prescribedAtLastHour) / 1000.0));
        _prescribedAtLastHour = prescribedNow;
        _stepsAtLastHour = _devices.StepsTaken;
        _pumpedAtLastHour = _devices.PumpedNanoliters;
        _nextHour += HourMilliseconds;
    }

    public ScenarioResult Finish()
    {
        // A window the run ends inside is measured to the end.
        CloseReleaseWindows(all: true);
        Log("scenario", "end", $"after {Now} ms");
        return new ScenarioResult
        {
            Scenario = _scenario.Name,
            Board = _scenario.Board,
            DurationMilliseconds = Now,
            Events = Events,
            Samples = _samples,
            BalanceReadings = _balance,
            PrescribedMicroliters = _devices.PrescribedNanoliters / 1000.0,
            ComputedDeliveredMicroliters = _devices.ComputedDeliveredNanoliters / 1000.0,
            PumpedMicroliters = _devices.PumpedNanoliters / 1000.0,
            ToCsfMicroliters = _devices.ToCsfNanoliters / 1000.0,
            StepsTaken = _devices.StepsTaken,
            StepPulses = _devices.StepPulses,
            ToCsfMicrograms = _devices.ToCsfMicrograms,
            StepsMissed = _devices.StepsMissed,
            SchedulerErrorPicoliters = (long)Math.Round(_devices.ComputedDeliveredNanoliters * 1000 - _devices.PrescribedNanoliters * 1000),
            Devices = _devices.Devices,
            EndState = Pump.StateName,
            WakeUps = WakeUps,
            HourlyCommanded = _hourly,
            InitialRateMicrolitersPerHour = _scenario.Prescription.Mode == "continuous" ? (double)_scenario.Prescription.RateUlPerH : 0,
            CalibrationPicolitersPerStep = _scenario.CalibrationPicolitersPerStep,
            ReleasesAfterClear = _releases,
            Pumps = _devices.All,
            TimeOfDayAtStartMilliseconds = _timeOfDay,
        };
    }

    private Sample Take()
    {
        var devices = _devices;
        var pump = devices.Current;
        var world = pump.World;
        world.Board.Battery.Read(out int millivolts);
        double computedReservoir = pump.Supervisor.Reservoir.Computed.Value;
        return new Sample(
            world.Now,
            devices.PrescribedNanoliters / 1000.0,
            devices.ComputedDeliveredNanoliters / 1000.0,
            devices.PumpedNanoliters / 1000.0,
            devices.ToCsfNanoliters / 1000.0,
            world.Reservoir.Nanoliters / 1_000_000.0,
            computedReservoir / 1_000_000.0,
            world.Line.PressurePascals / 133.322,
            world.Patient.CsfPascals(world.Now) / 133.322,
            millivolts);
    }

}
