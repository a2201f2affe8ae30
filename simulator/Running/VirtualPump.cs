using OpenIdds.Firmware.Control;
using OpenIdds.Firmware.Device;
using OpenIdds.Firmware.Persistence;
using OpenIdds.Firmware.Protocol;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;
using OpenIdds.Simulator.Physics;

namespace OpenIdds.Simulator.Running;

/// <summary>
/// One simulated device: the physical world (board, head, line, patient, sensors) and the unchanged
/// firmware running on it - the whole InfusionPump, with its therapy, safety supervisor, journal and
/// protocol endpoint. A power cut or a watchdog restart boots a new InfusionPump on the same board and
/// flash, so recovery is the firmware's own. Everything the firmware logs to its event log is copied
/// into the simulation's event log as it happens (alarms under "alarm", the rest under "firmware").
/// </summary>
public sealed class VirtualPump
{
    private readonly Action<string, string, string> _log;
    private readonly long _clockDriftPpm;
    private SafetyState _lastState;
    private long _lastMissed;
    private long _missedBefore;
    private long _installedAt;
    private long _hungUntil = long.MinValue;
    private long _offUntil = long.MinValue;
    private ResetCause _offCause;
    private string _offWhy = "";
    private long _offLength;
    private long _selfTestStepDue;
    private long _loopLastBeat;
    private uint _eventsSeen;
    private ControlLoopMonitor _loop = null!;

    /// <summary>The board's watchdog timeout: three of the longest sleeps (WATCHDOG-SAFE-RESTART).</summary>
    public static readonly Milliseconds WatchdogTimeout = ControlLoopMonitor.DefaultTimeout;

    public VirtualPump(PumpWorld world, PumpSetup setup, long clockDriftPpm, Action<string, string, string> log)
    {
        World = world;
        Setup = setup;
        _clockDriftPpm = clockDriftPpm;
        _log = log;
        _installedAt = world.Now;
        Pump = Boot(ResetCause.PowerOn);
    }

    public PumpWorld World { get; }
    public PumpSetup Setup { get; }

    /// <summary>The firmware now running on the board (a new one after each reset).</summary>
    public InfusionPump Pump { get; private set; }

    public SafetySupervisor Supervisor => Pump.Supervisor;

    /// <summary>Delivered volume the firmware computes: its step count (journaled across resets) times its calibration.</summary>
    public long DeliveredNanoliters => Pump.Controller.Delivered.Value;
    public long StepsTaken => Pump.Controller.StepsTaken;
    public long StepsMissed => _missedBefore + Pump.Controller.StepsMissed;
    public string StateName => SafetyStateMachine.StateName(Supervisor.State);

    /// <summary>What the therapy's plans asked for (the exact integral of their profiles, priming and boluses included), nL.</summary>
    public long PrescribedNanoliters => Pump.Therapy.PlannedVolume.Value;

    /// <summary>The board's clock (milliseconds since its last reset) at a true time.</summary>
    public long BoardTime(long trueTime)
    {
        long sinceReset = trueTime - _installedAt;
        // A board without drift (most scenarios) reads true time since its reset: no division per wake-up.
        if (_clockDriftPpm == 0) return sinceReset;
        return sinceReset + sinceReset * _clockDriftPpm / 1_000_000;
    }

    /// <summary>The true time at which the board's clock reads <paramref name="boardTime"/> (rounded up).</summary>
    public long TrueTime(long boardTime)
    {
        if (boardTime == long.MaxValue) return long.MaxValue;
        if (_clockDriftPpm == 0) return _installedAt + boardTime;
        long t = _installedAt + boardTime * 1_000_000 / (1_000_000 + _clockDriftPpm);
        while (BoardTime(t) < boardTime) t++;
        return t;
    }

    /// <summary>When the firmware wants to run next (or, while it hangs, when the watchdog will bite), in true time.</summary>
    public long NextWake
    {
        get
        {
            if (PoweredOff) return _offUntil;
            if (World.Now < _hungUntil) return Math.Min(_hungUntil, TrueTime(_loopLastBeat + WatchdogTimeout.Value + ControlLoopMonitor.CheckPeriodOf(WatchdogTimeout).Value));
            long pumpWake = Pump.NextWake.Value;
            if (pumpWake == long.MaxValue) return long.MaxValue;
            // The firmware's wake is in pump time; the board's clock is pump time minus the journal's offset.
            long offset = Pump.Clock.ElapsedMilliseconds - World.Board.Clock.ElapsedMilliseconds;
            return TrueTime(pumpWake - offset);
        }
    }

