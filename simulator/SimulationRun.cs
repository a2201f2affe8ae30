using OpenIdds.Firmware.Control;
using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Units;
using OpenIdds.Simulator.Virtual;

namespace OpenIdds.Simulator;

/// <summary>
/// Drives the unchanged firmware core on a virtual board in event-driven time: the pump says when it
/// wants to wake, virtual time jumps there, nothing sleeps. Alongside, it integrates the prescribed
/// profile on its own, so delivery (counted from STEP pin edges) can be checked against prescription.
/// </summary>
public sealed class SimulationRun
{
    private readonly List<(long From, IRateProfile Profile)> _history = new();

    public SimulationRun(Calibration calibration, long truePicolitersPerStep)
    {
        Board = new VirtualBoard(truePicolitersPerStep);
        Pump = new PumpController(Board.Hardware, calibration);
    }

    public VirtualBoard Board { get; }
    public PumpController Pump { get; }
    public long Now => Board.Clock.ElapsedMilliseconds;
    public long Ticks { get; private set; }

    public void Start(IRateProfile profile)
    {
        Pump.Start(profile);
        _history.Add((Now, profile));
    }

    public void ChangeProfile(IRateProfile profile)
    {
        Pump.ChangeProfile(profile);
        _history.Add((Now, profile));
    }

    /// <summary>Runs the pump until virtual time <paramref name="until"/> (ms), waking only when it asks to.</summary>
    public void RunUntil(long until)
    {
        while (Now < until)
        {
            long wake = Pump.NextWake.Value;
            Board.Clock.AdvanceTo(Math.Min(Math.Max(wake, Now + 1), until));
            Pump.Tick();
            Ticks++;
        }
    }

    /// <summary>The prescribed volume up to <paramref name="until"/>: the exact integral of every profile that ran, in pL.</summary>
    public long PrescribedPicoliters(long until)
    {
        Int128 sum = 0;
        for (int i = 0; i < _history.Count; i++)
        {
            long end = i + 1 < _history.Count ? Math.Min(_history[i + 1].From, until) : until;
            long t = _history[i].From;
            while (t < end)
            {
                long rate = _history[i].Profile.RateAt(new Milliseconds(t), out var change).Value;
                long pieceEnd = Math.Min(change.Value, end);
                sum += (Int128)rate * (pieceEnd - t);
                t = pieceEnd;
            }
        }
        // nL/h x ms -> pL: x 1000 / 3,600,000.
        return (long)(sum / 3600);
    }
}
