using CsCheck;
using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;
using OpenIdds.Tests.Unit.Therapy;

namespace OpenIdds.Tests.Host.Therapy;

/// <summary>
/// The dose-safety invariants over random request sequences (10,000 sequences, 10-60 requests each):
/// patient and clinician boluses, reprogramming (continuous or flex, any dose), stops, and refills at
/// the same or another concentration (which start bridges) at random times. Each sequence is checked
/// against an INDEPENDENT reference (<see cref="TherapyReference"/>): it rebuilds the volume rate from
/// the prescriptions and grants the firmware accepted, pushes every nanoliter through a plug-flow model
/// of the catheter line, and integrates the drug that leaves the tip exactly. The firmware's profile,
/// line state and tip arrival must agree with it at every request, the exact rolling 24 h dose at the
/// tip never exceeds the hard daily limit, no patient bolus is granted inside its lockout or beyond the
/// maximum per rolling 24 h, and every refusal is logged with its reason.
/// </summary>
[TestClass]
public class TherapyPropertyTests
{
    public const int Sequences = 10_000;

    private enum Kind { Patient, Clinician, Reprogram, Stop, Refill }

    private sealed record Request(long GapMs, Kind Kind, long A, long B);

    private sealed record Scenario(int Concentration, long DailyPermille, bool Flex, long BolusMicrograms, long BolusMinutes, long LockoutMinutes, int MaxPer24h, Request[] Requests);

    private static readonly long[] Concentrations = { 1000, 5000, 10000, 20000 };

    private static readonly Gen<Request> AnyRequest =
        from gap in Gen.OneOf(Gen.Long[0, 10 * Milliseconds.PerMinute], Gen.Long[0, 4 * Milliseconds.PerHour], Gen.Long[0, 30 * Milliseconds.PerHour])
        from kind in Gen.Int[0, 19]
        from a in Gen.Long[1, 1000]
        from b in Gen.Long[Milliseconds.PerMinute, 2 * Milliseconds.PerHour]
        select new Request(gap, kind < 10 ? Kind.Patient : kind < 14 ? Kind.Clinician : kind < 17 ? Kind.Reprogram : kind < 18 ? Kind.Stop : Kind.Refill, a, b);

    private static readonly Gen<Scenario> AnyScenario =
        from concentration in Gen.Int[0, Concentrations.Length - 1]
        from dailyPermille in Gen.Long[1, 999]
        from flex in Gen.Bool
        from bolus in Gen.Long[1, 1000]
        from minutes in Gen.Long[1, 60]
        from lockout in Gen.Long[0, 360]
        from max in Gen.Int[1, 12]
        from requests in AnyRequest.Array[10, 60]
        select new Scenario(concentration, dailyPermille, flex, bolus, minutes, lockout, max, requests);

    /// <summary>What each request of the running sequence did, printed only when the sequence fails.</summary>
    private static readonly List<string> Trace = new();
    private static readonly Dictionary<TherapyError, int> Seen = new();
    private static readonly Dictionary<string, int> Done = new();

    [TestMethod]
    public void Random_request_sequences_never_break_a_dose_limit_and_every_refusal_is_logged()
    {
        Seen.Clear();
        Done.Clear();
        AnyScenario.Sample(Check, iter: Sequences, threads: 1);
        Console.WriteLine(string.Join(", ", Done.Select(d => $"{d.Key}: {d.Value}")) + "; " + string.Join(", ", Seen.Where(x => x.Value >= 100).Select(x => $"{x.Key}: {x.Value}")));
        // The property is only worth something if the sequences reach every limit and every move often.
        foreach (var code in new[] { TherapyError.PatientBolusInLockout, TherapyError.PatientBolusCountReached, TherapyError.RollingDailyDoseWouldExceedLimit, TherapyError.BridgeInProgress })
        {
            int hits = Seen.GetValueOrDefault(code);
            Assert.IsTrue(hits >= 100, $"only {hits} refusals with {code} in {Sequences} sequences");
        }
        foreach (var (move, least) in new[] { ("reprogrammed", 5000), ("stopped", 1000), ("refilled, same drug", 1000), ("refilled, bridge started", 1000), ("reprogrammed during a bridge", 300), ("patient bolus granted", 20000), ("clinician bolus granted", 5000) })
        {
            int hits = Done.GetValueOrDefault(move);
            Assert.IsTrue(hits >= least, $"only {hits} times {move} in {Sequences} sequences");
        }
    }

