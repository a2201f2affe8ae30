using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Tests.Unit.Therapy
{
    /// <summary>The trial stage: the patient diary, the trial report the implant decision rests on, and the move to the implant.</summary>
    [TestClass]
    public class TrialTests
    {
        private static InfusionTherapy TrialTherapy(out Milliseconds start)
        {
            PumpConfiguration trial = PumpConfiguration.Trial(Nanoliters.FromMilliliters(20), TherapyFixture.Tubing, TherapyFixture.Catheter);
            Drug morphine = TherapyFixture.Morphine(1000);
            InfusionTherapy therapy = TherapyFixture.Filled(trial, morphine);
            // 0.5 mg/day at 1 mg/mL, with a 50 ug patient bolus, 2 h lockout, 4 a day.
            Prescription p = Prescription.Continuous(morphine, new NanolitersPerHour(20833), new PatientBolusSettings(new Micrograms(50), Milliseconds.FromMinutes(10), Milliseconds.FromHours(2), 4));
            Assert.IsTrue(therapy.Program(p, true, Milliseconds.Zero).Accepted);
            start = therapy.TipArrival;
            therapy.Tick(start);
            return therapy;
        }

        [TestMethod]
        public void A_pain_score_outside_0_to_10_is_refused_naming_the_value_and_limit()
        {
            Milliseconds start;
            InfusionTherapy therapy = TrialTherapy(out start);
            TrialDiary diary = new TrialDiary(start, therapy);
            CheckReport report = diary.AddPain(start, 11);
            Assert.IsFalse(report.Accepted);
            Assert.IsTrue(report.Has(TherapyError.DiaryPainOutOfRange));
            Expect.Mentions(report.ToString(), new string[] { "pain score", "11", "0..10" });
            Assert.AreEqual(0, diary.Count);
        }

        [TestMethod]
        public void Entries_out_of_time_order_are_refused()
        {
            Milliseconds start;
            InfusionTherapy therapy = TrialTherapy(out start);
            TrialDiary diary = new TrialDiary(start, therapy);
            Assert.IsTrue(diary.AddPain(start + Milliseconds.FromHours(5), 4).Accepted);
            CheckReport late = diary.AddActivity(start + Milliseconds.FromHours(1), ActivityKind.Walking, 20);
            Assert.IsTrue(late.Has(TherapyError.DiaryTimeOutOfOrder));
            Assert.AreEqual(1, diary.Count);
        }

        [TestMethod]
        public void The_trial_report_gives_relief_dose_per_day_and_bolus_requests()
        {
            Milliseconds start;
            InfusionTherapy therapy = TrialTherapy(out start);
            TrialDiary diary = new TrialDiary(start, therapy);
            // Entries before the trial start (the priming takes a few minutes) are the baseline: 8 and 8.
            Assert.IsTrue(start.Value > 60000, "priming delays the trial start");
            Assert.IsTrue(diary.AddPain(Milliseconds.Zero, 8).Accepted);
            Assert.IsTrue(diary.AddPain(start - Milliseconds.FromMinutes(1), 8).Accepted);
            Milliseconds day = Milliseconds.FromDays(1);
            Assert.IsTrue(diary.AddPain(start + Milliseconds.FromHours(6), 4).Accepted);
            Assert.IsTrue(diary.AddActivity(start + Milliseconds.FromHours(8), ActivityKind.Walking, 30).Accepted);
            Assert.IsTrue(therapy.RequestPatientBolus(start + Milliseconds.FromHours(9)).Accepted);
            Assert.IsFalse(therapy.RequestPatientBolus(start + Milliseconds.FromHours(10)).Accepted, "inside the 2 h lockout");
            Assert.IsTrue(diary.AddPain(start + day + Milliseconds.FromHours(6), 3).Accepted);
            Milliseconds end = start + Milliseconds.FromDays(3);
            TrialReport report = TrialReport.From(diary, therapy, end, TrialReport.DefaultReliefThresholdPercent);
            Assert.AreEqual(2, report.BaselinePainEntries);
            Assert.AreEqual(80, report.BaselinePainTenths);
            Assert.AreEqual(2, report.TrialPainEntries);
            Assert.AreEqual(35, report.TrialPainTenths);
            Assert.AreEqual(56, report.ReliefPercent, "(8 - 3.5) / 8 = 56.25 %, rounded down");
            Assert.IsTrue(report.MeetsReliefThreshold);
            Assert.AreEqual(1, report.BolusRequestsGranted);
            Assert.AreEqual(1, report.BolusRequestsRefused);
            Assert.AreEqual(10L, report.ActivityMinutesPerDay);
            // 0.5 mg/day basal plus one 50 ug bolus over 3 days: 516,666 ng/day, within rounding.
            Assert.IsTrue(report.DosePerDay.Value >= 516000 && report.DosePerDay.Value <= 517000, "dose per day " + report.DosePerDay.Value.ToString() + " ng");
        }

        [TestMethod]
        public void Moving_to_the_implant_stops_the_trial_and_only_goes_from_trial_to_implanted()
        {
            Milliseconds start;
            InfusionTherapy therapy = TrialTherapy(out start);
            Milliseconds decision = start + Milliseconds.FromDays(3);
            CheckReport report = therapy.MoveToImplant(TherapyFixture.Implant(), decision);
            Assert.IsTrue(report.Accepted, report.ToString());
            Assert.AreEqual((int)DeliveryMode.Stopped, (int)therapy.Prescription.Mode);
            Assert.AreEqual(0L, therapy.ReservoirVolume.Value, "the implanted reservoir is empty until its refill");
            CheckReport again = therapy.MoveToImplant(TherapyFixture.Implant(), decision);
            Assert.IsTrue(again.Has(TherapyError.StageChangeNotAllowed));
            Expect.Mentions(again.ToString(), new string[] { "implanted", "trial to implanted" });
        }
    }
}
