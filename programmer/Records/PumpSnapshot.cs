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

    /// <summary>Pump time when the snapshot was taken: the status's, else the newest event's.</summary>
    public long PumpTimeRead => Status?.PumpTime ?? (Events.Count == 0 ? 0 : Events[^1].PumpTime);
}