    private static void Count(string move) => Done[move] = Done.GetValueOrDefault(move) + 1;

    /// <summary>A basal of <paramref name="dailyPermille"/> of the hard daily limit at <paramref name="concentration"/>, inside the implant's rate range.</summary>
    private static TherapyReference.Basal BasalFor(DrugLimits limits, long concentration, long dailyPermille, bool flex)
    {
        long rate = limits.DailyDoseHard.Value * dailyPermille / 1000 * 1000 / 24 / concentration;
        if (!flex) return TherapyReference.Basal.Continuous(Math.Clamp(rate, 2_000, 900_000));
        // Night low, day high, evening as prescribed: 7 h x 1/2 + 12 h x 3/2 + 5 h x 1 = 26.5 h of the
        // evening rate a day, so the evening rate is scaled by 24 / 26.5 to keep the day at the same share
        // of the limit (unscaled, the top 10 % of shares went over the hard limit and were never run).
        rate = Math.Clamp(rate * 48 / 53, 4_000, 600_000);
        return TherapyReference.Basal.Flex(new[] { 0L, 7 * Milliseconds.PerHour, 19 * Milliseconds.PerHour }, new[] { rate / 2, rate * 3 / 2, rate });
    }

    private static Prescription PrescriptionOf(TherapyReference.Basal basal, long concentration, Scenario s)
    {
        // The patient-bolus duration is stretched if needed so bolus plus basal stays under the 1 mL/h hard rate.
        long volume = new MicrogramsPerMilliliter(concentration).VolumeOf(new Micrograms(s.BolusMicrograms)).Value;
        long room = 1_000_000 - basal.Peak;
        long duration = Math.Max(s.BolusMinutes * Milliseconds.PerMinute, (volume * Milliseconds.PerHour + room - 1) / room);
        var pca = new PatientBolusSettings(new Micrograms(s.BolusMicrograms), new Milliseconds(duration), Milliseconds.FromMinutes(s.LockoutMinutes), s.MaxPer24h);
        var drug = TherapyFixture.Morphine(concentration);
        if (basal.Starts.Length == 1) return Prescription.Continuous(drug, new NanolitersPerHour(basal.Rates[0]), pca);
        return Prescription.Flex(drug, basal.Starts.Select(x => new Milliseconds(x)).ToArray(), basal.Rates.Select(x => new NanolitersPerHour(x)).ToArray(), pca);
    }

    private static bool Check(Scenario s)
    {
        Trace.Clear();
        try
        {
            return Run(s);
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException(e.Message + "\n" + string.Join("\n", Trace), e);
        }
    }

