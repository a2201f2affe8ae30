using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Tests.Unit.Therapy
{
    /// <summary>
    /// The ORDER of the check chains is part of their contract (docs/therapy.md; AndroidAPS-style
    /// constraints): a request with many faults gets its reasons in the documented order -
    /// programming P0 (line and reservoir) then P1..P9, patient bolus B1..B9, clinician bolus C1..C5
    /// then B7..B9. Each case breaks as many rules at once as one request can, and the report must list
    /// exactly these codes in exactly this order.
    /// </summary>
    [TestClass]
    public class CheckOrderTests
    {
        private static string Codes(CheckReport report)
        {
            string text = "";
            for (int i = 0; i < report.Count; i++) text += (i == 0 ? "" : ",") + ((int)report[i].Code).ToString();
            return text;
        }

        private static string Codes(TherapyError[] codes)
        {
            string text = "";
            for (int i = 0; i < codes.Length; i++) text += (i == 0 ? "" : ",") + ((int)codes[i]).ToString();
            return text;
        }

        private static void AssertOrder(TherapyError[] expected, CheckReport report)
        {
            Assert.AreEqual(0, report.Dropped, "reasons were dropped: " + report.ToString());
            Assert.AreEqual(Codes(expected), Codes(report), report.ToString());
        }

        private static Milliseconds[] Starts(long a, long b, long c)
        {
            return new Milliseconds[] { Milliseconds.FromHours(a), Milliseconds.FromHours(b), Milliseconds.FromHours(c) };
        }

        /// <summary>Negative (P3), below the implant's 2 uL/h minimum and above its 1 mL/h maximum (P4).</summary>
        private static NanolitersPerHour[] BadRates()
        {
            return new NanolitersPerHour[] { new NanolitersPerHour(-1000), new NanolitersPerHour(1000), new NanolitersPerHour(2000000) };
        }

        [TestMethod]
        public void Programming_without_a_library_entry_reports_P0_to_P8_in_order()
        {
            Milliseconds now;
            InfusionTherapy therapy = TherapyFixture.Running(TherapyFixture.Continuous20(), out now);
            Prescription bad = Prescription.Flex(new Drug("morfine", new MicrogramsPerMilliliter(0)), Starts(0, 8, 4), BadRates(),
                new PatientBolusSettings(new Micrograms(10), Milliseconds.Zero, new Milliseconds(-1), 0));
            CheckReport report = therapy.Program(bad, false, now);
            AssertOrder(new TherapyError[]
            {
                TherapyError.ReservoirDrugMismatch,                                     // P0 reservoir
                TherapyError.DrugNotInLibrary,                                          // P1
                TherapyError.ConcentrationNotPositive,                                  // P2
                TherapyError.FlexStartOutOfOrder, TherapyError.RateNegative,            // P3
                TherapyError.RateAboveDeviceMaximum, TherapyError.RateBelowDeviceMinimum, // P4
                TherapyError.BolusDurationNotPositive, TherapyError.LockoutNegative, TherapyError.BolusCountNotPositive, // P7
                TherapyError.DailyDoseDropTooLarge,                                     // P8 (0 ug/day at 0 ug/mL)
            }, report);
        }

        [TestMethod]
        public void Programming_against_the_library_reports_P0_to_P8_in_order()
        {
            Milliseconds now;
            InfusionTherapy therapy = TherapyFixture.Running(TherapyFixture.Continuous20(), out now);
            Prescription bad = Prescription.Flex(TherapyFixture.Morphine(25000), Starts(0, 8, 16), BadRates(),
                new PatientBolusSettings(new Micrograms(1200), Milliseconds.Zero, new Milliseconds(Milliseconds.PerDay + 1), 13));
            CheckReport report = therapy.Program(bad, false, now);
            AssertOrder(new TherapyError[]
            {
                TherapyError.ReservoirDrugMismatch,                                     // P0
                TherapyError.ConcentrationAboveHardLimit,                               // P2
                TherapyError.RateNegative,                                              // P3
                TherapyError.RateAboveDeviceMaximum, TherapyError.RateBelowDeviceMinimum, // P4
                TherapyError.RateAboveHardLimit,                                        // P5
                TherapyError.DailyDoseAboveHardLimit,                                   // P6
                TherapyError.BolusDurationNotPositive, TherapyError.LockoutAboveLimit,  // P7
                TherapyError.BolusDoseAboveHardLimit, TherapyError.BolusCountAboveHardLimit, TherapyError.WorstCaseDailyDoseAboveHardLimit,
                TherapyError.DailyDoseChangeTooLarge,                                   // P8
            }, report);
        }

        [TestMethod]
        public void The_rolling_forecast_P9_comes_after_every_confirmed_soft_finding()
        {
            // 15 mg/mL (soft, confirmed) at 19 uL/h = 6.84 mg/day for a day, then a 1 mg clinician bolus;
            // 40 uL/h = 14.4 mg/day is above the soft daily limit (P6) and more than twice today's (P8),
            // and with the bolus just given a 24 h window holds more than 15 mg (P9).
            Drug m15 = TherapyFixture.Morphine(15000);
            Milliseconds now;
            InfusionTherapy therapy = TherapyFixture.Running(Prescription.Continuous(m15, NanolitersPerHour.FromMicrolitersPerHour(19), null), out now);
            now = now + Milliseconds.FromDays(1);
            therapy.Tick(now);
            Assert.IsTrue(therapy.RequestClinicianBolus(new Micrograms(1000), Milliseconds.FromMinutes(10), true, now).Accepted);
            now = now + Milliseconds.FromMinutes(10);
            CheckReport report = therapy.Program(Prescription.Continuous(m15, NanolitersPerHour.FromMicrolitersPerHour(40), null), true, now);
            Assert.IsTrue(report.Refused, report.ToString());
            AssertOrder(new TherapyError[]
            {
                TherapyError.ConcentrationAboveSoftLimit,       // P2, confirmed
                TherapyError.DailyDoseAboveSoftLimit,           // P6, confirmed
                TherapyError.DailyDoseChangeTooLarge,           // P8, confirmed
                TherapyError.RollingDailyDoseWouldExceedLimit,  // P9
            }, report);
            Assert.AreEqual((int)CheckOutcome.Confirmed, (int)report[2].Outcome);
            Assert.AreEqual((int)CheckOutcome.Refused, (int)report[3].Outcome);
        }

        [TestMethod]
        public void A_patient_bolus_while_stopped_reports_B1_then_B3()
        {
            Milliseconds now;
            InfusionTherapy therapy = TherapyFixture.Running(TherapyFixture.Continuous20(), out now);
            therapy.Program(Prescription.Stopped(TherapyFixture.Morphine(10000)), false, now);
            AssertOrder(new TherapyError[] { TherapyError.TherapyNotRunning, TherapyError.PatientBolusNotPrescribed }, therapy.RequestPatientBolus(now));
        }

        [TestMethod]
        public void A_patient_bolus_during_a_bridge_inside_its_lockout_and_count_reports_B2_B4_B5()
        {
            Milliseconds now;
            PatientBolusSettings once = new PatientBolusSettings(new Micrograms(100), Milliseconds.FromMinutes(10), Milliseconds.FromHours(2), 1);
            InfusionTherapy therapy = TherapyFixture.Running(Prescription.Continuous(TherapyFixture.Morphine(10000), NanolitersPerHour.FromMicrolitersPerHour(20), once), out now);
            Assert.IsTrue(therapy.RequestPatientBolus(now).Accepted);
            RefillSession session = therapy.BeginRefill(now + Milliseconds.FromMinutes(1));
            Assert.IsTrue(session.Complete(session.Expected, Nanoliters.FromMilliliters(20), TherapyFixture.Morphine(5000), PumpConfiguration.DefaultLowReservoir, true, now + Milliseconds.FromMinutes(1)).Report.Accepted);
            Assert.IsTrue(therapy.Flushing);
            AssertOrder(new TherapyError[] { TherapyError.BridgeInProgress, TherapyError.PatientBolusInLockout, TherapyError.PatientBolusCountReached },
                therapy.RequestPatientBolus(now + Milliseconds.FromMinutes(2)));
        }

        [TestMethod]
        public void A_patient_bolus_with_no_slot_no_reservoir_and_no_room_in_the_day_reports_B7_B8_B9()
        {
            // 10.8 mg/day (45 uL/h) and four 1 mg clinician boluses over 2 h fill the day to 14.8 mg, the
            // four slots, and 400 of the 405 uL left after priming; a 300 ug patient bolus breaks all three.
            Drug m10 = TherapyFixture.Morphine(10000);
            InfusionTherapy therapy = PlannedReservoir.NewTherapy(TherapyFixture.Implant(), DrugLibrary.CreateDefault(), null, Milliseconds.Zero);
            Assert.IsTrue(therapy.BeginRefill(Milliseconds.Zero).Complete(Nanoliters.Zero, Nanoliters.FromMicroliters(555), m10, Nanoliters.FromMicroliters(100), true, Milliseconds.Zero).Report.Accepted);
            PatientBolusSettings big = new PatientBolusSettings(new Micrograms(300), Milliseconds.FromMinutes(10), Milliseconds.Zero, 1);
            Assert.IsTrue(therapy.Program(Prescription.Continuous(m10, NanolitersPerHour.FromMicrolitersPerHour(45), big), true, Milliseconds.Zero).Accepted);
            Milliseconds now = therapy.TipArrival;
            therapy.Tick(now);
            Assert.AreEqual(405000L, therapy.ReservoirVolume.Value);
            for (int i = 0; i < 4; i++)
            {
                CheckReport granted = therapy.RequestClinicianBolus(new Micrograms(1000), Milliseconds.FromHours(2), true, now);
                Assert.IsTrue(granted.Accepted, granted.ToString());
            }
            AssertOrder(new TherapyError[] { TherapyError.NoBolusSlotFree, TherapyError.ReservoirTooLowForBolus, TherapyError.RollingDailyDoseWouldExceedLimit },
                therapy.RequestPatientBolus(now));
        }

        [TestMethod]
        public void A_clinician_bolus_on_an_unprimed_catheter_reports_C1_C3_C4()
        {
            // After the move to the implant the prescription still names the drug, but the new catheter is empty.
            PumpConfiguration trial = PumpConfiguration.Trial(Nanoliters.FromMilliliters(20), TherapyFixture.Tubing, TherapyFixture.Catheter);
            Drug m1 = TherapyFixture.Morphine(1000);
            InfusionTherapy therapy = TherapyFixture.Filled(trial, m1);
            Assert.IsTrue(therapy.Program(Prescription.Continuous(m1, NanolitersPerHour.FromMicrolitersPerHour(20), null), true, Milliseconds.Zero).Accepted);
            Milliseconds now = therapy.TipArrival + Milliseconds.FromHours(1);
            therapy.Tick(now);
            Assert.IsTrue(therapy.MoveToImplant(TherapyFixture.Implant(), now).Accepted);
            AssertOrder(new TherapyError[] { TherapyError.NoDrugProgrammed, TherapyError.BolusDoseNotPositive, TherapyError.BolusDurationNotPositive },
                therapy.RequestClinicianBolus(Micrograms.Zero, Milliseconds.Zero, false, now));
        }

        [TestMethod]
        public void A_fast_large_clinician_bolus_during_a_bridge_reports_C2_C3_C5()
        {
            Milliseconds now;
            InfusionTherapy therapy = TherapyFixture.Running(Prescription.Continuous(TherapyFixture.Morphine(20000), NanolitersPerHour.FromMicrolitersPerHour(20), null), out now);
            RefillSession session = therapy.BeginRefill(now);
            Assert.IsTrue(session.Complete(session.Expected, Nanoliters.FromMilliliters(20), TherapyFixture.Morphine(10000), PumpConfiguration.DefaultLowReservoir, true, now).Report.Accepted);
            Assert.IsTrue(therapy.Flushing);
            // 300 ug (soft) = 30 uL in 30 s = 3.6 mL/h: lengthened under the hard rate, still above the soft one.
            AssertOrder(new TherapyError[] { TherapyError.BridgeInProgress, TherapyError.BolusDoseAboveSoftLimit, TherapyError.BolusRateClamped, TherapyError.RateAboveSoftLimit },
                therapy.RequestClinicianBolus(new Micrograms(300), Milliseconds.FromSeconds(30), false, now + Milliseconds.FromMinutes(1)));
        }
    }
}
