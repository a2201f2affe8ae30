using System.Globalization;

namespace OpenIdds.Bench.Balance;

/// <summary>
/// `bench record`: reads the balance at a fixed interval and appends each reading to the CSV as it goes
/// (flushed per line, so a crash loses nothing already read). Overload, underload, error replies and a
/// silent or disconnected balance become gap rows - the time is kept, the mass is not invented - and a
/// lost link is reconnected before the next reading.
/// </summary>
public sealed class Recorder(BalanceDevice balance, IBalanceTransport transport, TextWriter csv, Func<long> clockMilliseconds, Action<int> sleep)
{
    public int Readings { get; private set; }
    public int Gaps { get; private set; }
    public int Reconnects { get; private set; }
    public List<string> Notes { get; } = new();

    public void Run(long intervalMilliseconds, long durationMilliseconds)
    {
        csv.WriteLine("time_ms,mass_mg,gap");
        long start = clockMilliseconds();
        for (long n = 0; n * intervalMilliseconds <= durationMilliseconds; n++)
        {
            long due = start + n * intervalMilliseconds;
            long wait = due - clockMilliseconds();
            if (wait > 0) sleep((int)wait);
            long t = n * intervalMilliseconds;
            try
            {
                var reply = balance.ReadWeight();
                if (reply.HasWeight)
                {
                    Write(t, reply.Milligrams, gap: false);
                    Readings++;
                }
                else
                {
                    Write(t, 0, gap: true);
                    Gaps++;
                    Notes.Add($"{t} ms: {reply.Kind} ('{reply.Raw}')");
                }
            }
            catch (Exception e) when (e is IOException or TimeoutException or InvalidOperationException or UnauthorizedAccessException)
            {
                Write(t, 0, gap: true);
                Gaps++;
                Notes.Add($"{t} ms: {e.Message}; reconnecting");
                try { transport.Reconnect(); Reconnects++; }
                catch (Exception r) when (r is IOException or UnauthorizedAccessException or InvalidOperationException) { Notes.Add($"{t} ms: reconnect failed: {r.Message}"); }
            }
        }
    }

    private void Write(long t, double mg, bool gap)
    {
        csv.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{t},{mg:0.00000},{(gap ? 1 : 0)}"));
        csv.Flush();
    }
}
