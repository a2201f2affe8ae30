using CsCheck;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;
using OpenIdds.Tests.Host.Device;
using OpenIdds.Tests.Unit.Therapy;

namespace OpenIdds.Tests.Host.Safety;

/// <summary>
/// The over-infusion guard must never stop a correct pump: stopping an intrathecal drug is itself a
/// hazard (withdrawal, rebound spasticity). Random therapies run on the whole pump (InfusionPump on
/// fake hardware, the real scheduler, supervisor and guard): a basal (continuous or flex) with patient
/// presses, clinician boluses, reprogramming, stops with idle hours and refills that start bridges,
/// for days. The guard sees only the allowed rates the pump gives it; it must never trip.
/// </summary>
[TestClass]
public class OverInfusionGuardPropertyTests
{
    public const int Sequences = 30;

    private enum Move { Press, Clinician, Reprogram, StopThenRestart, Refill }

    private sealed record Step(long GapMs, Move Move, long Number);

    private sealed record Therapy(long Concentration, long DailyPermille, bool Flex, long BolusPermille, long BolusMinutes, long LockoutMinutes, int MaxPer24h, Step[] Steps);

    private static readonly long[] Concentrations = { 1000, 2000, 5000, 10000 };

    private static readonly Gen<Step> AnyStep =
        from gap in Gen.OneOf(Gen.Long[0, 20 * Milliseconds.PerMinute], Gen.Long[0, 10 * Milliseconds.PerHour])
        from move in Gen.Int[0, 19]
        from number in Gen.Long[1, 1000]
        select new Step(gap, move < 11 ? Move.Press : move < 14 ? Move.Clinician : move < 16 ? Move.Reprogram : move < 18 ? Move.StopThenRestart : Move.Refill, number);

    private static readonly Gen<Therapy> AnyTherapy =
        from concentration in Gen.Int[0, Concentrations.Length - 1]
        from daily in Gen.Long[20, 800]
        from flex in Gen.Bool
        from bolus in Gen.Long[5, 60]
        from minutes in Gen.Long[1, 60]
        from lockout in Gen.Long[0, 240]
        from max in Gen.Int[1, 12]
        from steps in AnyStep.Array[4, 30]
        select new Therapy(Concentrations[concentration], daily, flex, bolus, minutes, lockout, max, steps);

    [TestMethod]
    public void The_prescribed_therapy_with_boluses_and_stops_never_trips_the_guard()
    {
        long granted = 0, hours = 0;
        AnyTherapy.Sample(t =>
        {
            var (boluses, ran) = Run(t);
            granted += boluses;
            hours += ran;
        }, iter: Sequences, threads: 1);
        // Worth something only if boluses were granted and days went by.
        Assert.IsTrue(granted >= 3 * Sequences, $"only {granted} boluses granted in {Sequences} sequences");
        Assert.IsTrue(hours >= 24 * 3 * Sequences, $"only {hours / 24} pump-days in {Sequences} sequences");
    }

    private static Prescription Basal(Therapy t, long concentration, long dailyPermille)
    {
        var library = DrugLibrary.CreateDefault();
        DrugLimits limits = library.Find(DrugLibrary.Morphine)!;
        var drug = TherapyFixture.Morphine(concentration);
        // The daily volume that gives DailyPermille of the hard daily dose, inside the implant's 2..1000 uL/h.
        long rate = Math.Clamp(limits.DailyDoseHard.Value * dailyPermille / 1000 * 1000 / 24 / concentration, 2_000, 900_000);
        long bolus = Math.Min(limits.BolusDoseHard.Value * t.BolusPermille / 1000, limits.BolusDoseHard.Value);
        var pca = new PatientBolusSettings(new Micrograms(Math.Max(1, bolus)), Milliseconds.FromMinutes(Math.Max(t.BolusMinutes, 10)), Milliseconds.FromMinutes(t.LockoutMinutes), t.MaxPer24h);
        // A prescription the checks would refuse tests nothing: keep the peak basal plus the bolus's rate
        // under the 1 mL/h hard rate limit (a flex peak is 3/2 of the rate).
        long bolusRate = BolusRate.Of(drug.Concentration.VolumeOf(pca.Dose), pca.Duration).Value;
        long peakRoom = 950_000 - bolusRate;
        rate = Math.Min(rate, t.Flex ? peakRoom * 2 / 3 : peakRoom);
        if (!t.Flex) return Prescription.Continuous(drug, new NanolitersPerHour(rate), pca);
        // Night low, morning high, evening middle: the peak sets the guard's allowance all day.
        return Prescription.Flex(drug,
            new[] { Milliseconds.Zero, Milliseconds.FromHours(7), Milliseconds.FromHours(19) },
            new[] { new NanolitersPerHour(Math.Max(2_000, rate / 2)), new NanolitersPerHour(rate * 3 / 2), new NanolitersPerHour(rate) },
            pca);
    }

    private static (long Granted, long Hours) Run(Therapy t)
    {
        var rig = new PumpRig();
        rig.PassSelfTest();
        rig.Fill(20, t.Concentration);
        long concentration = t.Concentration;
        long daily = t.DailyPermille;
        rig.Pump.Program(Basal(t, concentration, daily), confirmed: true);
        long start = rig.Pump.Now.Value;
        long granted = 0;
        foreach (var step in t.Steps)
        {
            rig.RunFor(new Milliseconds(step.GapMs));
            switch (step.Move)
            {
                case Move.Press:
                    if (rig.Pump.RequestPatientBolus().Accepted) granted++;
                    break;
                case Move.Clinician:
                    if (rig.Pump.RequestClinicianBolus(new Micrograms(step.Number), Milliseconds.FromMinutes(1 + step.Number % 90), confirmed: true).Accepted) granted++;
                    break;
                case Move.Reprogram:
                    daily = 20 + step.Number * 780 / 1000;
                    rig.Pump.Program(Basal(t, concentration, daily), confirmed: true);
                    break;
                case Move.StopThenRestart:
                    rig.Pump.Program(Prescription.Stopped(TherapyFixture.Morphine(concentration)), confirmed: true);
                    rig.RunFor(Milliseconds.FromMinutes(step.Number % 180));
                    rig.Pump.Program(Basal(t, concentration, daily), confirmed: true);
                    break;
                case Move.Refill:
                    long next = Concentrations[step.Number % Concentrations.Length];
                    Nanoliters expected = rig.Pump.BeginRefill();
                    if (rig.Pump.CompleteRefill(expected, Nanoliters.FromMilliliters(20), TherapyFixture.Morphine(next), PumpConfiguration.DefaultLowReservoir, confirmed: true).Report.Accepted)
                    {
                        concentration = next;
                    }
                    break;
            }
            AssertNotTripped(rig, t);
        }
        rig.RunFor(Milliseconds.FromDays(2));
        AssertNotTripped(rig, t);
        Assert.IsTrue(rig.Motor.CompletedSteps > 0, "the therapy delivered");
        return (granted, (rig.Pump.Now.Value - start) / Milliseconds.PerHour);
    }

    private static void AssertNotTripped(PumpRig rig, Therapy t)
    {
        var guard = rig.Pump.Supervisor.Guard;
        if (guard.Tripped || rig.Pump.Supervisor.Alarms.IsShown(AlarmCode.OverInfusion))
        {
            throw new InvalidOperationException($"the guard tripped at {guard.TrippedAt} on its {guard.TrippedWindow} window: {t} with steps [{string.Join("; ", t.Steps.Select(s => $"{s.GapMs} {s.Move} {s.Number}"))}]");
        }
    }
}
