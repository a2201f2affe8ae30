using System.Text;
using OpenIdds.Bench.Balance;

namespace OpenIdds.Bench.Cli;

/// <summary>
/// What `bench record` shows while it records. On a terminal, one status line rewritten in place after
/// every tick (elapsed and remaining, the last mass, the recent flow against --rate, gaps and
/// reconnects), with the recorder's own messages printed above it; anywhere else (a file, a pipe, a
/// CI log), the same status as a plain line per tick.
/// </summary>
public sealed class RecordingDisplay(TextWriter output, bool live) : TextWriter
{
    private bool _statusShowing;

    public override Encoding Encoding => output.Encoding;

    /// <summary>True when <paramref name="output"/> is the console and the console is a terminal.</summary>
    public static bool IsTerminal(TextWriter output) => ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;

    public void Show(RecordingStatus status)
    {
        if (live)
        {
            output.Write("\r" + status.Line() + "\u001b[K");
            _statusShowing = true;
        }
        else output.WriteLine(status.Line());
        output.Flush();
    }

    /// <summary>A message from the recorder: above the status line, which the next tick draws again.</summary>
    public override void WriteLine(string? value)
    {
        if (_statusShowing)
        {
            output.Write("\r\u001b[K");
            _statusShowing = false;
        }
        output.WriteLine(value);
    }

    public override void Write(char value) => output.Write(value);

    /// <summary>Ends the status line, so that what follows starts on a line of its own.</summary>
    public void Finish()
    {
        if (!_statusShowing) return;
        output.WriteLine();
        _statusShowing = false;
    }
}
