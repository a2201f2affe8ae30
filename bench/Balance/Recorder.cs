using System.Globalization;
using OpenIdds.Bench.Analysis;

namespace OpenIdds.Bench.Balance;

/// <summary>
/// `bench record`: reads the balance at a fixed interval and appends each reading to the CSV as it goes
/// (flushed per line, so a crash loses nothing already read). Ticks are absolute (start + n x interval),
/// never accumulated sleeps, so the grid does not drift; each row also keeps the time the reply really
/// came (<c>measured_ms</c>). Overload, underload, error replies and a silent or disconnected balance
/// become gap rows - the time is kept, the mass is not invented. A lost link is reopened with a bounded
/// backoff between ticks, for as long as the run lasts, so a cable pulled and plugged back costs only
/// the ticks it was out.
/// </summary>
public sealed class Recorder(BalanceDevice balance, IBalanceTransport transport, IBenchClock clock, TextWriter? log = null)
{
    public int Readings { get; private set; }
    public int Unstable { get; private set; }
    public int Gaps { get; private set; }
    public int Reconnects { get; private set; }
    public List<string> Notes { get; } = new();

    private TextWriter? _csv;

    /// <summary>
    /// Opens the balance before the run starts, retrying with <see cref="ReconnectBackoff"/> until
    /// <paramref name="timeoutMilliseconds"/> has passed - a balance still warming up or a cable plugged
    /// in late is waited for, a wrong port name is not waited for forever.
    /// </summary>
    /// <exception cref="BalanceNotConnectedException">it could not be opened in time; the message has the last error.</exception>
    public void Connect(long timeoutMilliseconds)
    {
        var backoff = new ReconnectBackoff();
        long deadline = clock.ElapsedMilliseconds + timeoutMilliseconds;
        for (int tries = 1; ; tries++)
        {
            try
            {
                transport.Open();
                if (tries > 1) Say($"balance connected after {tries} tries");
                return;
            }
            catch (Exception e) when (IsLinkFailure(e))
            {
                long now = clock.ElapsedMilliseconds;
                if (now >= deadline)
                    throw new BalanceNotConnectedException(string.Create(CultureInfo.InvariantCulture, $"{e.Message} (tried {tries} times in {timeoutMilliseconds / 1000.0:0.#} s)"), e);
                if (tries == 1) Say($"waiting for the balance: {e.Message}");
                clock.Sleep(Math.Min(backoff.Next(), deadline - now));
            }
        }
    }

    /// <summary>
    /// Rule FAIL-FAST: when this many ticks from the start bring no weight, the recording stops (a wrong
    /// --protocol, baud rate or cable gives nothing but gaps, and would otherwise be found only at the end
    /// of a 2 h or 48 h run).
    /// </summary>
    public const int FailFastTicks = 3;

    /// <summary>Called after every tick with where the recording stands (the live display).</summary>
    public Action<RecordingStatus>? Progress { get; init; }

    /// <summary>The pump's set rate, uL/h, for the display's flow comparison; null when not given.</summary>
    public double? SetRateMicrolitersPerHour { get; init; }

    private readonly List<string> _received = new();
    private readonly Queue<(long Measured, double Milligrams)> _recent = new();
    private string? _lastGap;
    private long? _lastReading;

    /// <summary>How long a request waits for its reply; never past the next tick.</summary>
    public long ReplyTimeoutMilliseconds { get; init; } = (long)BalanceDevice.ReplyTimeout.TotalMilliseconds;

