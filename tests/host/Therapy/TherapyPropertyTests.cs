using System.Numerics;
using CsCheck;
using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Tests.Host.Therapy;

/// <summary>
/// The dose-safety invariants over random request sequences (10,000 sequences, 10-60 requests each):
/// patient and clinician bolus requests at random times against a random basal, concentration and
/// patient-bolus setting. After each sequence the whole history is checked independently of the
/// firmware's ledger: the exact rolling 24 h dose (BigInteger integral of the profile the scheduler
/// ran, at the tip's concentration) never exceeds the hard daily limit, no patient bolus was granted
/// inside its lockout or beyond the maximum per rolling 24 h, and every refusal was logged with its reason.
/// </summary>
[TestClass]
public class TherapyPropertyTests
{
    public const int Sequences = 10_000;

    private sealed record Request(long GapMs, bool Patient, long Micrograms, long DurationMs);

    private sealed record Scenario(long Concentration, long DailyPermille, long BolusMicrograms, long BolusMinutes, long LockoutMinutes, int MaxPer24h, Request[] Requests);

    private static readonly Gen<Request> AnyRequest =
        from gap in Gen.OneOf(Gen.Long[0, 10 * Milliseconds.PerMinute], Gen.Long[0, 4 * Milliseconds.PerHour], Gen.Long[0, 30 * Milliseconds.PerHour])
        from patient in Gen.Int[0, 9]
        from micrograms in Gen.Long[1, 1000]
        from duration in Gen.Long[Milliseconds.PerMinute, 2 * Milliseconds.PerHour]
        select new Request(gap, patient < 8, micrograms, duration);

    private static readonly Gen<Scenario> AnyScenario =
        from concentration in Gen.OneOf(Gen.Const(1000L), Gen.Const(5000L), Gen.Const(10000L), Gen.Const(20000L))
        from dailyPermille in Gen.Long[1, 999]
        from bolus in Gen.Long[1, 1000]
        from minutes in Gen.Long[1, 60]
        from lockout in Gen.Long[0, 360]
        from max in Gen.Int[1, 12]
        from requests in AnyRequest.Array[10, 60]
        select new Scenario(concentration, dailyPermille, bolus, minutes, lockout, max, requests);

    [TestMethod]
    public void Random_request_sequences_never_break_a_dose_limit_and_every_refusal_is_logged()
    {
        Seen.Clear();
        AnyScenario.Sample(Check, iter: Sequences, threads: 1);
        // The property is only worth something if the sequences reach every limit often.
        foreach (var code in new[] { TherapyError.PatientBolusInLockout, TherapyError.PatientBolusCountReached, TherapyError.RollingDailyDoseWouldExceedLimit, TherapyError.BridgeInProgress })
        {
            int hits = Seen.GetValueOrDefault(code);
            Assert.IsTrue(hits >= 100, $"only {hits} refusals with {code} in {Sequences} sequences");
        }
    }

    private static readonly Dictionary<TherapyError, int> Seen = new();

