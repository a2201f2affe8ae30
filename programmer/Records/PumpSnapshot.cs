using OpenIdds.Firmware.Protocol.Messages;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Programmer.Link;

namespace OpenIdds.Programmer.Records;

/// <summary>
/// What one interrogation read from one pump: who it is, its status and trial report (when the source
/// held them: a CSV export holds only the event log), and its whole event log. The pump keeps pump time
/// (milliseconds since installation, power-off time excluded); <see cref="PumpZero"/> is the wall
/// clock at pump time 0, as the programmer worked it out when it read the pump.
/// </summary>
public sealed record PumpSnapshot(
    string DeviceId,
    string Firmware,
    DateTimeOffset PumpZero,
    StatusMessage? Status,
    TrialReport? Trial,
    int TrialThresholdPercent,
    IReadOnlyList<LoggedEvent> Events)
{
    /// <summary>A pump time on the wall clock.</summary>
    public DateTimeOffset WallClock(long pumpTime) => PumpZero + TimeSpan.FromMilliseconds(pumpTime);

    /// <summary>
    /// EVENT-TIME-FIXED: an event's time is its pump time on the wall clock, moved to the time of day the pump fixed when it
    /// wrote the event (the nearest one, within 12 h), so every export shows the same time however long
    /// the pump was off between them (pump time does not count power-off time) and whatever clock sync
    /// came after. The pump's time of day is the programmer's local time (iddsctl clock sends it).
    /// </summary>
    public DateTimeOffset EventTime(LoggedEvent e)
    {
        DateTimeOffset estimate = WallClock(e.PumpTime);
        if (e.TimeOfDayMs < 0) return estimate;
        DateTimeOffset local = estimate.ToLocalTime();
        long day = (long)TimeSpan.FromDays(1).TotalMilliseconds;
        long shift = ((e.TimeOfDayMs - (long)local.TimeOfDay.TotalMilliseconds) % day + day) % day;
        if (shift >= day / 2) shift -= day;
        return (local + TimeSpan.FromMilliseconds(shift)).ToOffset(PumpZero.Offset);
    }

    /// <summary>Pump time when the snapshot was taken: the status's, else the newest event's.</summary>
    public long PumpTimeRead => Status?.PumpTime ?? (Events.Count == 0 ? 0 : Events[^1].PumpTime);
}