    /// <summary>True while the board has no power (a power-loss outage): nothing runs, the world goes on.</summary>
    public bool PoweredOff => _offUntil != long.MinValue;

    /// <summary>The control loop hangs (a deadlock, a runaway driver call): it stops ticking and kicking the watchdog.</summary>
    public void Hang(long milliseconds) => _hungUntil = World.Now + milliseconds;

    /// <summary>Moves the world to <paramref name="trueTime"/> and lets the firmware do what is due.</summary>
    public void RunTo(long trueTime)
    {
        if (PoweredOff)
        {
            World.AdvanceTo(Math.Min(trueTime, _offUntil));
            if (trueTime < _offUntil) return;
            PowerOn();
        }
        World.AdvanceTo(trueTime);
        World.Board.Clock.AdvanceTo(Math.Max(World.Board.Clock.ElapsedMilliseconds, BoardTime(trueTime)));
        var boardNow = new Milliseconds(World.Board.Clock.ElapsedMilliseconds);
        if (World.Now < _hungUntil)
        {
            if (_loop.Stalled(boardNow)) Restart(ResetCause.Watchdog, 0, "watchdog: no heartbeat for " + WatchdogTimeout.Value + " ms; motor disabled, device restarted");
            return;
        }
        // The board loop ticks only when the pump is due (BoardLoop): inside the power-on self-test's
        // window a wake (a fault line, a button) waits for its second step, as on the board.
        if (Supervisor.State == SafetyState.PowerOnSelfTest && Pump.Clock.ElapsedMilliseconds < _selfTestStepDue) return;
        Pump.Tick();
        _loop.Heartbeat(boardNow);
        _loopLastBeat = boardNow.Value;
        AfterTick();
    }

    /// <summary>Copies new firmware events into the simulation log and notes state changes and dropped steps.</summary>
    private void AfterTick()
    {
        CopyFirmwareEvents();
        if (Pump.Controller.StepsMissed != _lastMissed)
        {
            _log("pump", "steps-missed", $"{Pump.Controller.StepsMissed - _lastMissed} step(s) late beyond tolerance, dropped (NO-CATCH-UP)");
            _lastMissed = Pump.Controller.StepsMissed;
        }
        if (Supervisor.State != _lastState)
        {
            _log("pump", "state", StateName);
            _lastState = Supervisor.State;
        }
    }

    /// <summary>A clinician programs a new therapy through the firmware's own checks (confirming soft limits, as a scenario's clinician has).</summary>
    public void Program(Prescription prescription, string description)
    {
        CheckReport report = Pump.Program(prescription, confirmed: true);
        _log("pump", report.Accepted ? "programmed" : "program-refused", report.Accepted ? description : description + ": " + report);
        AfterTick();
    }

    /// <summary>A refill session: the clinician withdraws <paramref name="withdrawn"/> (what they measure), adds <paramref name="added"/>.</summary>
    public RefillResult Refill(Nanoliters withdrawn, Nanoliters added, Drug drug, Nanoliters lowThreshold)
    {
        Nanoliters expected = Pump.BeginRefill();
        RefillResult result = Pump.CompleteRefill(withdrawn, added, drug, lowThreshold, confirmed: true);
        _log("pump", result.Report.Accepted ? "refilled" : "refill-refused",
            $"expected {expected}, withdrawn {withdrawn}, discrepancy {(result.DiscrepancyPermille == long.MaxValue ? "all" : (result.DiscrepancyPermille / 10.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " %")}" +
            (result.Report.Accepted ? "" : ": " + result.Report));
        AfterTick();
        return result;
    }

    /// <summary>A clinician acknowledges every alarm and resets latches; delivery stays stopped until programmed again.</summary>
    public void ClinicianReset()
    {
        bool reset = Pump.ClinicianReset();
        _log("clinician", "reset", reset ? "alarms acknowledged, latches reset: pump stopped, ready to program" : $"alarms acknowledged; still {StateName}");
        AfterTick();
    }

    /// <summary>Power is cut and comes back: the firmware boots again and restores itself from its journal.</summary>
    /// <summary>An outage this short is a glitch: the MCU's brown-out detector resets it (ResetCause.BrownOut); longer is a power-on reset.</summary>
    public const long GlitchMilliseconds = 1000;