    private static bool Check(Scenario s)
    {
        var library = DrugLibrary.CreateDefault();
        DrugLimits limits = library.Find(DrugLibrary.Morphine)!;
        var drug = new Drug(DrugLibrary.Morphine, new MicrogramsPerMilliliter(s.Concentration));
        var config = PumpConfiguration.Implanted(Nanoliters.FromMilliliters(40), Nanoliters.FromMicroliters(120), Nanoliters.FromMicroliters(30));

        // A basal of DailyPermille of the hard daily limit, within the pump's rate range.
        long rate = limits.DailyDoseHard.Value * s.DailyPermille / 1000 * 1000 / 24 / s.Concentration;
        rate = Math.Clamp(rate, config.DeviceRateMinimum.Value, 900_000);
        // The bolus duration is stretched if needed so bolus plus basal stays under the 1 mL/h hard rate.
        long bolusVolume = new MicrogramsPerMilliliter(s.Concentration).VolumeOf(new Micrograms(s.BolusMicrograms)).Value;
        long minDuration = (bolusVolume * Milliseconds.PerHour + (1_000_000 - rate) - 1) / (1_000_000 - rate);
        long duration = Math.Max(s.BolusMinutes * Milliseconds.PerMinute, minDuration);
        var pca = new PatientBolusSettings(new Micrograms(s.BolusMicrograms), new Milliseconds(duration), Milliseconds.FromMinutes(s.LockoutMinutes), s.MaxPer24h);

        var therapy = new InfusionTherapy(config, library, null, Milliseconds.Zero);
        var fill = therapy.BeginRefill(Milliseconds.Zero).Complete(Nanoliters.Zero, Nanoliters.FromMilliliters(40), drug, PumpConfiguration.DefaultLowReservoir, true, Milliseconds.Zero);
        if (!fill.Report.Accepted) throw new InvalidOperationException(fill.Report.ToString());
        var programmed = therapy.Program(Prescription.Continuous(drug, new NanolitersPerHour(rate), pca), true, Milliseconds.Zero);
        if (!programmed.Accepted) return true; // a basal the rolling check refuses is not this property's subject
        IRateProfile profile = therapy.Profile;
        long tip = therapy.TipArrival.Value;

        var grants = new List<long>();
        long now = 0;
        foreach (var r in s.Requests)
        {
            now += r.GapMs;
            var at = new Milliseconds(now);
            therapy.Tick(at); // the tip arrival is recorded here, not as part of the request
            long written = therapy.Records.Written;
            CheckReport report = r.Patient
                ? therapy.RequestPatientBolus(at)
                : therapy.RequestClinicianBolus(new Micrograms(r.Micrograms), new Milliseconds(r.DurationMs), true, at);
            if (therapy.Profile != profile) throw new InvalidOperationException("a bolus replaced the profile");
            long records = therapy.Records.Written - written;
            if (report.Accepted)
            {
                if (r.Patient) grants.Add(now);
                continue;
            }
            // EVERY-REFUSAL-LOGGED: one record per blocking reason, each with a code and a message.
            int blocking = 0;
            for (int i = 0; i < report.Count; i++)
            {
                if (report[i].Outcome is CheckOutcome.Refused or CheckOutcome.NeedsConfirmation) blocking++;
                Seen[report[i].Code] = Seen.GetValueOrDefault(report[i].Code) + 1;
            }
            if (blocking == 0 || records != blocking) throw new InvalidOperationException($"refusal at {now}: {blocking} reasons, {records} records: {report}");
            for (int i = 0; i < blocking; i++)
            {
                TherapyRecord record = therapy.Records.Newest(i);
                if (record.Code == TherapyError.None || record.Message.Length == 0 || record.At.Value != now) throw new InvalidOperationException($"record {i} at {now} lacks a reason: {record.Message}");
                if (record.Kind != (r.Patient ? TherapyRecordKind.PatientBolusRefused : TherapyRecordKind.ClinicianBolusRefused)) throw new InvalidOperationException($"record {i} kind {record.Kind}");
            }
        }

        // PATIENT-LOCKOUT and PATIENT-MAX-PER-24H
        for (int i = 1; i < grants.Count; i++)
        {
            if (grants[i] - grants[i - 1] < pca.Lockout.Value) throw new InvalidOperationException($"grant {i} inside lockout");
        }
        for (int i = 0; i < grants.Count; i++)
        {
            int inWindow = grants.Count(g => g > grants[i] - Milliseconds.PerDay && g <= grants[i]);
            if (inWindow > pca.MaxPer24Hours) throw new InvalidOperationException($"{inWindow} grants in 24 h");
        }

        // ROLLING-24H-LIMIT, checked on the exact integral of the profile from the tip arrival on.
        BigInteger peak = MaxRollingDose(profile, tip, now + Milliseconds.PerDay, s.Concentration);
        if (peak > limits.DailyDoseHard.Value) throw new InvalidOperationException($"rolling 24 h dose {peak} ng above {limits.DailyDoseHard.Value} ng");
        return true;
    }

    /// <summary>The largest exact 24 h dose in ng: W(t) is piecewise linear, so its maximum is at a breakpoint b or b + 24 h.</summary>
    private static BigInteger MaxRollingDose(IRateProfile profile, long from, long until, long concentration)
    {
        var breaks = new List<long> { from };
        var rates = new List<long>();
        long t = from;
        while (t < until)
        {
            long rate = profile.RateAt(new Milliseconds(t), out var next).Value;
            rates.Add(rate);
            t = Math.Min(next.Value, until);
            breaks.Add(t);
        }
        // cumulative integral in nL/h x ms at each break
        var cumulative = new BigInteger[breaks.Count];
        for (int i = 1; i < breaks.Count; i++) cumulative[i] = cumulative[i - 1] + (BigInteger)rates[i - 1] * (breaks[i] - breaks[i - 1]);
        BigInteger At(long x)
        {
            if (x <= from) return 0;
            if (x >= until) x = until;
            int i = breaks.BinarySearch(x);
            if (i >= 0) return cumulative[i];
            i = ~i - 1;
            return cumulative[i] + (BigInteger)rates[i] * (x - breaks[i]);
        }
        BigInteger best = 0;
        foreach (long b in breaks)
        {
            foreach (long end in new[] { b, b + Milliseconds.PerDay })
            {
                BigInteger w = At(end) - At(end - Milliseconds.PerDay);
                if (w > best) best = w;
            }
        }
        // nL/h x ms -> nL: / 3.6e6; nL x ug/mL = pg; / 1000 = ng
        return best * concentration / Milliseconds.PerHour / 1000;
    }
}
