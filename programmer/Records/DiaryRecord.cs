using OpenIdds.Firmware.Persistence;
using OpenIdds.Firmware.Therapy;

namespace OpenIdds.Programmer.Records;

/// <summary>A trial diary entry: a pain score (0..10), or an activity and its minutes (Pain null).</summary>
public sealed record DiaryRecord(long At, int? Pain, string? Activity, int Minutes)
{
    public static List<DiaryRecord> From(PumpSnapshot s) => s.Events
        .Where(e => (EventKind)e.Kind == EventKind.DiaryEntry)
        .Select(e => e.A >= 0 ? new DiaryRecord(e.PumpTime, (int)e.A, null, 0) : new DiaryRecord(e.PumpTime, null, ActivityName((ActivityKind)(e.B >> 16)), (int)(e.B & 0xFFFF)))
        .ToList();

    /// <summary>The names iddsctl's `diary activity` takes.</summary>
    public static string ActivityName(ActivityKind kind) => kind switch
    {
        ActivityKind.Rest => "rest",
        ActivityKind.Walking => "walking",
        ActivityKind.PhysicalTherapy => "physical-therapy",
        ActivityKind.DailyLiving => "daily-living",
        ActivityKind.Work => "work",
        _ => "other",
    };
}
