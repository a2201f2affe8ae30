using System.Globalization;
using System.Text;
using System.Threading;
using OpenIdds.Bench.Balance;
using OpenIdds.Simulator.Device;
using OpenIdds.Simulator.Physics;

namespace OpenIdds.Tests.Host.Bench;

/// <summary>
/// A lab balance on a real pseudo-terminal, weighing with the simulator's <see cref="LabBalance"/> model
/// (resolution, noise, evaporation) a vessel that a pump fills at a constant rate. It answers MT-SICS
/// <c>SI</c> or SBI <c>ESC P</c> in the real line formats, every third reading dynamic (a vessel being
/// filled rarely settles). The recorder opens it through a symbolic link, as a bench opens a balance
/// through /dev/serial/by-id: <see cref="Unplug"/> closes the pty and removes the link, the way udev
/// does when the cable is pulled, and <see cref="Plug"/> brings up a new pty behind the same link.
/// </summary>
public sealed class SimulatedBalance : IDisposable
{
    private readonly BalanceProtocol _protocol;
    private readonly ScaledClock _clock;
    private readonly double _nanolitersPerMillisecond;
    private readonly LabBalance _model = new(new PhysicsParameters(), new SimulationRandom(20261124));
    private PseudoTerminalLink? _pty;
    private Thread? _thread;
    private volatile bool _stop;

    public SimulatedBalance(string linkPath, BalanceProtocol protocol, ScaledClock clock, double deliveredMicrolitersPerHour)
    {
        LinkPath = linkPath;
        _protocol = protocol;
        _clock = clock;
        _nanolitersPerMillisecond = deliveredMicrolitersPerHour * 1000 / 3_600_000;
    }

    public string LinkPath { get; }
    public int Answered { get; private set; }

    /// <summary>Replies after the first <see cref="PromptReplies"/> leave this long (run time) after their request: a balance that answers late.</summary>
    public long ReplyDelayMilliseconds { get; init; }
    public int PromptReplies { get; init; }

    public void Plug()
    {
        _pty = new PseudoTerminalLink();
        File.CreateSymbolicLink(LinkPath, _pty.SlavePath);
        _stop = false;
        var pty = _pty;
        _thread = new Thread(() => Serve(pty)) { IsBackground = true, Name = "simulated balance" };
        _thread.Start();
    }

    public void Unplug()
    {
        _stop = true;
        _thread?.Join();
        File.Delete(LinkPath);
        _pty?.Dispose();
        _pty = null;
    }

    private void Serve(PseudoTerminalLink pty)
    {
        var command = new StringBuilder();
        var buffer = new byte[64];
        var onTheWay = new Queue<(long Due, byte[] Bytes)>();
        try
        {
            while (!_stop)
            {
                while (onTheWay.Count > 0 && onTheWay.Peek().Due <= _clock.ElapsedMilliseconds)
                {
                    byte[] late = onTheWay.Dequeue().Bytes;
                    pty.Write(late, 0, late.Length);
                }
                int n = pty.Read(buffer, 0, buffer.Length);
                if (n <= 0) { Thread.Sleep(onTheWay.Count > 0 ? 1 : 5); continue; }
                for (int i = 0; i < n; i++)
                {
                    char c = (char)buffer[i];
                    if (c != '\n') { if (c != '\r') command.Append(c); continue; }
                    string? reply = Answer(command.ToString());
                    command.Clear();
                    if (reply == null) continue;
                    byte[] bytes = Encoding.ASCII.GetBytes(reply);
                    if (Answered > PromptReplies && ReplyDelayMilliseconds > 0) onTheWay.Enqueue((_clock.ElapsedMilliseconds + ReplyDelayMilliseconds, bytes));
                    else pty.Write(bytes, 0, bytes.Length);
                }
            }
        }
        catch (IOException) { }
    }

    private string? Answer(string command)
    {
        bool weight = _protocol == BalanceProtocol.MtSics ? command == "SI" : command == "\u001bP";
        if (!weight) return _protocol == BalanceProtocol.MtSics ? "ES\r\n" : null;
        long now = _clock.ElapsedMilliseconds;
        double grams = _model.ReadMilligrams(_nanolitersPerMillisecond * now, now) / 1000;
        bool stable = Answered++ % 3 != 2;
        if (_protocol == BalanceProtocol.MtSics)
            return string.Create(CultureInfo.InvariantCulture, $"S {(stable ? 'S' : 'D')} {grams,10:0.00000} g\r\n");
        // SBI, 16 characters: sign, space, value in 8, space, unit in 3 (blank when unstable), CR LF.
        return string.Create(CultureInfo.InvariantCulture, $"{(grams < 0 ? '-' : '+')} {Math.Abs(grams),8:0.00000} {(stable ? "g  " : "   ")}\r\n");
    }

    public void Dispose()
    {
        if (_pty != null) Unplug();
    }
}
