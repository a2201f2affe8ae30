using OpenIdds.Firmware.Persistence;
using OpenIdds.Firmware.Therapy;

namespace OpenIdds.Programmer.Records;

/// <summary>A bolus request: who asked (patient or clinician), granted with its volume, or refused with every reason the pump gave.</summary>
public sealed record BolusRecord(long At, string Who, bool Granted, long Nanoliters, IReadOnlyList<string> Reasons)
{
    public static List<BolusRecord> From(PumpSnapshot s)
    {
        var list = new List<BolusRecord>();
        static string Who(long a) => a == 1 ? "patient" : a == 2 ? "clinician" : "unknown";
        foreach (var e in s.Events)
        {
            switch ((EventKind)e.Kind)
            {
                case EventKind.BolusGranted:
                    list.Add(new BolusRecord(e.PumpTime, Who(e.A), true, e.B, Array.Empty<string>()));
                    break;
                case EventKind.BolusRefused:
                    // One event per reason: the reasons of one request share its time and requester.
                    string reason = TherapyErrorName.Of((TherapyError)e.B);
                    if (list.Count > 0 && list[^1] is { Granted: false } last && last.At == e.PumpTime && last.Who == Who(e.A))
                        list[^1] = last with { Reasons = last.Reasons.Append(reason).ToList() };
                    else
                        list.Add(new BolusRecord(e.PumpTime, Who(e.A), false, 0, new[] { reason }));
                    break;
            }
        }
        return list;
    }
}
