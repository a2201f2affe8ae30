using System.Text.Json;
using OpenIdds.HostLib;
using OpenIdds.HostLib.Prescriptions;
using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;
using OpenIdds.Tests.Unit.Therapy;

namespace OpenIdds.Tests.Host.Device;

/// <summary>
/// DAILY-DOSE-EXACT: a prescription written as a dose per day at the drug's concentration (0.5 mg/day
/// of 10 mg/mL, 2,083.33 nL/h, which no whole nL/h runs) is accepted, checked and delivered exactly.
/// </summary>
[TestClass]
public class DailyDoseExactTests
{
    /// <summary>Morphine 10 mg/mL with this prescription JSON, read as iddsctl and a scenario read it.</summary>
    private static Prescription Morphine(string json) =>
        JsonSerializer.Deserialize<PrescriptionSpec>(json, PrescriptionJson.Options)!.ToPrescription(TherapyFixture.Morphine(10_000), "prescription");

    /// <summary>An implanted pump with 31.25 nL steps, so that a few nanoliters a day show as whole steps.</summary>
    private static PumpRig FineSteps()
    {
        var setup = PumpRig.SmallSetup(OpenIdds.Firmware.Therapy.PumpStage.Implanted);
        setup.Calibration = new Calibration(31_250);
        var rig = new PumpRig(setup: setup);
        rig.PassSelfTest();
        rig.Fill();
        return rig;
    }

    [TestMethod]
    public void Half_a_milligram_a_day_of_10_mg_per_ml_is_accepted_and_thirty_days_deliver_thirty_times_50_ul_within_one_step()
    {
        var rig = FineSteps();
        Prescription p = Morphine("{ \"mode\": \"continuous\", \"dose_mg_per_day\": 0.5 }");
        var report = rig.Pump.Program(p, confirmed: true);
        Assert.IsTrue(report.Accepted, report.ToString());
        Assert.AreEqual(50_000L, rig.Pump.Therapy.Prescription.DailyVolume.Value, "the pump carries 50 uL a day, not a rounded rate (49.992 uL)");
        Assert.AreEqual(500_000L, rig.Pump.Therapy.Prescription.DailyDose.Value, "0.5 mg a day, checked and shown exactly");

        rig.RunTo(rig.Pump.Therapy.TipArrival.Value + 1);
        Assert.IsFalse(rig.Pump.Therapy.Flushing, "priming ended");
        long startSteps = rig.Motor.CompletedSteps;
        rig.RunFor(Milliseconds.FromDays(30));
        long deliveredPicoliters = (rig.Motor.CompletedSteps - startSteps) * 31_250;
        long expectedPicoliters = 30L * 50_000 * 1000;
        Assert.IsTrue(Math.Abs(deliveredPicoliters - expectedPicoliters) < 31_250,
            $"delivered {deliveredPicoliters} pL in 30 days against {expectedPicoliters} pL: more than one 31,250 pL step apart");
    }

    [TestMethod]
    public void The_daily_dose_limits_are_checked_against_the_exact_volume_per_day()
    {
        // Morphine's hard limit is 15 mg/day: exactly 15 mg needs only the soft-limit confirmation;
        // 10 ng more (1 nL a day more at 10 mg/mL) is refused with the exact figures.
        var rig = FineSteps();
        var at = rig.Pump.Program(Morphine("{ \"mode\": \"continuous\", \"dose_mg_per_day\": 15 }"), confirmed: true);
        Assert.IsTrue(at.Accepted, at.ToString());
        var above = rig.Pump.Program(Morphine("{ \"mode\": \"continuous\", \"dose_mg_per_day\": 15.00001 }"), confirmed: true);
        Assert.IsTrue(above.Has(TherapyError.DailyDoseAboveHardLimit), above.ToString());
        StringAssert.Contains(above.MessageOf(TherapyError.DailyDoseAboveHardLimit), "daily dose 15000.010 ug is above the hard limit 15000.000 ug");
        Assert.AreEqual(1_500_000L, rig.Pump.Therapy.Prescription.DailyVolume.Value, "the refusal changed nothing");
    }

    [TestMethod]
    public void A_dose_per_day_survives_a_reset_as_a_dose_per_day()
    {
        var rig = FineSteps();
        Assert.IsTrue(rig.Pump.Program(Morphine("{ \"mode\": \"continuous\", \"dose_ug_per_day\": 500 }"), confirmed: true).Accepted);
        rig.RunFor(Milliseconds.FromHours(3));
        rig.PowerCycle();
        rig.PassSelfTest();
        Assert.AreEqual(50_000L, rig.Pump.Therapy.Prescription.DailyVolume.Value, "50 uL a day, not its rounded rate (49.992 uL)");
    }

    [TestMethod]
    [DataRow("\"dose_mg_per_day\": 0.000001", "prescription.dose_mg_per_day 0.000001 mg/day at 10000 ug/mL is 0.1 nL a day, not a whole nanoliter", "a multiple of 10 ng a day")]
    [DataRow("\"dose_mg_per_day\": 0.5, \"rate_ul_per_h\": 2", "prescription.rate_ul_per_h 2 uL/h", "a rate or a dose per day, not both")]
    [DataRow("\"dose_mg_per_day\": 0.5, \"dose_ug_per_day\": 500", "prescription.dose_ug_per_day", "given twice")]
    [DataRow("\"dose_ug_per_day\": 0.0001", "prescription.dose_ug_per_day 0.0001 ug/day", "finer than a nanogram")]
    [DataRow("\"dose_mg_per_day\": 500000", "prescription.dose_mg_per_day 500000 mg/day at 10000 ug/mL is 50000000000 nL a day", "above the limit 4294967295 nL a day")]
    [DataRow("\"dose_mg_per_day\": 0", "prescription.dose_mg_per_day 0 mg/day", "outside the limit")]
    public void A_dose_per_day_that_is_not_a_whole_nanoliter_a_day_or_overflows_the_wire_is_refused_naming_the_field(string fields, string named, string why)
    {
        var e = Assert.ThrowsExactly<InputException>(() => Morphine("{ \"mode\": \"continuous\", " + fields + " }"));
        StringAssert.Contains(e.Message, named);
        StringAssert.Contains(e.Message, why);
    }
}