    /// <summary>
    /// Records readings at 0, S, 2S, ... up to <paramref name="durationMilliseconds"/>, on a link that <see cref="Connect"/> opened.
    /// <para>
    /// Rule REPLY-MATCHING: a reply is taken only as the answer to the request just sent, within the reply
    /// timeout and before the next tick. MT-SICS and SBI replies carry no request number, and a balance
    /// answers its requests in order, one line each: so the recorder sends no request while an earlier
    /// one is unanswered. A request that timed out is owed a reply; at every tick until it comes nothing
    /// is asked, the recorder listens through the interval, and the tick is a gap: "late" with the text
    /// received when the owed reply came, "no-reply" when nothing did. The owed reply is written off only
    /// when the link fails (the line, and what was on it, is gone), never for silence alone, so a reply
    /// held any number of intervals is never a later request's reading. Lines that arrive unasked between
    /// ticks are dropped before each request.
    /// </para>
    /// </summary>
    /// <param name="startedAt">the host's clock at time 0, written into the first row's note (<see cref="BalanceCsv.StartedNote"/>) so that `bench compare` can line the readings up with the pump's exported log</param>
    public void Record(TextWriter csv, long intervalMilliseconds, long durationMilliseconds, DateTimeOffset? startedAt = null)
    {
        _startNote = startedAt is DateTimeOffset at ? BalanceCsv.StartedNote(at) : null;
        if (intervalMilliseconds <= 0) throw new ArgumentOutOfRangeException(nameof(intervalMilliseconds), $"interval {intervalMilliseconds} ms must be above 0 ms");
        _csv = csv;
        csv.WriteLine(BalanceCsv.Header);
        csv.Flush();
        long start = clock.ElapsedMilliseconds;
        bool connected = true;
        var backoff = new ReconnectBackoff();
        long nextAttempt = 0;
        long? unanswered = null;   // the tick whose request went unanswered: its reply may still come

        for (long n = 0; n * intervalMilliseconds <= durationMilliseconds; Report(n * intervalMilliseconds, durationMilliseconds), n++)
        {
            if (n >= FailFastTicks && Readings == 0)
                throw new BalanceGivesNoWeightException(FailFastTicks, _received.ToList(), NoWeightDiagnosis.Suggest(balance.Protocol, _received));
            long t = n * intervalMilliseconds, due = start + t, nextDue = due + intervalMilliseconds;
            // Wait for the tick; while the balance is away, keep trying to open it.
            while (true)
            {
                if (!connected && clock.ElapsedMilliseconds >= nextAttempt)
                {
                    try
                    {
                        transport.Open();
                        connected = true;
                        Reconnects++;
                        Say($"{Ms(clock.ElapsedMilliseconds - start)}: balance reconnected");
                    }
                    catch (Exception e) when (IsLinkFailure(e))
                    {
                        nextAttempt = clock.ElapsedMilliseconds + backoff.Next();
                        if (backoff.Attempts == 1) Say($"{Ms(clock.ElapsedMilliseconds - start)}: reconnecting: {e.Message}");
                        unanswered = null;   // the balance is gone: its reply with it
                    }
                }
                long now = clock.ElapsedMilliseconds;
                if (now >= due) break;
                clock.Sleep(Math.Max(1, (connected ? due : Math.Min(due, nextAttempt)) - now));
            }

            long measured = clock.ElapsedMilliseconds - start;
            // A reading taken more than half an interval after its tick would belong to the next one:
            // mark the tick lost instead (only a long reconnect before it can cause this).
            if (measured - t > intervalMilliseconds / 2) { Gap(t, measured, "missed-tick", $"{measured - t} ms after its tick"); continue; }
            if (!connected) { Gap(t, measured, "disconnected", "balance not connected"); unanswered = null; continue; }
            try
            {
                if (unanswered is long asked)
                {
                    var late = Listen(nextDue);
                    _received.AddRange(late);
                    measured = clock.ElapsedMilliseconds - start;
                    if (late.Count > 0)
                    {
                        unanswered = null;
                        Gap(t, measured, "late", $"{ReceivedText.Quote(late[0])} answered the {Ms(asked)} request after it had timed out; nothing was asked at this tick", late[0]);
                    }
                    else Gap(t, measured, "no-reply", $"still no reply to the {Ms(asked)} request; nothing is asked until it comes");
                    continue;
                }
                var reply = balance.ReadWeight(clock, Math.Min(ReplyTimeoutMilliseconds, nextDue - clock.ElapsedMilliseconds));
                measured = clock.ElapsedMilliseconds - start;
                _received.AddRange(balance.Dropped);
                if (!reply.HasWeight) _received.Add(reply.Raw);
                if (reply.HasWeight)
                {
                    _recent.Enqueue((measured, reply.Milligrams));
                    _lastReading = t;
                    bool stable = reply.Kind == ReplyKind.Stable;
                    Write(new BalanceReading(t, reply.Milligrams, Gap: false, stable) { MeasuredMilliseconds = measured });
                    Readings++;
                    if (!stable) Unstable++;
                }
                else Gap(t, measured, reply.Note, ReceivedText.Quote(reply.Raw), reply.Raw);
            }
            catch (Exception e) when (e is TimeoutException || IsLinkFailure(e))
            {
                // Silence too gets the port reopened: a USB adapter unplugged and plugged back in can
                // leave the old handle open and dead.
                measured = clock.ElapsedMilliseconds - start;
                Gap(t, measured, e is TimeoutException ? "no-reply" : "disconnected", e.Message);
                if (e is not TimeoutException) unanswered = null;
                else
                {
                    unanswered = t;
                    if (_lastReading is long last && last == t - intervalMilliseconds)
                        Say($"{Ms(t)}: the balance fell silent: no reply to this tick's request, {Ms(measured - last)} after the last reading");
                }
                transport.Close();
                connected = false;
                backoff.Reset();
                nextAttempt = clock.ElapsedMilliseconds;
            }
        }
    }

