using OpenIdds.Firmware.Protocol.Messages;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Therapy;

namespace OpenIdds.Programmer.Records;

/// <summary>
/// The interrogation report a clinic files after a refill or a reprogramming: the device, the
/// prescription as the pump runs it, the reservoir computed and measured, the refill due date, the
/// battery, the alarms, the doses per day, the boluses, the trial diary and who programmed what. Every
/// figure is read from the pump (its status, its trial report, its event log); none is estimated here.
/// </summary>
public sealed class SessionReport
{
    public required PumpSnapshot Source { get; init; }
    public required List<DailyDelivery> Days { get; init; }
    public required List<AlarmEpisode> Alarms { get; init; }
    public required List<BolusRecord> Boluses { get; init; }
    public required List<DiaryRecord> Diary { get; init; }
    public required List<ProgrammingRecord> Programming { get; init; }

    /// <summary>The newest clinician session in the log (refill, programming, reset, clock sync), pump time; 0 when none.</summary>
    public required long LastSessionAt { get; init; }

    public string DeviceId => Source.DeviceId;
    public StatusMessage? Status => Source.Status;
    public TrialReport? Trial => Source.Trial;
    public long ReadAt => Source.PumpTimeRead;

    /// <summary>The pump's delivered volume (steps x calibration), nL; null when the source lacks the calibration.</summary>
    public long? DeliveredNanoliters => Status is { PicolitersPerStep: > 0 } s ? s.StepsTaken * s.PicolitersPerStep / 1000 : null;

    public string StageName => Status == null ? "unknown" : PumpStageName.Of((PumpStage)Status.Stage);
    public string StateName => Status == null ? "unknown" : SafetyStateMachine.StateName((SafetyState)Status.State);

    public static SessionReport From(PumpSnapshot s)
    {
        var programming = ProgrammingRecord.From(s);
        // A clinic interrogates at the start of a visit: the newest session in the log is the last visit.
        var sessions = programming.Where(p => ProgrammingRecord.IsClinicianSession(p.Kind)).Select(p => p.At).Distinct().ToList();
        long lastSession = sessions.Count == 0 ? 0 : sessions[^1];
        return new SessionReport
        {
            Source = s,
            Days = DailyDelivery.From(s),
            Alarms = AlarmEpisode.From(s, lastSession),
            Boluses = BolusRecord.From(s),
            Diary = DiaryRecord.From(s),
            Programming = programming,
            LastSessionAt = lastSession,
        };
    }
}
