using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading;
using OpenIdds.Hal;
using OpenIdds.Simulator.Running;
using OpenIdds.Simulator.Scenarios;

namespace OpenIdds.Simulator.Device;

/// <summary>
/// A pump a programmer can talk to exactly as to a board: a scenario's world and the unchanged
/// firmware, run in real time (speed 1) or accelerated, with the board's UART plugged into a
/// pseudo-terminal or a TCP port. Virtual time follows the wall clock times the speed; when bytes
/// arrive the firmware wakes at once and answers (the UART interrupt). Faults can be injected while
/// it runs (<see cref="Inject"/>), as a scenario's actions are. One thread owns the simulation.
/// </summary>
public sealed class VirtualDevice
{
    private readonly ISerialLink _link;
    private readonly Func<bool> _hasInput;
    private readonly ConcurrentQueue<ScenarioAction> _injected = new();

    public VirtualDevice(Scenario scenario, VirtualLinkPort port, double speed)
    {
        if (speed <= 0 || double.IsNaN(speed)) throw new ScenarioException($"--speed {speed}: virtual time must run forward (above 0)");
        Session = new ScenarioSession(scenario);
        Speed = speed;
        _link = port.Link;
        _hasInput = port.HasInput;
        Session.Pump.World.Board.Link.Plugged = _link;
    }

    public ScenarioSession Session { get; }
    public double Speed { get; }

    /// <summary>The device id the firmware reports (its development keys derive from it).</summary>
    public string DeviceId => Session.Pump.Setup.DeviceId;

    /// <summary>Frames the firmware answered since it started (for tests and the status line).</summary>
    public long FramesAnswered => Session.Pump.Pump.Endpoint.FramesAccepted + Session.Pump.Pump.Endpoint.FramesRefused;

    /// <summary>A fault or action to apply at the device's current time (thread-safe; applied by the simulation thread).</summary>
    public void Inject(ScenarioAction action) => _injected.Enqueue(action);

    /// <summary>Runs until <paramref name="stop"/> is cancelled or the scenario's duration is reached.</summary>
    public void Run(CancellationToken stop)
    {
        var wall = Stopwatch.StartNew();
        long start = Session.Now;
        while (!stop.IsCancellationRequested && Session.Now < Session.Duration)
        {
            long target = start + (long)(wall.Elapsed.TotalMilliseconds * Speed);
            if (target > Session.Now) Session.RunUntil(target);
            while (_injected.TryDequeue(out var action)) Session.Apply(action);
            // Plugging a new link in after a reset: the board object is the same, the firmware is new.
            Session.Pump.World.Board.Link.Plugged = _link;
            if (_hasInput()) Session.Interrupt();
            else Thread.Sleep(1);
        }
    }
}

/// <summary>Where the virtual device's UART goes: a pseudo-terminal or a TCP port.</summary>
public sealed class VirtualLinkPort : IDisposable
{
    private readonly IDisposable _owner;

    private VirtualLinkPort(ISerialLink link, Func<bool> hasInput, string address, IDisposable owner)
    {
        Link = link;
        HasInput = hasInput;
        Address = address;
        _owner = owner;
    }

    public ISerialLink Link { get; }
    public Func<bool> HasInput { get; }

    /// <summary>What a programmer passes as --port: a device node, or tcp://127.0.0.1:PORT.</summary>
    public string Address { get; }

    public static VirtualLinkPort PseudoTerminal()
    {
        var pty = new PseudoTerminalLink();
        return new VirtualLinkPort(pty, () => pty.HasInput, pty.SlavePath, pty);
    }

    public static VirtualLinkPort Tcp(int port)
    {
        var tcp = new TcpLink(port);
        return new VirtualLinkPort(tcp, () => tcp.HasInput, $"tcp://127.0.0.1:{tcp.Port}", tcp);
    }

    public void Dispose() => _owner.Dispose();
}
