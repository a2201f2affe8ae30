using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Tests.Unit.Therapy
{
    /// <summary>The patient bolus chain: lockout, maximum per rolling 24 h, rolling daily limit refused in advance.</summary>
    [TestClass]
    public class PatientBolusTests
    {
        private static InfusionTherapy WithPca(out Milliseconds now)
        {
            return TherapyFixture.Running(Prescription.Continuous(TherapyFixture.Morphine(10000), NanolitersPerHour.FromMicrolitersPerHour(20), TherapyFixture.Pca()), out now);
        }

        [TestMethod]
        public void A_granted_bolus_is_laid_over_the_basal_and_delivered_whole()
        {
            Milliseconds now;
            InfusionTherapy therapy = WithPca(out now);
            int revision = therapy.Revision;
            Assert.IsTrue(therapy.RequestPatientBolus(now).Accepted);
            Assert.IsTrue(therapy.Revision != revision, "the scheduler must be told to replan");
            Milliseconds next;
            // 100 ug at 10 mg/mL = 10 uL over 10 min = 60 uL/h on top of 20 uL/h.
            Assert.AreEqual(80000L, therapy.Profile.RateAt(now, out next).Value);
            long before = therapy.Ledger.Total.Value;
            therapy.Tick(now + Milliseconds.FromHours(1));
            // 1 h basal (200 ug) + the bolus (100 ug).
            Assert.AreEqual(300000L, therapy.Ledger.Total.Value - before);
            Assert.AreEqual(1, therapy.PatientBolusesGranted);
        }

        [TestMethod]
        public void A_bolus_inside_the_lockout_is_refused_with_the_lockout_named()
        {
            Milliseconds now;
            InfusionTherapy therapy = WithPca(out now);
            Assert.IsTrue(therapy.RequestPatientBolus(now).Accepted);
            CheckReport early = therapy.RequestPatientBolus(now + Milliseconds.FromMinutes(90));
            Assert.IsTrue(early.Refused);
            Assert.AreEqual((int)TherapyError.PatientBolusInLockout, (int)early.FirstRefusal);
            Expect.Mentions(early.MessageOf(TherapyError.PatientBolusInLockout), new string[] { "patient bolus 1 h 30 min after the last one", "lockout limit 2 h" });
            Assert.AreEqual((int)TherapyRecordKind.PatientBolusRefused, (int)therapy.Records.Newest(0).Kind);
            Assert.IsTrue(therapy.RequestPatientBolus(now + Milliseconds.FromHours(2)).Accepted);
        }

        [TestMethod]
        public void No_more_than_the_maximum_in_any_rolling_24_hours()
        {
            Milliseconds now;
            InfusionTherapy therapy = WithPca(out now);
            for (int i = 0; i < 4; i++) Assert.IsTrue(therapy.RequestPatientBolus(now + Milliseconds.FromHours(2 * i)).Accepted);
            CheckReport fifth = therapy.RequestPatientBolus(now + Milliseconds.FromHours(8));
            Assert.AreEqual((int)TherapyError.PatientBolusCountReached, (int)fifth.FirstRefusal);
            Expect.Mentions(fifth.MessageOf(TherapyError.PatientBolusCountReached), new string[] { "patient boluses in the last 24 h", "4", "limit 4 per 24 h" });
            // 24 h after the first one, one slot frees up.
            Assert.IsTrue(therapy.RequestPatientBolus(now + Milliseconds.FromHours(24) + new Milliseconds(1)).Accepted);
        }

        [TestMethod]
        public void A_bolus_that_would_break_the_rolling_daily_limit_is_refused_in_advance_not_cut()
        {
            // 14.2 mg/day basal (soft limit, confirmed) + a 1 mg bolus = 15.2 mg > 15 mg: refused before it starts.
            Prescription high = Prescription.Continuous(TherapyFixture.Morphine(10000), new NanolitersPerHour(59167),
                new PatientBolusSettings(new Micrograms(1000), Milliseconds.FromMinutes(10), Milliseconds.FromHours(2), 1));
            Milliseconds now;
            InfusionTherapy therapy = TherapyFixture.Running(high, out now);
            therapy.Tick(now + Milliseconds.FromDays(1));
            int revision = therapy.Revision;
            CheckReport report = therapy.RequestPatientBolus(now + Milliseconds.FromDays(1));
            Assert.AreEqual((int)TherapyError.RollingDailyDoseWouldExceedLimit, (int)report.FirstRefusal);
            Expect.Mentions(report.MessageOf(TherapyError.RollingDailyDoseWouldExceedLimit), new string[] { "rolling 24 h dose", "hard daily limit 15000.000 ug" });
            Assert.AreEqual(revision, therapy.Revision);
            Assert.AreEqual(0, therapy.Plan.Profile.ActiveCount);
        }

        [TestMethod]
        public void Without_a_prescribed_patient_bolus_every_request_is_refused()
        {
            Milliseconds now;
            InfusionTherapy therapy = TherapyFixture.Running(TherapyFixture.Continuous20(), out now);
            CheckReport report = therapy.RequestPatientBolus(now);
            Assert.AreEqual((int)TherapyError.PatientBolusNotPrescribed, (int)report.FirstRefusal);
            Assert.AreEqual(1, therapy.PatientBolusesRefused);
        }

        [TestMethod]
        public void A_stopped_pump_grants_no_patient_bolus()
        {
            Milliseconds now;
            InfusionTherapy therapy = WithPca(out now);
            therapy.Program(Prescription.Stopped(TherapyFixture.Morphine(10000)), false, now);
            Assert.AreEqual((int)TherapyError.TherapyNotRunning, (int)therapy.RequestPatientBolus(now).FirstRefusal);
        }

        [TestMethod]
        public void The_lockout_survives_a_reprogramming()
        {
            Milliseconds now;
            InfusionTherapy therapy = WithPca(out now);
            Assert.IsTrue(therapy.RequestPatientBolus(now).Accepted);
            Prescription lower = Prescription.Continuous(TherapyFixture.Morphine(10000), NanolitersPerHour.FromMicrolitersPerHour(15), TherapyFixture.Pca());
            Assert.IsTrue(therapy.Program(lower, false, now + Milliseconds.FromMinutes(1)).Accepted);
            // The running bolus was carried over, not cut.
            Milliseconds next;
            Assert.AreEqual(75000L, therapy.Profile.RateAt(now + Milliseconds.FromMinutes(5), out next).Value);
            Assert.AreEqual((int)TherapyError.PatientBolusInLockout, (int)therapy.RequestPatientBolus(now + Milliseconds.FromMinutes(30)).FirstRefusal);
        }

        [TestMethod]
        public void A_clinician_bolus_too_fast_for_the_rate_limit_is_lengthened_and_the_clamp_recorded()
        {
            Milliseconds now;
            InfusionTherapy therapy = TherapyFixture.Running(TherapyFixture.Continuous20(), out now);
            // 200 ug = 20 uL in 30 s = 2400 uL/h; with 20 uL/h basal the room under 1000 uL/h is 980 uL/h.
            CheckReport report = therapy.RequestClinicianBolus(new Micrograms(200), Milliseconds.FromSeconds(30), true, now);
            Assert.IsTrue(report.Accepted, report.ToString());
            Assert.IsTrue(report.Has(TherapyError.BolusRateClamped));
            Expect.Mentions(report.MessageOf(TherapyError.BolusRateClamped), new string[] { "2400.000 uL/h", "hard limit 980.000 uL/h", "to 73470 ms" });
            therapy.Tick(now + Milliseconds.FromHours(1));
            Assert.AreEqual(1, therapy.ClinicianBolusesGranted);
        }

        [TestMethod]
        public void A_clinician_bolus_above_the_soft_dose_needs_confirmation()
        {
            Milliseconds now;
            InfusionTherapy therapy = TherapyFixture.Running(TherapyFixture.Continuous20(), out now);
            CheckReport report = therapy.RequestClinicianBolus(new Micrograms(300), Milliseconds.FromMinutes(30), false, now);
            Assert.IsTrue(report.NeedsConfirmation, report.ToString());
            Expect.Mentions(report.MessageOf(TherapyError.BolusDoseAboveSoftLimit), new string[] { "clinician bolus dose", "300 ug", "soft limit 200 ug" });
            Assert.AreEqual(0, therapy.Plan.Profile.ActiveCount);
            Assert.IsTrue(therapy.RequestClinicianBolus(new Micrograms(300), Milliseconds.FromMinutes(30), true, now).Accepted);
        }

        [TestMethod]
        [DataRow(0L, 600000L, (int)TherapyError.BolusDoseNotPositive, "0 ug")]
        [DataRow(1500L, 600000L, (int)TherapyError.BolusDoseAboveHardLimit, "hard limit 1000 ug")]
        [DataRow(100L, 0L, (int)TherapyError.BolusDurationNotPositive, "limit 1 ms")]
        [DataRow(100L, 86400001L, (int)TherapyError.BolusDurationNotPositive, "86400001 ms")]
        public void A_bad_clinician_bolus_is_refused_with_its_code(long micrograms, long durationMs, int code, string mention)
        {
            Milliseconds now;
            InfusionTherapy therapy = TherapyFixture.Running(TherapyFixture.Continuous20(), out now);
            CheckReport report = therapy.RequestClinicianBolus(new Micrograms(micrograms), new Milliseconds(durationMs), true, now);
            Assert.IsTrue(report.Refused);
            Assert.IsTrue(report.Has((TherapyError)code), report.ToString());
            Expect.Mentions(report.MessageOf((TherapyError)code), new string[] { "clinician bolus", mention });
        }
    }
}
