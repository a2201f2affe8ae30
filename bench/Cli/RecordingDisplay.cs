using System.Text;
using OpenIdds.Bench.Balance;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OpenIdds.Bench.Cli;

/// <summary>
/// What `bench record` shows while it records. On a terminal, a Spectre.Console live display: a bar of
/// the run's time, the status after every tick (elapsed and remaining, the last mass, the recent flow
/// against --rate, gaps and reconnects) and the recorder's latest messages, all of which are printed
/// again as plain lines when the recording ends. Anywhere else (a file, a pipe, a CI log), the status
/// as a plain line per tick and the messages as they come.
/// </summary>
public sealed class RecordingDisplay(TextWriter output, bool live) : TextWriter
{
    private const int MessagesShown = 8;
    private readonly List<string> _messages = new();
    private LiveDisplayContext? _context;
    private RecordingStatus? _status;

    public override Encoding Encoding => output.Encoding;

    /// <summary>True when <paramref name="output"/> is the console and the console is a terminal.</summary>
    public static bool IsTerminal(TextWriter output) => ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;

    /// <summary>Runs <paramref name="recording"/> under the live display on a terminal, or as it is elsewhere.</summary>
    public void Run(Action recording)
    {
        if (!live) { recording(); return; }
        try
        {
            AnsiConsole.Live(View()).AutoClear(false).Start(ctx =>
            {
                _context = ctx;
                recording();
            });
        }
        finally
        {
            _context = null;
            foreach (string message in _messages) output.WriteLine(message);
        }
    }

    public void Show(RecordingStatus status)
    {
        _status = status;
        if (_context != null) { _context.UpdateTarget(View()); _context.Refresh(); return; }
        output.WriteLine(status.Line());
        output.Flush();
    }

    /// <summary>A message from the recorder: kept in the live display, or printed at once.</summary>
    public override void WriteLine(string? value)
    {
        if (_context == null) { output.WriteLine(value); return; }
        _messages.Add(value ?? "");
        _context.UpdateTarget(View());
        _context.Refresh();
    }

    public override void Write(char value) => output.Write(value);

    /// <summary>Kept for the plain mode's callers: the live display ends with <see cref="Run"/>.</summary>
    public void Finish() => output.Flush();

    private IRenderable View()
    {
        var rows = new List<IRenderable>();
        if (_status is { } s)
        {
            double done = s.DurationMilliseconds > 0 ? Math.Min(1, (double)s.ElapsedMilliseconds / s.DurationMilliseconds) : 0;
            rows.Add(new BarChart().Width(60).AddItem("run", Math.Round(100 * done, 1), Color.Green).WithMaxValue(100));
            foreach (string part in s.Line().Split(" | ")) rows.Add(new Text(part));
        }
        else rows.Add(new Text("waiting for the first reading"));
        foreach (string message in _messages.Skip(Math.Max(0, _messages.Count - MessagesShown))) rows.Add(new Text(message, new Style(Color.Yellow)));
        return new Panel(new Rows(rows)).Header("bench record").Expand();
    }
}
