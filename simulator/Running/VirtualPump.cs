using OpenIdds.Firmware.Control;
using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Units;
using OpenIdds.Simulator.Physics;

namespace OpenIdds.Simulator.Running;

/// <summary>
/// One simulated device: the physical world (board, head, line, patient, sensors) and the unchanged
/// firmware running on it - the safety supervisor wrapping the pump controller. The scenario runner
/// only talks to this class, so as the firmware grows (therapy, persistence) only this seam changes.
/// </summary>
public sealed class VirtualPump : IAlarmEventSink
{
    private readonly List<(long From, IRateProfile? Profile, long ResetAt)> _prescribed = new();
    private readonly Action<string, string, string> _log;
    private readonly long _clockDriftPpm;
    private readonly bool _implanted;
    private SafetyState _lastState;
    private long _lastMissed;
    private long _installedAt;
    private long _deliveredBefore;
    private long _stepsBefore;
    private long _missedBefore;
    private long _hungUntil = long.MinValue;
    private ControlLoopMonitor _loop = null!;

    /// <summary>The board's watchdog timeout: three of the longest sleeps (WATCHDOG-SAFE-RESTART).</summary>
    public static readonly Milliseconds WatchdogTimeout = new(3 * PumpController.MaxSleep.Value);

    public VirtualPump(PumpWorld world, Calibration calibration, long clockDriftPpm, bool implanted, Action<string, string, string> log)
    {
        World = world;
        Calibration = calibration;
        _clockDriftPpm = clockDriftPpm;
        _implanted = implanted;
        _log = log;
        _installedAt = world.Now;
        Supervisor = Boot(ResetCause.PowerOn);
    }

    public PumpWorld World { get; }
    public Calibration Calibration { get; }
    public SafetySupervisor Supervisor { get; private set; }
    public PumpController Pump => Supervisor.Pump;

    /// <summary>Delivered volume the firmware computes, across resets (each reset starts a new controller).</summary>
    public long DeliveredNanoliters => _deliveredBefore + Pump.Delivered.Value;
    public long StepsTaken => _stepsBefore + Pump.StepsTaken;
    public long StepsMissed => _missedBefore + Pump.StepsMissed;
    public string StateName => SafetyStateMachine.StateName(Supervisor.State);

    public long BoardTime(long trueTime) => BoardTime(trueTime, _installedAt);

    private long BoardTime(long trueTime, long resetAt)
    {
        long sinceReset = trueTime - resetAt;
        return sinceReset + sinceReset * _clockDriftPpm / 1_000_000;
    }

    /// <summary>The true time at which the board's clock reads <paramref name="boardTime"/> (rounded up).</summary>
    public long TrueTime(long boardTime)
    {
        if (boardTime == long.MaxValue) return long.MaxValue;
        long t = _installedAt + boardTime * 1_000_000 / (1_000_000 + _clockDriftPpm);
        while (BoardTime(t) < boardTime) t++;
        return t;
    }

    /// <summary>When the firmware wants to run next (or, while it hangs, when the watchdog will bite), in true time.</summary>
    public long NextWake => World.Now < _hungUntil
        ? Math.Min(_hungUntil, TrueTime(_loopLastBeat + WatchdogTimeout.Value + 1))
        : TrueTime(Supervisor.NextWake.Value);

    private long _loopLastBeat;

    /// <summary>The control loop hangs (a deadlock, a runaway driver call): it stops ticking and kicking the watchdog.</summary>
    public void Hang(long milliseconds) => _hungUntil = World.Now + milliseconds;

    /// <summary>Moves the world to <paramref name="trueTime"/> and lets the firmware do what is due.</summary>
    public void RunTo(long trueTime)
    {
        World.AdvanceTo(trueTime);
        World.Board.Clock.AdvanceTo(Math.Max(World.Board.Clock.ElapsedMilliseconds, BoardTime(trueTime)));
        var boardNow = new Milliseconds(World.Board.Clock.ElapsedMilliseconds);
        if (World.Now < _hungUntil)
        {
            if (_loop.Stalled(boardNow)) Restart(ResetCause.Watchdog, 0, "watchdog: no heartbeat for " + WatchdogTimeout.Value + " ms; motor disabled, device restarted");
            return;
        }
        Supervisor.Tick();
        _loop.Heartbeat(boardNow);
        _loopLastBeat = boardNow.Value;
        if (Pump.StepsMissed != _lastMissed)
        {
            _log("pump", "steps-missed", $"{Pump.StepsMissed - _lastMissed} step(s) late beyond tolerance, dropped (NO-CATCH-UP)");
            _lastMissed = Pump.StepsMissed;
        }
        if (Supervisor.State != _lastState)
        {
            _log("pump", "state", StateName);
            _lastState = Supervisor.State;
        }
    }

