using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Tests.Unit.Therapy
{
    /// <summary>
    /// Every validation rule of the prescription check chain, one row each: the specific code, a
    /// message naming the field, the value and the limit, and nothing changed.
    /// </summary>
    [TestClass]
    public class PrescriptionValidationTests
    {
        private static Prescription Case(string name, out TherapyError expected, out string[] mentions)
        {
            Drug m10 = TherapyFixture.Morphine(10000);
            NanolitersPerHour r20 = NanolitersPerHour.FromMicrolitersPerHour(20);
            Milliseconds ten = Milliseconds.FromMinutes(10);
            Milliseconds twoHours = Milliseconds.FromHours(2);
            switch (name)
            {
                case "empty drug name":
                    expected = TherapyError.DrugNameEmpty; mentions = new string[] { "drug name", "''", "library" };
                    return Prescription.Continuous(new Drug("", new MicrogramsPerMilliliter(10000)), r20, null);
                case "unknown drug":
                    expected = TherapyError.DrugNotInLibrary; mentions = new string[] { "drug name", "'morfine'", "the library has morphine, " };
                    return Prescription.Continuous(new Drug("morfine", new MicrogramsPerMilliliter(10000)), r20, null);
                case "drug name in capitals":
                    expected = TherapyError.DrugNotInLibrary; mentions = new string[] { "drug name 'Morphine'", "the library spells it 'morphine'" };
                    return Prescription.Continuous(new Drug("Morphine", new MicrogramsPerMilliliter(10000)), r20, null);
                case "concentration zero":
                    expected = TherapyError.ConcentrationNotPositive; mentions = new string[] { "concentration", "0 ug/mL", "limit 0 ug/mL" };
                    return Prescription.Continuous(TherapyFixture.Morphine(0), r20, null);
                case "concentration above hard":
                    expected = TherapyError.ConcentrationAboveHardLimit; mentions = new string[] { "concentration", "25000 ug/mL", "hard limit 20000 ug/mL" };
                    return Prescription.Continuous(TherapyFixture.Morphine(25000), NanolitersPerHour.FromMicrolitersPerHour(2), null);
                case "rate negative":
                    expected = TherapyError.RateNegative; mentions = new string[] { "rate", "-1.000 uL/h", "limit 0.000 uL/h" };
                    return Prescription.Continuous(m10, new NanolitersPerHour(-1000), null);
                case "rate above device maximum":
                    expected = TherapyError.RateAboveDeviceMaximum; mentions = new string[] { "rate", "2000.000 uL/h", "implanted pump maximum 1000.000 uL/h" };
                    return Prescription.Continuous(TherapyFixture.Morphine(100), NanolitersPerHour.FromMicrolitersPerHour(2000), null);
                case "rate below device minimum":
                    expected = TherapyError.RateBelowDeviceMinimum; mentions = new string[] { "rate", "1.000 uL/h", "implanted pump minimum 2.000 uL/h" };
                    return Prescription.Continuous(m10, NanolitersPerHour.FromMicrolitersPerHour(1), null);
                case "daily dose above hard":
                    // 70 uL/h x 24 h = 1.68 mL at 10 mg/mL = 16.8 mg/day > 15 mg/day.
                    expected = TherapyError.DailyDoseAboveHardLimit; mentions = new string[] { "daily dose", "16800.000 ug", "hard limit 15000.000 ug" };
                    return Prescription.Continuous(m10, NanolitersPerHour.FromMicrolitersPerHour(70), null);
                case "flex no steps":
                    expected = TherapyError.FlexStepCountOutOfRange; mentions = new string[] { "flex steps", "0", "limit 1..12" };
                    return Prescription.Flex(m10, new Milliseconds[0], new NanolitersPerHour[0], null);
                case "flex rate count mismatch":
                    expected = TherapyError.FlexRateCountMismatch; mentions = new string[] { "flex rates", "1", "flex steps 2" };
                    return Prescription.Flex(m10, new Milliseconds[] { Milliseconds.Zero, Milliseconds.FromHours(8) }, new NanolitersPerHour[] { r20 }, null);
                case "flex starts out of order":
                    expected = TherapyError.FlexStartOutOfOrder; mentions = new string[] { "flex start[1]", "3600000 ms", "after 28800000 ms" };
                    return Prescription.Flex(m10, new Milliseconds[] { Milliseconds.FromHours(8), Milliseconds.FromHours(1) }, new NanolitersPerHour[] { r20, r20 }, null);
                case "flex start beyond the day":
                    expected = TherapyError.FlexStartOutOfOrder; mentions = new string[] { "flex start[0]", "86400000 ms", "limit 86400000 ms" };
                    return Prescription.Flex(m10, new Milliseconds[] { Milliseconds.FromHours(24) }, new NanolitersPerHour[] { r20 }, null);
                case "single bolus duration zero":
                    expected = TherapyError.SingleBolusDurationNotPositive; mentions = new string[] { "single bolus duration", "0 ms", "limit 1 ms" };
                    return Prescription.SingleBolus(m10, new Micrograms(100), Milliseconds.Zero);
                case "single bolus dose above hard":
                    expected = TherapyError.BolusDoseAboveHardLimit; mentions = new string[] { "single bolus dose", "1001 ug", "hard limit 1000 ug" };
                    return Prescription.SingleBolus(TherapyFixture.Morphine(1000), new Micrograms(1001), Milliseconds.FromHours(1));
                case "single bolus dose zero":
                    expected = TherapyError.BolusDoseNotPositive; mentions = new string[] { "single bolus dose", "0 ug", "limit 0 ug" };
                    return Prescription.SingleBolus(m10, Micrograms.Zero, Milliseconds.FromHours(1));
                case "patient bolus dose zero":
                    expected = TherapyError.BolusDoseNotPositive; mentions = new string[] { "patient bolus dose", "0 ug", "limit 0 ug" };
                    return Prescription.Continuous(m10, r20, new PatientBolusSettings(Micrograms.Zero, ten, twoHours, 4));
                case "patient bolus dose above hard":
                    expected = TherapyError.BolusDoseAboveHardLimit; mentions = new string[] { "patient bolus dose", "1200 ug", "hard limit 1000 ug" };
                    return Prescription.Continuous(m10, r20, new PatientBolusSettings(new Micrograms(1200), ten, twoHours, 1));
                case "patient bolus count above hard":
                    expected = TherapyError.BolusCountAboveHardLimit; mentions = new string[] { "patient boluses per 24 h", "13", "hard limit 12" };
                    return Prescription.Continuous(m10, r20, new PatientBolusSettings(new Micrograms(10), ten, twoHours, 13));
                case "patient bolus count zero":
                    expected = TherapyError.BolusCountNotPositive; mentions = new string[] { "patient boluses per 24 h", "0", "limit 0" };
                    return Prescription.Continuous(m10, r20, new PatientBolusSettings(new Micrograms(10), ten, twoHours, 0));
                case "patient bolus lockout negative":
                    expected = TherapyError.LockoutNegative; mentions = new string[] { "lockout", "-1 ms", "limit 0 min" };
                    return Prescription.Continuous(m10, r20, new PatientBolusSettings(new Micrograms(10), ten, new Milliseconds(-1), 4));
                case "patient bolus duration zero":
                    expected = TherapyError.BolusDurationNotPositive; mentions = new string[] { "patient bolus duration", "0 ms", "limit 1 ms" };
                    return Prescription.Continuous(m10, r20, new PatientBolusSettings(new Micrograms(10), Milliseconds.Zero, twoHours, 4));
                case "mode unknown":
                    expected = TherapyError.ModeUnknown; mentions = new string[] { "mode", "9", "limit 0..3" };
                    return Prescription.OfUndefinedMode(m10, 9, r20);
                case "rate above hard":
                    // P5 names the drug's own limit; 2 mL/h also breaks the implant's device maximum (P4).
                    expected = TherapyError.RateAboveHardLimit; mentions = new string[] { "rate", "2000.000 uL/h", "hard limit 1000.000 uL/h", "morphine" };
                    return Prescription.Continuous(TherapyFixture.Morphine(100), NanolitersPerHour.FromMicrolitersPerHour(2000), null);
                case "patient bolus lockout above a day":
                    expected = TherapyError.LockoutAboveLimit; mentions = new string[] { "patient bolus lockout 1 d (86400001 ms)", "limit 1 d" };
                    return Prescription.Continuous(m10, r20, new PatientBolusSettings(new Micrograms(10), ten, new Milliseconds(Milliseconds.PerDay + 1), 4));
                case "patient bolus too fast":
                    // 100 ug at 10 mg/mL = 10 uL in 10 s = 3600 uL/h, above the 1000 uL/h hard rate.
                    expected = TherapyError.RateAboveHardLimit; mentions = new string[] { "patient bolus rate", "3620.000 uL/h", "hard limit 1000.000 uL/h" };
                    return Prescription.Continuous(m10, r20, new PatientBolusSettings(new Micrograms(100), Milliseconds.FromSeconds(10), twoHours, 4));
                default:
                    expected = TherapyError.None; mentions = new string[0];
                    return TherapyFixture.Continuous20();
            }
        }

        [TestMethod]
        [DataRow("empty drug name")]
        [DataRow("unknown drug")]
        [DataRow("concentration zero")]
        [DataRow("concentration above hard")]
        [DataRow("rate negative")]
        [DataRow("rate above device maximum")]
        [DataRow("rate below device minimum")]
        [DataRow("daily dose above hard")]
        [DataRow("flex no steps")]
        [DataRow("flex rate count mismatch")]
        [DataRow("flex starts out of order")]
        [DataRow("flex start beyond the day")]
        [DataRow("single bolus duration zero")]
        [DataRow("single bolus dose above hard")]
        [DataRow("single bolus dose zero")]
        [DataRow("patient bolus dose zero")]
        [DataRow("patient bolus dose above hard")]
        [DataRow("patient bolus count above hard")]
        [DataRow("patient bolus count zero")]
        [DataRow("drug name in capitals")]
        [DataRow("patient bolus lockout negative")]
        [DataRow("patient bolus duration zero")]
        [DataRow("patient bolus too fast")]
        [DataRow("mode unknown")]
        [DataRow("rate above hard")]
        [DataRow("patient bolus lockout above a day")]
        public void A_bad_prescription_is_refused_with_its_code_field_value_and_limit_and_nothing_changes(string name)
        {
            Milliseconds now;
            InfusionTherapy therapy = TherapyFixture.Running(TherapyFixture.Continuous20(), out now);
            Prescription before = therapy.Prescription;
            int revision = therapy.Revision;
            TherapyError expected;
            string[] mentions;
            Prescription bad = Case(name, out expected, out mentions);

            CheckReport report = therapy.Program(bad, true, now);

            Assert.IsTrue(report.Refused, name + ": " + report.ToString());
            Assert.IsTrue(report.Has(expected), name + ": expected code " + ((int)expected).ToString() + " in " + report.ToString());
            Expect.Mentions(report.MessageOf(expected), mentions);
            Assert.IsTrue(therapy.Prescription == before, "the running prescription changed");
            Assert.AreEqual(revision, therapy.Revision);
        }

        [TestMethod]
        public void A_refusal_carries_all_its_reasons_and_each_is_logged()
        {
            Milliseconds now;
            InfusionTherapy therapy = TherapyFixture.Running(TherapyFixture.Continuous20(), out now);
            long written = therapy.Records.Written;
            // Concentration above hard AND a patient bolus count above hard AND a lockout below 0
            // (8 uL/h at 25 mg/mL keeps today's 4.8 mg/day, so no large-change finding joins them).
            Prescription bad = Prescription.Continuous(TherapyFixture.Morphine(25000), NanolitersPerHour.FromMicrolitersPerHour(8),
                new PatientBolusSettings(new Micrograms(10), Milliseconds.FromMinutes(10), new Milliseconds(-5), 20));
            CheckReport report = therapy.Program(bad, true, now);
            Assert.IsTrue(report.Has(TherapyError.ConcentrationAboveHardLimit));
            Assert.IsTrue(report.Has(TherapyError.LockoutNegative));
            Assert.IsTrue(report.Has(TherapyError.BolusCountAboveHardLimit));
            // ReservoirDrugMismatch too: 25 mg/mL is not what was filled.
            Assert.IsTrue(report.Has(TherapyError.ReservoirDrugMismatch));
            Assert.AreEqual((long)report.Count, therapy.Records.Written - written);
            Assert.AreEqual((int)TherapyRecordKind.ProgrammingRefused, (int)therapy.Records.Newest(0).Kind);
        }

        private static Prescription SoftCase(string name, out TherapyError expected, out string[] mentions)
        {
            Milliseconds ten = Milliseconds.FromMinutes(10);
            Milliseconds twoHours = Milliseconds.FromHours(2);
            switch (name)
            {
                case "concentration above soft":
                    expected = TherapyError.ConcentrationAboveSoftLimit; mentions = new string[] { "concentration", "15000 ug/mL", "soft limit 10000 ug/mL" };
                    return Prescription.Continuous(TherapyFixture.Morphine(15000), NanolitersPerHour.FromMicrolitersPerHour(10), null);
                case "daily dose above soft":
                    // 50 uL/h x 24 h = 1.2 mL at 10 mg/mL = 12 mg/day > 10 mg/day soft.
                    expected = TherapyError.DailyDoseAboveSoftLimit; mentions = new string[] { "daily dose", "12000.000 ug", "soft limit 10000.000 ug" };
                    return Prescription.Continuous(TherapyFixture.Morphine(10000), NanolitersPerHour.FromMicrolitersPerHour(50), null);
                case "rate above soft":
                    expected = TherapyError.RateAboveSoftLimit; mentions = new string[] { "rate", "300.000 uL/h", "soft limit 250.000 uL/h" };
                    return Prescription.Continuous(TherapyFixture.Morphine(500), NanolitersPerHour.FromMicrolitersPerHour(300), null);
                case "patient bolus dose above soft":
                    expected = TherapyError.BolusDoseAboveSoftLimit; mentions = new string[] { "patient bolus dose", "300 ug", "soft limit 200 ug" };
                    return Prescription.Continuous(TherapyFixture.Morphine(10000), NanolitersPerHour.FromMicrolitersPerHour(10), new PatientBolusSettings(new Micrograms(300), ten, twoHours, 2));
                case "patient bolus count above soft":
                    expected = TherapyError.BolusCountAboveSoftLimit; mentions = new string[] { "patient boluses per 24 h", "8", "soft limit 6" };
                    return Prescription.Continuous(TherapyFixture.Morphine(10000), NanolitersPerHour.FromMicrolitersPerHour(10), new PatientBolusSettings(new Micrograms(10), ten, twoHours, 8));
                case "worst-case day above hard":
                    // 4.8 mg basal + 12 x 1 mg boluses = 16.8 mg > 15 mg.
                    expected = TherapyError.WorstCaseDailyDoseAboveHardLimit; mentions = new string[] { "daily dose with all patient boluses", "16800.000 ug", "hard limit 15000.000 ug" };
                    return Prescription.Continuous(TherapyFixture.Morphine(10000), NanolitersPerHour.FromMicrolitersPerHour(20), new PatientBolusSettings(new Micrograms(1000), ten, twoHours, 12));
                case "more than twice the daily dose":
                    // 4.8 -> 9.84 mg/day (41 uL/h) is 205 % of the current dose.
                    expected = TherapyError.DailyDoseChangeTooLarge; mentions = new string[] { "daily dose", "9840.000 ug", "200 %", "limit 9600.000 ug" };
                    return Prescription.Continuous(TherapyFixture.Morphine(10000), NanolitersPerHour.FromMicrolitersPerHour(41), null);
                case "less than half the daily dose":
                    // 4.8 -> 2.16 mg/day (9 uL/h) is 45 % of the current dose: a tenfold slip downward
                    // stops most of the drug at once (baclofen or opioid withdrawal).
                    expected = TherapyError.DailyDoseDropTooLarge; mentions = new string[] { "daily dose 2160.000 ug is below the limit 2400.000 ug, 50 % of the current daily dose 4800.000 ug" };
                    return Prescription.Continuous(TherapyFixture.Morphine(10000), NanolitersPerHour.FromMicrolitersPerHour(9), null);
                default:
                    expected = TherapyError.None; mentions = new string[0];
                    return TherapyFixture.Continuous20();
            }
        }

        [TestMethod]
        [DataRow("less than half the daily dose")]
        [DataRow("concentration above soft")]
        [DataRow("daily dose above soft")]
        [DataRow("rate above soft")]
        [DataRow("patient bolus dose above soft")]
        [DataRow("patient bolus count above soft")]
        [DataRow("more than twice the daily dose")]
        public void A_soft_limit_needs_explicit_confirmation_and_then_runs(string name)
        {
            TherapyError expected;
            string[] mentions;
            Prescription soft = SoftCase(name, out expected, out mentions);
            Milliseconds now;
            InfusionTherapy therapy = TherapyFixture.Running(Prescription.Continuous(soft.Drug, NanolitersPerHour.FromMicrolitersPerHour(20), null), out now);
            Prescription before = therapy.Prescription;

            CheckReport unconfirmed = therapy.Program(soft, false, now);
            Assert.IsTrue(unconfirmed.NeedsConfirmation, name + ": " + unconfirmed.ToString());
            Assert.IsFalse(unconfirmed.Refused);
            Assert.IsTrue(unconfirmed.Has(expected), name + ": " + unconfirmed.ToString());
            Expect.Mentions(unconfirmed.MessageOf(expected), mentions);
            Assert.IsTrue(therapy.Prescription == before, "an unconfirmed soft limit changed the therapy");

            CheckReport confirmed = therapy.Program(soft, true, now);
            Assert.IsTrue(confirmed.Accepted, name + ": " + confirmed.ToString());
            Assert.IsTrue(therapy.Prescription == soft);
        }

        [TestMethod]
        public void A_worst_case_day_above_the_hard_limit_needs_confirmation()
        {
            TherapyError expected;
            string[] mentions;
            Prescription p = SoftCase("worst-case day above hard", out expected, out mentions);
            Milliseconds now;
            InfusionTherapy therapy = TherapyFixture.Running(TherapyFixture.Continuous20(), out now);
            CheckReport report = therapy.Program(p, false, now);
            Assert.IsTrue(report.NeedsConfirmation, report.ToString());
            Expect.Mentions(report.MessageOf(expected), mentions);
        }

        [TestMethod]
        public void The_large_change_factor_is_configurable()
        {
            Milliseconds now;
            InfusionTherapy therapy = TherapyFixture.Running(TherapyFixture.Continuous20(), out now);
            therapy.Configuration.LargeChangePercent = 150;
            // 4.8 -> 7.68 mg/day (32 uL/h) is 160 %: above 150 %.
            CheckReport report = therapy.Program(Prescription.Continuous(TherapyFixture.Morphine(10000), NanolitersPerHour.FromMicrolitersPerHour(32), null), false, now);
            Assert.IsTrue(report.NeedsConfirmation, report.ToString());
            Expect.Mentions(report.MessageOf(TherapyError.DailyDoseChangeTooLarge), new string[] { "7680.000 ug", "150 %", "4800.000 ug" });
        }

        [TestMethod]
        [DataRow(200, 10000L, false)]
        [DataRow(200, 9999L, true)]
        [DataRow(200, 40000L, false)]
        [DataRow(200, 2000L, true)]
        [DataRow(150, 14000L, false)]
        [DataRow(150, 13000L, true)]
        public void A_drop_below_the_current_dose_divided_by_the_large_change_factor_needs_confirmation(int percent, long nanolitersPerHour, bool flagged)
        {
            // From 20 uL/h (4.8 mg/day): at 200 % the limit is 2.4 mg/day (10 uL/h) - at it is no slip,
            // below it is; 40 uL/h is exactly 200 % up, not above it. At 150 % the limit is 3.2 mg/day.
            Milliseconds now;
            InfusionTherapy therapy = TherapyFixture.Running(TherapyFixture.Continuous20(), out now);
            therapy.Configuration.LargeChangePercent = percent;
            Prescription before = therapy.Prescription;
            Prescription lower = Prescription.Continuous(TherapyFixture.Morphine(10000), new NanolitersPerHour(nanolitersPerHour), null);
            CheckReport report = therapy.Program(lower, false, now);
            Assert.AreEqual(flagged, report.Has(TherapyError.DailyDoseDropTooLarge), report.ToString());
            Assert.AreEqual(flagged, report.NeedsConfirmation, report.ToString());
            Assert.AreEqual(flagged, therapy.Prescription == before, "an unconfirmed drop changed the therapy, or an unflagged one did not run");
        }

        [TestMethod]
        public void Stopping_is_always_allowed_without_a_valid_drug_or_confirmation()
        {
            Milliseconds now;
            InfusionTherapy therapy = TherapyFixture.Running(TherapyFixture.Continuous20(), out now);
            CheckReport report = therapy.Program(Prescription.Stopped(Drug.None), false, now);
            Assert.IsTrue(report.Accepted, report.ToString());
            Assert.AreEqual((int)DeliveryMode.Stopped, (int)therapy.Prescription.Mode);
        }
    }
}
