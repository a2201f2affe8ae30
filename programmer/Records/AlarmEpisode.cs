using OpenIdds.Firmware.Persistence;
using OpenIdds.Firmware.Safety;

namespace OpenIdds.Programmer.Records;

/// <summary>One alarm from raised to cleared (Cleared null: still shown when the pump was read).</summary>
public sealed record AlarmEpisode(AlarmCode Code, string Name, string Priority, bool StopsDelivery, long RaisedAt, long? ClearedAt, bool SinceLastSession)
{
    /// <summary>How long it was shown, up to <paramref name="readAt"/> when it still is.</summary>
    public long DurationMilliseconds(long readAt) => (ClearedAt ?? readAt) - RaisedAt;

    public static List<AlarmEpisode> From(PumpSnapshot s, long lastSessionAt)
    {
        var open = new Dictionary<long, long>();
        var episodes = new List<AlarmEpisode>();
        AlarmEpisode Episode(long code, long raised, long? cleared)
        {
            var row = AlarmTable.Of((AlarmCode)code);
            return new AlarmEpisode((AlarmCode)code, row.Name, AlarmTable.PriorityName(row.Priority), row.StopsDelivery, raised, cleared, (cleared ?? long.MaxValue) >= lastSessionAt);
        }
        foreach (var e in s.Events)
        {
            switch ((EventKind)e.Kind)
            {
                case EventKind.AlarmRaised:
                    if (!open.ContainsKey(e.A)) open[e.A] = e.PumpTime;
                    break;
                case EventKind.AlarmCleared:
                    // A clear whose raise fell out of the ring: the episode starts before the log does.
                    episodes.Add(Episode(e.A, open.Remove(e.A, out long raised) ? raised : s.Events[0].PumpTime, e.PumpTime));
                    break;
            }
        }
        foreach (var (code, raised) in open) episodes.Add(Episode(code, raised, null));
        episodes.Sort((a, b) => a.RaisedAt.CompareTo(b.RaisedAt));
        return episodes;
    }
}