    public void PowerCycle(long offMilliseconds) =>
        Restart(offMilliseconds <= GlitchMilliseconds ? ResetCause.BrownOut : ResetCause.PowerOn, offMilliseconds, $"power restored after {offMilliseconds} ms; the journal restores the therapy");

    /// <summary>
    /// The board goes down: the motor stops and, after <paramref name="offMilliseconds"/> without power
    /// (0: at once, as a watchdog reset), it boots again. While it is off the world goes on and a
    /// scenario's physical faults still act on it, so a fault timed inside the outage is there at power-on.
    /// </summary>
    private void Restart(ResetCause cause, long offMilliseconds, string why)
    {
        World.Board.Motor.Disable();
        _missedBefore += Pump.Controller.StepsMissed;
        CopyFirmwareEvents();
        _offUntil = World.Now + offMilliseconds;
        _offCause = cause;
        _offWhy = why;
        _offLength = offMilliseconds;
        if (offMilliseconds == 0) PowerOn();
    }

    private void PowerOn()
    {
        World.AdvanceTo(_offUntil);
        _offUntil = long.MinValue;
        World.Board.Reset();
        _installedAt = World.Now;
        _hungUntil = long.MinValue;
        _lastMissed = 0;
        _log("pump", "reset", _offWhy);
        Pump = Boot(_offCause, completeSelfTest: _offLength == 0);
        _log("pump", "state", StateName);
        // What the journal restored, as the clinician's status screen would show it after reconnecting.
        _log("pump", "therapy", ProtocolActions.Running(this));
    }

    /// <summary>
    /// Power-on: the firmware boots on the board, restores its journal and takes its self-test's first
    /// step. After an outage the second step (1 ms on) comes in scenario time, so an action at the
    /// power-on instant falls inside the self-test's window; the first pump of a scenario and a watchdog
    /// restart take both steps at once.
    /// </summary>
    private InfusionPump Boot(ResetCause cause, bool completeSelfTest = true)
    {
        Setup.ResetCause = cause;
        // The event log is the same ring in the same flash: its sequence numbers go on across the reset,
        // so what this boot logs (the reset, restored latches) is copied from where the last one stopped.
        var pump = new InfusionPump(World.Board.Hardware, Setup);
        pump.Tick();
        if (completeSelfTest)
        {
            World.Board.Clock.AdvanceTo(World.Board.Clock.ElapsedMilliseconds + 1);
            pump.Tick();
        }
        _selfTestStepDue = pump.NextWake.Value;
        _loop = new ControlLoopMonitor(WatchdogTimeout, new Milliseconds(World.Board.Clock.ElapsedMilliseconds));
        _loopLastBeat = World.Board.Clock.ElapsedMilliseconds;
        _lastState = pump.Supervisor.State;
        Pump = pump;
        CopyFirmwareEvents();
        return pump;
    }

    private void CopyFirmwareEvents()
    {
        EventLog log = Pump.Events;
        for (uint s = _eventsSeen + 1; s <= log.Newest; s++)
        {
            if (!log.Read(s, out var kind, out _, out long a, out long b)) continue;
            switch (kind)
            {
                case EventKind.AlarmRaised: _log("alarm", AlarmTable.Of((AlarmCode)a).Name, "raised"); break;
                case EventKind.AlarmCleared: _log("alarm", AlarmTable.Of((AlarmCode)a).Name, "cleared"); break;
                case EventKind.AlarmSilenced: _log("alarm", AlarmTable.Of((AlarmCode)a).Name, "silenced"); break;
                case EventKind.AlarmAcknowledged: _log("alarm", AlarmTable.Of((AlarmCode)a).Name, "acknowledged"); break;
                case EventKind.AlarmReannunciated: _log("alarm", AlarmTable.Of((AlarmCode)a).Name, "re-annunciated"); break;
                case EventKind.AlarmSilenceRefused: _log("alarm", AlarmTable.Of((AlarmCode)a).Name, "silence-refused"); break;
                case EventKind.HourlyDelivery: break; // the runner logs its own hourly line, with the physics beside it
                default: _log("firmware", EventKindName.Of(kind), ProtocolEventText.Describe(kind, a, b)); break;
            }
        }
        _eventsSeen = log.Newest;
    }
}
