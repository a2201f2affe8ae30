using OpenIdds.Firmware.Control;
using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Units;
using OpenIdds.Simulator.Physics;

namespace OpenIdds.Simulator.Running;

/// <summary>
/// One simulated device: the physical world (board, head, line, patient, sensors) and the unchanged
/// firmware running on it. The scenario runner only talks to this class, so as the firmware grows
/// (therapy, alarms, persistence) only this seam changes.
/// </summary>
public sealed class VirtualPump
{
    private readonly List<(long From, IRateProfile? Profile, long ResetAt)> _prescribed = new();
    private readonly Action<string, string, string> _log;
    private readonly long _clockDriftPpm;
    private PumpState _lastState;
    private long _lastMissed;
    private long _installedAt;

    public VirtualPump(PumpWorld world, Calibration calibration, long clockDriftPpm, Action<string, string, string> log)
    {
        World = world;
        Calibration = calibration;
        _clockDriftPpm = clockDriftPpm;
        _log = log;
        _installedAt = world.Now;
        Firmware = new PumpController(world.Board.Hardware, calibration);
    }

    public PumpWorld World { get; }
    public Calibration Calibration { get; }
    public PumpController Firmware { get; private set; }

    /// <summary>The board's clock for a true time: a drifting crystal runs fast or slow by ppm.</summary>
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

    /// <summary>When the firmware wants to run next, in true time.</summary>
    public long NextWake => TrueTime(Firmware.NextWake.Value);

    /// <summary>Moves the world to <paramref name="trueTime"/> and lets the firmware do what is due.</summary>
    public void RunTo(long trueTime)
    {
        World.AdvanceTo(trueTime);
        World.Board.Clock.AdvanceTo(Math.Max(World.Board.Clock.ElapsedMilliseconds, BoardTime(trueTime)));
        Firmware.Tick();
        if (Firmware.StepsMissed != _lastMissed)
        {
            _log("pump", "steps-missed", $"{Firmware.StepsMissed - _lastMissed} step(s) late beyond tolerance, dropped (NO-CATCH-UP)");
            _lastMissed = Firmware.StepsMissed;
        }
        if (Firmware.State != _lastState)
        {
            _log("pump", "state", PumpController.PumpStateName(Firmware.State));
            if (Firmware.State == PumpState.Faulted) _log("pump", "faulted", "motor stall or driver fault: motor disabled");
            _lastState = Firmware.State;
        }
    }

    /// <summary>A clinician programs a new therapy (null = stop).</summary>
    public void Program(IRateProfile? profile, string description)
    {
        long now = World.Now;
        if (profile == null) Firmware.Stop();
        else if (Firmware.State == PumpState.Running) Firmware.ChangeProfile(profile);
        else
        {
            if (Firmware.State == PumpState.Faulted) Firmware.ClearFault();
            Firmware.Start(profile);
        }
        _prescribed.Add((now, profile, _installedAt));
        _log("pump", "programmed", description);
        _lastState = Firmware.State;
    }

    /// <summary>Power is cut and comes back: the firmware restarts from scratch (the journal restores it once persistence exists).</summary>
    public void PowerCycle(long offMilliseconds)
    {
        World.Board.Motor.Disable();
        World.AdvanceTo(World.Now + offMilliseconds);
        World.Board.Clock.Reset();
        _installedAt = World.Now;
        Firmware = new PumpController(World.Board.Hardware, Calibration);
        _prescribed.Add((World.Now, null, _installedAt));
        _lastState = Firmware.State;
        _lastMissed = 0;
        _log("pump", "reset", $"power restored after {offMilliseconds} ms; no journal yet, so the pump restarts stopped");
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