    private static bool Run(Scenario s)
    {
        var library = DrugLibrary.CreateDefault();
        DrugLimits limits = library.Find(DrugLibrary.Morphine)!;
        var config = PumpConfiguration.Implanted(Nanoliters.FromMilliliters(40), Nanoliters.FromMicroliters(120), Nanoliters.FromMicroliters(30));
        var therapy = OpenIdds.Tests.Unit.Therapy.PlannedReservoir.NewTherapy(config, library, null, Milliseconds.Zero);
        var reference = new TherapyReference(config.LineVolume.Value, config.PrimingRate.Value);

        long concentration = Concentrations[s.Concentration];
        var fill = therapy.BeginRefill(Milliseconds.Zero).Complete(Nanoliters.Zero, Nanoliters.FromMilliliters(40), TherapyFixture.Morphine(concentration), PumpConfiguration.DefaultLowReservoir, true, Milliseconds.Zero);
        if (!fill.Report.Accepted) throw new InvalidOperationException(fill.Report.ToString());
        reference.Refilled(concentration);
        var basal = BasalFor(limits, concentration, s.DailyPermille, s.Flex);
        var programmed = therapy.Program(PrescriptionOf(basal, concentration, s), true, Milliseconds.Zero);
        // Every sequence is run: a basal of its own that the pump refused would silently shrink the sample.
        if (!programmed.Accepted) throw new InvalidOperationException("the sequence's own basal was refused: " + programmed);
        reference.Programmed(basal, concentration, 0, therapy.TipArrival.Value);
        var pca = therapy.Prescription.PatientBolus!;

        var grants = new List<long>();
        long now = 0;
        foreach (var r in s.Requests)
        {
            now += r.GapMs;
            var at = new Milliseconds(now);
            therapy.Tick(at); // the tip arrival is recorded here, not as part of the request
            reference.AdvanceTo(now);
            Agree(therapy, reference, now, r, null);
            long written = therapy.Records.Written;
            CheckReport report;
            TherapyRecordKind refusal;
            switch (r.Kind)
            {
                case Kind.Patient:
                    report = therapy.RequestPatientBolus(at);
                    refusal = TherapyRecordKind.PatientBolusRefused;
                    if (report.Accepted)
                    {
                        grants.Add(now);
                        Count("patient bolus granted");
                        reference.Granted(now, VolumeOf(reference.PlanConcentration, pca.Dose.Value), pca.Duration.Value);
                    }
                    break;
                case Kind.Clinician:
                    report = therapy.RequestClinicianBolus(new Micrograms(r.A), new Milliseconds(r.B), true, at);
                    refusal = TherapyRecordKind.ClinicianBolusRefused;
                    if (report.Accepted)
                    {
                        Count("clinician bolus granted");
                        long volume = VolumeOf(reference.PlanConcentration, r.A);
                        // C5: a bolus too fast for the hard rate (with the basal's peak) is lengthened, never made faster.
                        long room = 1_000_000 - reference.PlanPeak;
                        long duration = volume * Milliseconds.PerHour / r.B > room ? (volume * Milliseconds.PerHour + room - 1) / room : r.B;
                        reference.Granted(now, volume, duration);
                    }
                    break;
                case Kind.Reprogram:
                    {
                        bool bridging = therapy.Flushing;
                        var next = BasalFor(limits, reference.ReservoirConcentration, r.A, r.B % 2 == 0);
                        report = therapy.Program(PrescriptionOf(next, reference.ReservoirConcentration, s), true, at);
                        refusal = TherapyRecordKind.ProgrammingRefused;
                        if (report.Accepted)
                        {
                            Count(bridging ? "reprogrammed during a bridge" : "reprogrammed");
                            reference.Programmed(next, reference.ReservoirConcentration, now, therapy.TipArrival.Value);
                            pca = therapy.Prescription.PatientBolus!;
                        }
                        break;
                    }
                case Kind.Stop:
                    report = therapy.Program(Prescription.Stopped(TherapyFixture.Morphine(reference.ReservoirConcentration)), true, at);
                    refusal = TherapyRecordKind.ProgrammingRefused;
                    if (!report.Accepted) throw new InvalidOperationException("a stop was refused: " + report);
                    Count("stopped");
                    reference.Stopped(reference.ReservoirConcentration, now);
                    break;
                default:
                    {
                        long next = Concentrations[r.A % Concentrations.Length];
                        RefillSession session = therapy.BeginRefill(at);
                        RefillResult result = session.Complete(session.Expected, Nanoliters.FromMilliliters(40), TherapyFixture.Morphine(next), PumpConfiguration.DefaultLowReservoir, true, at);
                        report = result.Report;
                        refusal = TherapyRecordKind.RefillRefused;
                        if (report.Accepted)
                        {
                            bool changed = next != reference.ReservoirConcentration;
                            reference.Refilled(next);
                            if (changed && !reference.IsStopped)
                            {
                                // The running prescription follows the new concentration at the same dose (rates rounded down).
                                reference.Programmed(reference.PlanBasal!.Scaled(reference.PlanConcentration, next), next, now, therapy.TipArrival.Value);
                                pca = therapy.Prescription.PatientBolus!;
                            }
                            Count(changed && !reference.IsStopped ? "refilled, bridge started" : "refilled, same drug");
                        }
                        break;
                    }
            }
            Agree(therapy, reference, now, r, report);
            Trace.Add($"{now} ms {r}: {(report.Accepted ? "accepted" : "refused " + (int)report.FirstRefusal)}");
            long records = therapy.Records.Written - written;
            if (report.Accepted) continue;
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
                // A refill refused because the running prescription could not follow it is logged by that programming.
                bool kindOk = record.Kind == refusal || (refusal == TherapyRecordKind.RefillRefused && record.Kind == TherapyRecordKind.ProgrammingRefused);
                if (!kindOk) throw new InvalidOperationException($"record {i} kind {record.Kind}, expected {refusal}");
            }
        }