    /// <summary>A clinician programs a new therapy (null = stop).</summary>
    public void Program(IRateProfile? profile, string description)
    {
        long now = World.Now;
        if (profile == null) Supervisor.Stop();
        else
        {
            var peak = PeakRate.Of(profile, new Milliseconds(BoardTime(now)), Milliseconds.FromDays(2));
            if (!Supervisor.Start(profile, peak)) _log("pump", "program-refused", $"the pump is {StateName}: {description} not started");
        }
        _prescribed.Add((now, Supervisor.State is SafetyState.Running or SafetyState.Bolus ? profile : null, _installedAt));
        _log("pump", "programmed", description);
        _lastState = Supervisor.State;
    }

    /// <summary>The reservoir was refilled: the firmware's computed volume restarts from the new fill.</summary>
    public void Filled(long nanoliters) => Supervisor.Filled(new Nanoliters(nanoliters));

    /// <summary>A clinician acknowledges every alarm and resets latches; delivery stays stopped until programmed again.</summary>
    public void ClinicianReset()
    {
        bool reset = Supervisor.ClinicianReset();
        _log("clinician", "reset", reset ? "alarms acknowledged, latches reset: pump stopped, ready to program" : $"alarms acknowledged; still {StateName}");
        _prescribed.Add((World.Now, null, _installedAt));
    }

    /// <summary>Power is cut and comes back: the firmware restarts from scratch (the journal restores it once persistence exists).</summary>
    public void PowerCycle(long offMilliseconds) =>
        Restart(ResetCause.PowerOn, offMilliseconds, $"power restored after {offMilliseconds} ms; no journal yet, so the pump restarts stopped");

    private void Restart(ResetCause cause, long offMilliseconds, string why)
    {
        World.Board.Motor.Disable();
        _deliveredBefore += Pump.Delivered.Value;
        _stepsBefore += Pump.StepsTaken;
        _missedBefore += Pump.StepsMissed;
        World.AdvanceTo(World.Now + offMilliseconds);
        World.Board.Clock.Reset();
        _installedAt = World.Now;
        _hungUntil = long.MinValue;
        Supervisor = Boot(cause);
        _prescribed.Add((World.Now, null, _installedAt));
        _lastMissed = 0;
        _log("pump", "reset", why);
        _lastState = Supervisor.State;
        _log("pump", "state", StateName);
    }

    void IAlarmEventSink.Record(Milliseconds at, AlarmEventKind kind, AlarmCode code) =>
        _log("alarm", AlarmTable.Of(code).Name, kind switch
        {
            AlarmEventKind.Raised => "raised",
            AlarmEventKind.Silenced => "silenced",
            AlarmEventKind.Acknowledged => "acknowledged",
            AlarmEventKind.Cleared => "cleared",
            AlarmEventKind.Reannunciated => "re-annunciated",
            _ => "unknown",
        });

    /// <summary>Power-on: a new supervisor runs its two-tick self-test, then the reservoir's fill is known.</summary>
    private SafetySupervisor Boot(ResetCause cause)
    {
        var settings = new SupervisorSettings { Implanted = _implanted, HasPressureSensor = true, BatteryMicroampereHours = World.Parameters.BatteryMicroampereHours };
        var supervisor = new SafetySupervisor(World.Board.Hardware, Calibration, settings, this, storageValid: true, cause);
        supervisor.Tick();
        World.Board.Clock.AdvanceTo(World.Board.Clock.ElapsedMilliseconds + 1);
        supervisor.Tick();
        _loop = new ControlLoopMonitor(WatchdogTimeout, new Milliseconds(World.Board.Clock.ElapsedMilliseconds));
        _loopLastBeat = World.Board.Clock.ElapsedMilliseconds;
        supervisor.Filled(new Nanoliters((long)World.Reservoir.Nanoliters));
        _lastState = supervisor.State;
        return supervisor;
    }

    /// <summary>What the prescriptions in force asked for up to <paramref name="until"/> (true time), nL.</summary>
    public double PrescribedNanoliters(long until)
    {
        double sum = 0;
        for (int i = 0; i < _prescribed.Count; i++)
        {
            var (from, profile, resetAt) = _prescribed[i];
            long end = i + 1 < _prescribed.Count ? Math.Min(_prescribed[i + 1].From, until) : until;
            if (profile == null) continue;
            long t = BoardTime(from, resetAt), boardEnd = BoardTime(end, resetAt);
            while (t < boardEnd)
            {
                long rate = profile.RateAt(new Milliseconds(t), out var change).Value;
                long pieceEnd = Math.Min(change.Value, boardEnd);
                sum += (double)rate * (pieceEnd - t) / 3_600_000.0;
                t = pieceEnd;
            }
        }
        return sum;
    }
}
