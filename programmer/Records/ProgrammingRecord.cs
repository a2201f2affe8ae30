using OpenIdds.Firmware.Persistence;
using OpenIdds.Firmware.Therapy;

namespace OpenIdds.Programmer.Records;

/// <summary>
/// Who changed what, and when. The event log does not store a user: "who" is the role whose key the
/// pump demanded for that command (docs/protocol.md), or the pump itself.
/// </summary>
public sealed record ProgrammingRecord(long At, string Who, string What, EventKind Kind)
{
    /// <summary>The kinds a clinician session leaves behind (a refill or a reprogramming, a reset, a clock sync).</summary>
    public static bool IsClinicianSession(EventKind kind) =>
        kind is EventKind.Programmed or EventKind.Refill or EventKind.ClinicianReset or EventKind.ClockSynced;

    public static List<ProgrammingRecord> From(PumpSnapshot s)
    {
        var list = new List<ProgrammingRecord>();
        foreach (var e in s.Events)
        {
            var kind = (EventKind)e.Kind;
            string? who = kind switch
            {
                EventKind.Programmed or EventKind.ProgrammingRefused or EventKind.Confirmed or EventKind.Clamped
                    or EventKind.Refill or EventKind.RefillDiscrepancy or EventKind.ClinicianReset or EventKind.ClockSynced => "clinician key",
                EventKind.Calibrated or EventKind.KeyProvisioned => "service key",
                EventKind.TherapyStoppedByAlarm or EventKind.NewDrugAtTip => "the pump",
                _ => null,
            };
            if (who == null) continue;
            string what = kind switch
            {
                EventKind.Programmed => $"programmed {DeliveryModeName.Of((DeliveryMode)e.A)}, daily dose {e.B} ug",
                EventKind.Refill => $"refilled {Cli.Units.Milliliters(e.A)} at {e.B} ug/mL",
                _ => EventKindName.Of(kind) + ": " + EventText.Describe(kind, e.A, e.B),
            };
            list.Add(new ProgrammingRecord(e.PumpTime, who, what, kind));
        }
        return list;
    }
}