        // PATIENT-LOCKOUT and PATIENT-MAX-PER-24H (the lockout of the prescription in force at each grant
        // is at least the smallest any prescription of this scenario had: they all share the PCA).
        for (int i = 1; i < grants.Count; i++)
        {
            if (grants[i] - grants[i - 1] < pca.Lockout.Value) throw new InvalidOperationException($"grant {i} inside lockout");
        }
        for (int i = 0; i < grants.Count; i++)
        {
            int inWindow = grants.Count(g => g > grants[i] - Milliseconds.PerDay && g <= grants[i]);
            if (inWindow > pca.MaxPer24Hours) throw new InvalidOperationException($"{inWindow} grants in 24 h");
        }

        // ROLLING-24H-LIMIT, on the drug that physically left the tip, including the committed day ahead.
        // The firmware keeps the line in whole nanoliters, so each switch of drug at the tip can be up to
        // 1 nL off the exact plug flow: 1 nL of the strongest morphine (20 mg/mL) is 20 ng per switch.
        reference.AdvanceTo(now + Milliseconds.PerDay);
        Int128 peak = reference.MaxRollingNanograms(Milliseconds.PerDay, out long peakEnd);
        long tolerance = 20L * reference.Arrivals;
        if (peak > limits.DailyDoseHard.Value + tolerance) throw new InvalidOperationException($"rolling 24 h dose {peak} ng, in the 24 h up to {peakEnd} ms, above {limits.DailyDoseHard.Value} ng + {tolerance} ng");
        return true;
    }

    /// <summary>The volume that holds a dose, rounded up to a whole nanoliter (a bolus never gives less than prescribed).</summary>
    private static long VolumeOf(long concentration, long micrograms) => (micrograms * 1_000_000 + concentration - 1) / concentration;

    /// <summary>The firmware runs what the reference says it should: the rate now, and the line's state (before a request, or after it with its report).</summary>
    private static void Agree(InfusionTherapy therapy, TherapyReference reference, long now, Request r, CheckReport? after)
    {
        long firmware = therapy.Profile.RateAt(new Milliseconds(now), out _).Value;
        long expected = reference.RateAt(now);
        if (firmware == expected && therapy.Flushing == reference.Flushing) return;
        string when = after == null ? "before " + r : "after " + r + ": " + after;
        throw new InvalidOperationException($"at {now} ms ({when}): the firmware runs {firmware} nL/h (flushing {therapy.Flushing}), the reference {expected} nL/h (flushing {reference.Flushing})");
    }
}
