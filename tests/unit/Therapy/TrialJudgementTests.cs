using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Tests.Unit.Therapy
{
    /// <summary>TRIAL-JUDGED-ON-THREE: the trial report weighs relief, function and side effects, and names each.</summary>
    [TestClass]
    public class TrialJudgementTests
    {
        private static InfusionTherapy TrialTherapy(out Milliseconds start)
        {
            PumpConfiguration trial = PumpConfiguration.Trial(Nanoliters.FromMilliliters(20), TherapyFixture.Tubing, TherapyFixture.Catheter);
            Drug morphine = TherapyFixture.Morphine(1000);
            InfusionTherapy therapy = TherapyFixture.Filled(trial, morphine);
            Prescription p = Prescription.Continuous(morphine, new NanolitersPerHour(20833), null);
            Assert.IsTrue(therapy.Program(p, true, Milliseconds.Zero).Accepted);
            start = therapy.TipArrival;
            therapy.Tick(start);
            return therapy;
        }

        /// <summary>Baseline pain 8 with 30 min walking; trial pain 3 with 40 min walking: relief and function met.</summary>
        private static TrialDiary GoodTrial(InfusionTherapy therapy, Milliseconds start)
        {
            TrialDiary diary = new TrialDiary(Milliseconds.Never, Nanograms.Zero, 0, 0, 0);
            Assert.IsTrue(diary.AddPain(Milliseconds.Zero, 8).Accepted);
            Assert.IsTrue(diary.AddActivity(Milliseconds.Zero, ActivityKind.Walking, 30).Accepted);
            diary.StartTrial(start, therapy);
            Assert.IsTrue(diary.AddPain(start + Milliseconds.FromHours(6), 3).Accepted);
            Assert.IsTrue(diary.AddActivity(start + Milliseconds.FromHours(8), ActivityKind.Walking, 40).Accepted);
            return diary;
        }

        [TestMethod]
        public void A_trial_with_relief_function_and_tolerable_side_effects_is_recommended_naming_all_three()
        {
            Milliseconds start;
            InfusionTherapy therapy = TrialTherapy(out start);
            TrialDiary diary = GoodTrial(therapy, start);
            Assert.IsTrue(diary.AddSideEffect(start + Milliseconds.FromHours(9), SideEffectKind.Pruritus, SideEffectSeverity.Mild).Accepted);
            TrialReport report = TrialReport.From(diary, therapy, start + Milliseconds.FromDays(2), 50);
            Assert.AreEqual(TrialCriterion.Met, report.Relief);
            Assert.AreEqual(TrialCriterion.Met, report.Function);
            Assert.AreEqual(TrialCriterion.Met, report.SideEffects);
            Assert.IsTrue(report.Recommended);
            Assert.AreEqual(1, report.SideEffectEntries[(int)SideEffectKind.Pruritus]);
            Assert.AreEqual(SideEffectSeverity.Mild, report.WorstSideEffect[(int)SideEffectKind.Pruritus]);
            Expect.Mentions(report.Recommendation(), new string[] { "implant may be considered", "relief 62 % against 50 %: met", "function 40 min per activity entry against 30 min at baseline: met", "pruritus x1 worst mild", "side effects" });
        }

        [TestMethod]
        public void Relief_alone_is_not_enough_when_a_side_effect_is_severe()
        {
            Milliseconds start;
            InfusionTherapy therapy = TrialTherapy(out start);
            TrialDiary diary = GoodTrial(therapy, start);
            Assert.IsTrue(diary.AddSideEffect(start + Milliseconds.FromHours(9), SideEffectKind.NauseaVomiting, SideEffectSeverity.Moderate).Accepted);
            Assert.IsTrue(diary.AddSideEffect(start + Milliseconds.FromHours(10), SideEffectKind.NauseaVomiting, SideEffectSeverity.Severe).Accepted);
            TrialReport report = TrialReport.From(diary, therapy, start + Milliseconds.FromDays(2), 50);
            Assert.IsTrue(report.MeetsReliefThreshold);
            Assert.AreEqual(TrialCriterion.NotMet, report.SideEffects);
            Assert.IsFalse(report.Recommended);
            Assert.AreEqual(2, report.SideEffectEntries[(int)SideEffectKind.NauseaVomiting]);
            Assert.AreEqual(SideEffectSeverity.Severe, report.WorstSideEffect[(int)SideEffectKind.NauseaVomiting]);
            Expect.Mentions(report.Recommendation(), new string[] { "implant not supported", "nausea-vomiting x2 worst severe: not met" });
        }

        [TestMethod]
        public void Relief_alone_is_not_enough_when_activity_fell_or_was_not_recorded()
        {
            Milliseconds start;
            InfusionTherapy therapy = TrialTherapy(out start);
            TrialDiary diary = new TrialDiary(Milliseconds.Never, Nanograms.Zero, 0, 0, 0);
            Assert.IsTrue(diary.AddPain(Milliseconds.Zero, 8).Accepted);
            Assert.IsTrue(diary.AddActivity(Milliseconds.Zero, ActivityKind.Walking, 60).Accepted);
            diary.StartTrial(start, therapy);
            Assert.IsTrue(diary.AddPain(start + Milliseconds.FromHours(6), 2).Accepted);
            TrialReport unrecorded = TrialReport.From(diary, therapy, start + Milliseconds.FromDays(1), 50);
            Assert.AreEqual(TrialCriterion.NotRecorded, unrecorded.Function);
            Assert.IsFalse(unrecorded.Recommended);
            Expect.Mentions(unrecorded.Recommendation(), new string[] { "function none per activity entry against 60 min at baseline: not recorded" });
            Assert.IsTrue(diary.AddActivity(start + Milliseconds.FromHours(8), ActivityKind.Rest, 20).Accepted);
            TrialReport fell = TrialReport.From(diary, therapy, start + Milliseconds.FromDays(1), 50);
            Assert.AreEqual(TrialCriterion.NotMet, fell.Function);
            Assert.IsFalse(fell.Recommended);
        }

        [TestMethod]
        public void Side_effects_before_the_trial_infusion_do_not_count_against_it()
        {
            Milliseconds start;
            InfusionTherapy therapy = TrialTherapy(out start);
            TrialDiary diary = new TrialDiary(Milliseconds.Never, Nanograms.Zero, 0, 0, 0);
            Assert.IsTrue(diary.AddSideEffect(Milliseconds.Zero, SideEffectKind.NauseaVomiting, SideEffectSeverity.Severe).Accepted);
            diary.StartTrial(start, therapy);
            TrialReport report = TrialReport.From(diary, therapy, start + Milliseconds.FromDays(1), 50);
            Assert.AreEqual(0, report.SideEffectEntries[(int)SideEffectKind.NauseaVomiting]);
            Assert.AreEqual(TrialCriterion.Met, report.SideEffects);
        }

        [TestMethod]
        public void A_side_effect_severity_outside_mild_to_severe_is_refused_naming_the_value_and_limit()
        {
            TrialDiary diary = new TrialDiary(Milliseconds.Never, Nanograms.Zero, 0, 0, 0);
            CheckReport report = diary.AddSideEffect(Milliseconds.Zero, SideEffectKind.Sedation, SideEffectSeverity.None);
            Assert.IsTrue(report.Has(TherapyError.DiarySideEffectOutOfRange));
            Expect.Mentions(report.ToString(), new string[] { "side-effect severity", "0", "1..3" });
            Assert.AreEqual(0, diary.Count);
        }

        [TestMethod]
        public void Respiratory_depression_at_any_severity_and_severe_sedation_call_for_a_stop()
        {
            Assert.IsTrue(SideEffectStop.CallsForStop(SideEffectKind.RespiratoryDepression, SideEffectSeverity.Mild));
            Assert.IsTrue(SideEffectStop.CallsForStop(SideEffectKind.Sedation, SideEffectSeverity.Severe));
            Assert.IsFalse(SideEffectStop.CallsForStop(SideEffectKind.Sedation, SideEffectSeverity.Moderate));
            Assert.IsFalse(SideEffectStop.CallsForStop(SideEffectKind.NauseaVomiting, SideEffectSeverity.Severe));
        }
    }
}