    private void Report(long elapsed, long duration)
    {
        if (Progress == null) return;
        while (_recent.Count > 1 && _recent.Peek().Measured < elapsed - RecordingStatus.FlowWindowMilliseconds) _recent.Dequeue();
        double? flow = null, last = null;
        if (_recent.Count > 0) last = _recent.Last().Milligrams;
        if (_recent.Count > 1)
        {
            var (first, newest) = (_recent.Peek(), _recent.Last());
            if (newest.Measured > first.Measured)
                flow = (newest.Milligrams - first.Milligrams) / RecordingStatus.WaterMilligramsPerMicroliter / ((newest.Measured - first.Measured) / 3_600_000.0);
        }
        Progress(new RecordingStatus(Math.Min(elapsed, duration), duration, last, flow, SetRateMicrolitersPerHour, Readings, Gaps, Reconnects, _lastGap));
    }

    /// <summary>The lines that arrive until <paramref name="until"/> on the clock, none of them asked for.</summary>
    private List<string> Listen(long until)
    {
        var lines = new List<string>(transport.DiscardPending());
        while (clock.ElapsedMilliseconds < until)
        {
            string? line = transport.ReceiveLine(BalanceDevice.PollInterval);
            if (line != null) lines.Add(line);
        }
        return lines;
    }

    private static bool IsLinkFailure(Exception e) => e is IOException or UnauthorizedAccessException or InvalidOperationException;

    /// <param name="received">the line the balance sent, if any: the CSV's note keeps it, escaped, after the reason</param>
    private void Gap(long t, long measured, string note, string detail, string? received = null)
    {
        Write(new BalanceReading(t, 0, Gap: true) { MeasuredMilliseconds = measured, Note = received == null ? note : note + " " + ReceivedText.Quote(received) });
        Gaps++;
        string text = $"{Ms(t)}: gap ({note}: {detail})";
        _lastGap = $"{Ms(t)} {note}";
        Notes.Add(text);
        Say(text);
    }

    private string? _startNote;

    private void Write(BalanceReading reading)
    {
        if (_startNote != null)
        {
            reading = reading with { Note = reading.Note.Length == 0 ? _startNote : _startNote + "; " + reading.Note };
            _startNote = null;
        }
        _csv!.WriteLine(BalanceCsv.Row(reading));
        _csv.Flush();
    }

    private void Say(string text) => log?.WriteLine(text);

    private static string Ms(long ms) => string.Create(CultureInfo.InvariantCulture, $"{ms} ms");
}
