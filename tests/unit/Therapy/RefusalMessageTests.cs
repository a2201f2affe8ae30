using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Tests.Unit.Therapy
{
    /// <summary>
    /// The refusals outside the prescription chain - at run time (boluses), in the programming
    /// transaction, at a refill, in the trial diary - one row each: the specific code, a message naming
    /// the field, the value and the limit, and nothing changed.
    /// </summary>
    [TestClass]
    public class RefusalMessageTests
    {
        private static Drug M10() { return TherapyFixture.Morphine(10000); }

        private static Prescription WithPca() { return Prescription.Continuous(M10(), NanolitersPerHour.FromMicrolitersPerHour(20), TherapyFixture.Pca()); }

        /// <summary>Filled with <paramref name="fill"/> of <paramref name="drug"/>, programmed with <paramref name="p"/>, run past the priming.</summary>
        private static InfusionTherapy Running(PumpConfiguration config, Drug drug, Nanoliters fill, Prescription p, out Milliseconds now)
        {
            InfusionTherapy therapy = PlannedReservoir.NewTherapy(config, DrugLibrary.CreateDefault(), null, Milliseconds.Zero);
            RefillResult filled = therapy.BeginRefill(Milliseconds.Zero).Complete(Nanoliters.Zero, fill, drug, PumpConfiguration.DefaultLowReservoir, true, Milliseconds.Zero);
            Assert.IsTrue(filled.Report.Accepted, filled.Report.ToString());
            CheckReport programmed = therapy.Program(p, true, Milliseconds.Zero);
            Assert.IsTrue(programmed.Accepted, programmed.ToString());
            now = therapy.TipArrival;
            therapy.Tick(now);
            return therapy;
        }

        /// <summary>Runs one case; <paramref name="unchanged"/> says whether the therapy or diary is as before the request.</summary>
        private static CheckReport Case(string name, out TherapyError expected, out string[] mentions, out bool unchanged)
        {
            Milliseconds now;
            switch (name)
            {
                case "patient bolus while stopped":
                    {
                        InfusionTherapy therapy = TherapyFixture.Running(WithPca(), out now);
                        therapy.Program(Prescription.Stopped(M10()), false, now);
                        int revision = therapy.Revision;
                        CheckReport report = therapy.RequestPatientBolus(now);
                        expected = TherapyError.TherapyNotRunning;
                        mentions = new string[] { "patient bolus", "mode stopped", "limit is a running continuous or flex therapy" };
                        unchanged = therapy.Revision == revision && therapy.PatientBolusesGranted == 0 && therapy.Plan.Profile.ActiveCount == 0;
                        return report;
                    }
                case "patient bolus not prescribed":
                    {
                        InfusionTherapy therapy = TherapyFixture.Running(TherapyFixture.Continuous20(), out now);
                        int revision = therapy.Revision;
                        CheckReport report = therapy.RequestPatientBolus(now);
                        expected = TherapyError.PatientBolusNotPrescribed;
                        mentions = new string[] { "patient bolus", "not prescribed", "limit is 0 per 24 h" };
                        unchanged = therapy.Revision == revision && therapy.PatientBolusesGranted == 0;
                        return report;
                    }
                case "no bolus slot free":
                    {
                        InfusionTherapy therapy = TherapyFixture.Running(WithPca(), out now);
                        for (int i = 0; i < 4; i++) Assert.IsTrue(therapy.RequestClinicianBolus(new Micrograms(10), Milliseconds.FromHours(2), true, now).Accepted);
                        int revision = therapy.Revision;
                        CheckReport report = therapy.RequestPatientBolus(now + Milliseconds.FromMinutes(1));
                        expected = TherapyError.NoBolusSlotFree;
                        mentions = new string[] { "patient bolus", "4 boluses running", "limit is 4" };
                        unchanged = therapy.Revision == revision && therapy.PatientBolusesGranted == 0 && therapy.Plan.Profile.ActiveCount == 4;
                        return report;
                    }
                case "reservoir too low for the bolus":
                    {
                        // 300 uL of 1 mg/mL; the 150 uL priming leaves 150 uL; a 200 ug clinician bolus needs 200 uL.
                        Drug m1 = TherapyFixture.Morphine(1000);
                        InfusionTherapy therapy = Running(TherapyFixture.Implant(), m1, Nanoliters.FromMicroliters(300), Prescription.Continuous(m1, NanolitersPerHour.FromMicrolitersPerHour(20), null), out now);
                        int revision = therapy.Revision;
                        CheckReport report = therapy.RequestClinicianBolus(new Micrograms(200), Milliseconds.FromHours(1), true, now);
                        expected = TherapyError.ReservoirTooLowForBolus;
                        mentions = new string[] { "clinician bolus volume", "200.000 uL", "computed reservoir 150.000 uL" };
                        unchanged = therapy.Revision == revision && therapy.ClinicianBolusesGranted == 0;
                        return report;
                    }
                case "clinician bolus with nothing programmed":
                    {
                        InfusionTherapy therapy = TherapyFixture.Filled(TherapyFixture.Implant(), M10());
                        int revision = therapy.Revision;
                        CheckReport report = therapy.RequestClinicianBolus(new Micrograms(100), Milliseconds.FromMinutes(30), true, Milliseconds.FromMinutes(1));
                        expected = TherapyError.NoDrugProgrammed;
                        mentions = new string[] { "clinician bolus", "mode stopped", "drug none", "line none", "reservoir morphine 10000 ug/mL", "limit is a running prescription whose drug fills the line and the reservoir" };
                        unchanged = therapy.Revision == revision && therapy.ClinicianBolusesGranted == 0;
                        return report;
                    }
                case "superseded programming session":
                    {
                        InfusionTherapy therapy = TherapyFixture.Running(TherapyFixture.Continuous20(), out now);
                        Prescription before = therapy.Prescription;
                        ProgrammingSession first = therapy.OpenProgramming(now);
                        first.Enter(WithPca());
                        therapy.OpenProgramming(now + Milliseconds.FromMinutes(1));
                        CheckReport report = first.Commit(true, now + Milliseconds.FromMinutes(2));
                        expected = TherapyError.ProgrammingSessionSuperseded;
                        mentions = new string[] { "programming session 1", "superseded by session 2", "previous therapy continues" };
                        unchanged = therapy.Prescription == before;
                        return report;
                    }
                case "drug other than the reservoir's":
                    {
                        InfusionTherapy therapy = TherapyFixture.Running(TherapyFixture.Continuous20(), out now);
                        Prescription before = therapy.Prescription;
                        CheckReport report = therapy.Program(Prescription.Continuous(TherapyFixture.Morphine(5000), NanolitersPerHour.FromMicrolitersPerHour(40), null), true, now);
                        expected = TherapyError.ReservoirDrugMismatch;
                        mentions = new string[] { "drug morphine 5000 ug/mL", "reservoir's drug morphine 10000 ug/mL", "refill" };
                        unchanged = therapy.Prescription == before;
                        return report;
                    }
                case "bridge that cannot complete":
                    {
                        // A 2 mL catheter at the old 2 uL/h takes 1,060 h to flush: beyond the 30-day limit.
                        PumpConfiguration longLine = PumpConfiguration.Implanted(Nanoliters.FromMilliliters(20), TherapyFixture.Tubing, Nanoliters.FromMilliliters(2));
                        InfusionTherapy therapy = Running(longLine, M10(), Nanoliters.FromMilliliters(20), Prescription.Continuous(M10(), NanolitersPerHour.FromMicrolitersPerHour(2), null), out now);
                        Prescription before = therapy.Prescription;
                        Nanoliters reservoir = therapy.ReservoirVolume;
                        RefillSession session = therapy.BeginRefill(now);
                        RefillResult result = session.Complete(session.Expected, Nanoliters.FromMilliliters(20), TherapyFixture.Morphine(5000), PumpConfiguration.DefaultLowReservoir, true, now);
                        expected = TherapyError.BridgeCannotComplete;
                        mentions = new string[] { "line volume", "2120.000 uL", "limit 2592000000 ms" };
                        unchanged = therapy.Prescription == before && therapy.ReservoirVolume == reservoir && therapy.ReservoirDrug.SameAs(M10());
                        return result.Report;
                    }
                case "bridge of a drug that never ran a basal":
                    {
                        // 20 mg/mL only ever gave a single bolus; after a refill to 1 mg/mL, 600 uL/h would push
                        // the 20 mg/mL left in the line at 288 mg/day.
                        Drug m20 = TherapyFixture.Morphine(20000);
                        InfusionTherapy therapy = TherapyFixture.Filled(TherapyFixture.Implant(), m20);
                        Assert.IsTrue(therapy.Program(Prescription.SingleBolus(m20, new Micrograms(100), Milliseconds.FromHours(1)), true, Milliseconds.Zero).Accepted);
                        now = therapy.TipArrival + Milliseconds.FromHours(2);
                        therapy.Tick(now);
                        Assert.IsTrue(therapy.Program(Prescription.Stopped(m20), true, now).Accepted);
                        Drug m1 = TherapyFixture.Morphine(1000);
                        RefillSession session = therapy.BeginRefill(now);
                        Assert.IsTrue(session.Complete(session.Expected, Nanoliters.FromMilliliters(20), m1, PumpConfiguration.DefaultLowReservoir, true, now).Report.Accepted);
                        Prescription before = therapy.Prescription;
                        CheckReport report = therapy.Program(Prescription.Continuous(m1, NanolitersPerHour.FromMicrolitersPerHour(600), null), true, now);
                        expected = TherapyError.BridgeAboveOldDrugLimit;
                        mentions = new string[] { "bridge daily dose", "morphine 20000 ug/mL", "288000.000 ug", "hard limit 15000.000 ug" };
                        unchanged = therapy.Prescription == before && !therapy.Flushing;
                        return report;
                    }
                case "activity minutes zero":
                case "activity minutes above a day":
                    {
                        TrialDiary diary = new TrialDiary(Milliseconds.Never, Nanograms.Zero, 0, 0, 0);
                        int minutes = name == "activity minutes zero" ? 0 : TrialDiary.MaxActivityMinutes + 1;
                        CheckReport report = diary.AddActivity(Milliseconds.FromHours(1), ActivityKind.Walking, minutes);
                        expected = TherapyError.DiaryActivityMinutesOutOfRange;
                        mentions = new string[] { "activity minutes", minutes.ToString(), "limit 1..1440" };
                        unchanged = diary.Count == 0;
                        return report;
                    }
                case "diary full":
                    {
                        TrialDiary diary = new TrialDiary(Milliseconds.Never, Nanograms.Zero, 0, 0, 0);
                        for (int i = 0; i < TrialDiary.Capacity; i++) Assert.IsTrue(diary.AddPain(Milliseconds.FromMinutes(i), 5).Accepted);
                        CheckReport report = diary.AddPain(Milliseconds.FromDays(1), 4);
                        expected = TherapyError.DiaryFull;
                        mentions = new string[] { "diary entries", "256", "limit 256" };
                        unchanged = diary.Count == TrialDiary.Capacity && diary.Pain(TrialDiary.Capacity - 1) == 5;
                        return report;
                    }
                case "diary out of time order":
                    {
                        TrialDiary diary = new TrialDiary(Milliseconds.Never, Nanograms.Zero, 0, 0, 0);
                        Assert.IsTrue(diary.AddPain(Milliseconds.FromHours(5), 4).Accepted);
                        CheckReport report = diary.AddActivity(Milliseconds.FromHours(1), ActivityKind.Walking, 20);
                        expected = TherapyError.DiaryTimeOutOfOrder;
                        mentions = new string[] { "diary time", "3600000 ms", "last entry 18000000 ms" };
                        unchanged = diary.Count == 1;
                        return report;
                    }
                default:
                    expected = TherapyError.None;
                    mentions = new string[0];
                    unchanged = false;
                    return new CheckReport();
            }
        }

        [TestMethod]
        [DataRow("patient bolus while stopped")]
        [DataRow("patient bolus not prescribed")]
        [DataRow("no bolus slot free")]
        [DataRow("reservoir too low for the bolus")]
        [DataRow("clinician bolus with nothing programmed")]
        [DataRow("superseded programming session")]
        [DataRow("drug other than the reservoir's")]
        [DataRow("bridge that cannot complete")]
        [DataRow("bridge of a drug that never ran a basal")]
        [DataRow("activity minutes zero")]
        [DataRow("activity minutes above a day")]
        [DataRow("diary full")]
        [DataRow("diary out of time order")]
        public void A_refused_request_names_its_code_field_value_and_limit_and_changes_nothing(string name)
        {
            TherapyError expected;
            string[] mentions;
            bool unchanged;
            CheckReport report = Case(name, out expected, out mentions, out unchanged);
            Assert.IsTrue(expected != TherapyError.None, name + " is not a case");
            Assert.IsTrue(report.Refused, name + ": " + report.ToString());
            Assert.IsTrue(report.Has(expected), name + ": expected code " + ((int)expected).ToString() + " in " + report.ToString());
            Expect.Mentions(report.MessageOf(expected), mentions);
            Assert.IsTrue(unchanged, name + ": the request changed something");
        }
    }
}
