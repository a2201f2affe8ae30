using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Tests.Unit.Therapy
{
    /// <summary>REFILL-DISCREPANCY and the reservoir figures a refill sets.</summary>
    [TestClass]
    public class RefillTests
    {
        /// <summary>Running 20 uL/h for 10 days from a 20 mL fill: the pump expects 15.2 mL... minus priming.</summary>
        private static InfusionTherapy AfterTenDays(out Milliseconds now)
        {
            Milliseconds start;
            InfusionTherapy therapy = TherapyFixture.Running(TherapyFixture.Continuous20(), out start);
            now = start + Milliseconds.FromDays(10);
            therapy.Tick(now);
            return therapy;
        }

        [TestMethod]
        [DataRow(200, true)]
        [DataRow(-200, true)]
        [DataRow(50, false)]
        [DataRow(-50, false)]
        [DataRow(145, false)]
        [DataRow(146, true)]
        public void A_residual_beyond_the_tolerance_is_logged_and_alerted(int permilleOff, bool alert)
        {
            Milliseconds now;
            InfusionTherapy therapy = AfterTenDays(out now);
            RefillSession session = therapy.BeginRefill(now);
            // 20 mL - 150 uL priming - 10 days x 480 uL = 15.05 mL expected.
            Assert.AreEqual(15050000L, session.Expected.Value);
            Nanoliters withdrawn = new Nanoliters(session.Expected.Value + session.Expected.Value * permilleOff / 1000);
            long written = therapy.Records.Written;
            RefillResult result = session.Complete(withdrawn, Nanoliters.FromMilliliters(20), TherapyFixture.Morphine(10000), PumpConfiguration.DefaultLowReservoir, false, now);
            Assert.IsTrue(result.Report.Accepted, result.Report.ToString());
            Assert.AreEqual(alert, result.DiscrepancyAlert);
            Assert.AreEqual((long)(permilleOff < 0 ? -permilleOff : permilleOff), result.DiscrepancyPermille);
            bool logged = false;
            for (int i = 0; i < (int)(therapy.Records.Written - written); i++)
            {
                TherapyRecord r = therapy.Records.Newest(i);
                if (r.Kind == TherapyRecordKind.RefillAlert && r.Code == TherapyError.RefillDiscrepancyBeyondTolerance)
                {
                    logged = true;
                    Expect.Mentions(r.Message, new string[] { "residual withdrawn", "expected 15050.000 uL", "tolerance 14.5 %" });
                }
            }
            Assert.AreEqual(alert, logged);
        }

        [TestMethod]
        public void A_refill_sets_the_reservoir_days_to_empty_and_the_next_refill_date()
        {
            Milliseconds now;
            InfusionTherapy therapy = AfterTenDays(out now);
            RefillSession session = therapy.BeginRefill(now);
            RefillResult result = session.Complete(session.Expected, Nanoliters.FromMilliliters(20), TherapyFixture.Morphine(10000), PumpConfiguration.DefaultLowReservoir, false, now);
            Assert.AreEqual(20000000L, therapy.ReservoirVolume.Value);
            // 20 mL at 0.48 mL/day: empty in 41.67 days; 2 mL low threshold reached after 37.5 days.
            Assert.AreEqual(3600000000L, result.TimeToEmpty.Value);
            Assert.AreEqual((now + Milliseconds.FromHours(900)).Value, result.NextRefillAt.Value);
            Assert.IsFalse(result.ConcentrationChanged);
            therapy.Tick(result.NextRefillAt);
            Assert.IsTrue(therapy.ReservoirLow);
        }

        [TestMethod]
        public void Patient_boluses_bring_the_next_refill_date_forward()
        {
            Milliseconds start;
            InfusionTherapy therapy = TherapyFixture.Running(Prescription.Continuous(TherapyFixture.Morphine(10000), NanolitersPerHour.FromMicrolitersPerHour(20), TherapyFixture.Pca()), out start);
            RefillSession session = therapy.BeginRefill(start);
            RefillResult result = session.Complete(session.Expected, Nanoliters.FromMilliliters(20), TherapyFixture.Morphine(10000), PumpConfiguration.DefaultLowReservoir, false, start);
            // Worst case 480 + 4 x 10 = 520 uL/day: 18 mL above the threshold lasts 34.6 days.
            Assert.AreEqual(18000000L * Milliseconds.PerDay / 520000, result.NextRefillAt.Value - start.Value);
        }

        [TestMethod]
        [DataRow("withdrawn negative", (int)TherapyError.RefillVolumeNegative, "-1.000 uL")]
        [DataRow("withdrawn above capacity", (int)TherapyError.RefillAboveCapacity, "residual withdrawn 25000.000 uL is above the reservoir capacity 20000.000 uL")]
        [DataRow("added above capacity", (int)TherapyError.RefillAboveCapacity, "reservoir capacity 20000.000 uL")]
        [DataRow("threshold above capacity", (int)TherapyError.LowReservoirThresholdOutOfRange, "25000.000 uL")]
        [DataRow("concentration above hard", (int)TherapyError.ConcentrationAboveHardLimit, "hard limit 20000 ug/mL")]
        [DataRow("unknown drug", (int)TherapyError.DrugNotInLibrary, "'morfine'")]
        public void A_bad_refill_is_refused_and_changes_nothing(string name, int code, string mention)
        {
            Milliseconds now;
            InfusionTherapy therapy = AfterTenDays(out now);
            Nanoliters reservoir = therapy.ReservoirVolume;
            Prescription p = therapy.Prescription;
            Nanoliters withdrawn = name == "withdrawn negative" ? new Nanoliters(-1000) : name == "withdrawn above capacity" ? Nanoliters.FromMilliliters(25) : Nanoliters.FromMilliliters(15);
            Nanoliters added = name == "added above capacity" ? Nanoliters.FromMilliliters(21) : Nanoliters.FromMilliliters(20);
            Nanoliters threshold = name == "threshold above capacity" ? Nanoliters.FromMilliliters(25) : PumpConfiguration.DefaultLowReservoir;
            Drug drug = name == "concentration above hard" ? TherapyFixture.Morphine(30000) : name == "unknown drug" ? new Drug("morfine", new MicrogramsPerMilliliter(10000)) : TherapyFixture.Morphine(10000);

            RefillResult result = therapy.BeginRefill(now).Complete(withdrawn, added, drug, threshold, true, now);

            Assert.IsTrue(result.Report.Refused);
            Assert.IsTrue(result.Report.Has((TherapyError)code), result.Report.ToString());
            Expect.Mentions(result.Report.MessageOf((TherapyError)code), new string[] { mention });
            Assert.AreEqual(reservoir.Value, therapy.ReservoirVolume.Value);
            Assert.IsTrue(therapy.Prescription == p);
        }

        [TestMethod]
        public void A_refused_refill_is_logged_as_a_refill_refusal_with_every_reason_and_an_impossible_residual_raises_no_alert()
        {
            Milliseconds now;
            InfusionTherapy therapy = AfterTenDays(out now);
            long written = therapy.Records.Written;
            // 150 mL instead of 15.0 mL: a typo no 20 mL reservoir can hold, plus a volume added too large.
            RefillResult result = therapy.BeginRefill(now).Complete(Nanoliters.FromMilliliters(150), Nanoliters.FromMilliliters(21), TherapyFixture.Morphine(10000), PumpConfiguration.DefaultLowReservoir, true, now);
            Assert.IsTrue(result.Report.Refused);
            Assert.IsFalse(result.DiscrepancyAlert, "an impossible residual is an entry error, not a discrepancy");
            Assert.AreEqual(2, result.Report.Count, result.Report.ToString());
            Assert.AreEqual(2L, therapy.Records.Written - written);
            for (int i = 0; i < 2; i++)
            {
                TherapyRecord r = therapy.Records.Newest(i);
                Assert.AreEqual((int)TherapyRecordKind.RefillRefused, (int)r.Kind);
                Assert.AreEqual((int)TherapyError.RefillAboveCapacity, (int)r.Code);
            }
        }
    }
}
