using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Tests.Unit.Therapy
{
    /// <summary>Each delivery mode produces the rate profile the scheduler runs, and its daily dose.</summary>
    [TestClass]
    public class DeliveryModeTests
    {
        private static long RateAt(InfusionTherapy therapy, Milliseconds t)
        {
            Milliseconds next;
            return therapy.Profile.RateAt(t, out next).Value;
        }

        [TestMethod]
        public void Simple_continuous_runs_its_rate_and_shows_its_daily_dose()
        {
            Milliseconds now;
            InfusionTherapy therapy = TherapyFixture.Running(TherapyFixture.Continuous20(), out now);
            Assert.AreEqual(20000L, RateAt(therapy, now));
            Assert.AreEqual(20000L, RateAt(therapy, now + Milliseconds.FromDays(3)));
            Assert.AreEqual(4800000L, therapy.Prescription.DailyDose.Value);
            Assert.AreEqual("4800.000 ug", therapy.Prescription.DailyDose.ToString());
        }

        [TestMethod]
        public void Flex_repeats_its_time_of_day_steps_daily_and_shows_the_daily_dose()
        {
            // 00:00 10 uL/h, 08:00 20 uL/h, 20:00 5 uL/h: 80 + 240 + 20 = 340 uL/day; at 10 mg/mL 3.4 mg/day.
            Prescription flex = Prescription.Flex(TherapyFixture.Morphine(10000),
                new Milliseconds[] { Milliseconds.Zero, Milliseconds.FromHours(8), Milliseconds.FromHours(20) },
                new NanolitersPerHour[] { NanolitersPerHour.FromMicrolitersPerHour(10), NanolitersPerHour.FromMicrolitersPerHour(20), NanolitersPerHour.FromMicrolitersPerHour(5) }, null);
            Assert.AreEqual(340000L, flex.DailyVolume.Value);
            Assert.AreEqual("3400.000 ug", flex.DailyDose.ToString());
            Milliseconds now;
            InfusionTherapy therapy = TherapyFixture.Running(flex, out now);
            Assert.AreEqual(20000L, RateAt(therapy, Milliseconds.FromDays(2) + Milliseconds.FromHours(9)));
            Assert.AreEqual(5000L, RateAt(therapy, Milliseconds.FromDays(5) + Milliseconds.FromHours(23)));
            Assert.AreEqual(10000L, RateAt(therapy, Milliseconds.FromDays(5) + Milliseconds.FromHours(1)));
        }

        [TestMethod]
        public void Single_bolus_delivers_its_dose_then_stops()
        {
            // 500 ug at 10 mg/mL = 50 uL over 1 h, after the 9-minute priming.
            Prescription single = Prescription.SingleBolus(TherapyFixture.Morphine(10000), new Micrograms(500), Milliseconds.FromHours(1));
            Milliseconds start;
            InfusionTherapy therapy = TherapyFixture.Running(single, out start);
            Assert.AreEqual(50000L, RateAt(therapy, start));
            Assert.AreEqual(0L, RateAt(therapy, start + Milliseconds.FromHours(1)));
            therapy.Tick(start + Milliseconds.FromHours(5));
            Assert.AreEqual(500000L, therapy.Ledger.Total.Value);
        }

        [TestMethod]
        public void Stopped_delivers_nothing_and_keeps_the_line()
        {
            Milliseconds now;
            InfusionTherapy therapy = TherapyFixture.Running(TherapyFixture.Continuous20(), out now);
            Assert.IsTrue(therapy.Program(Prescription.Stopped(TherapyFixture.Morphine(10000)), false, now).Accepted);
            Assert.AreEqual(0L, RateAt(therapy, now));
            Assert.IsTrue(therapy.LineDrug.SameAs(TherapyFixture.Morphine(10000)));
            // Restarting the same drug needs no priming and no bridge.
            Assert.IsTrue(therapy.Program(TherapyFixture.Continuous20(), false, now + Milliseconds.FromHours(1)).Accepted);
            Assert.IsTrue(therapy.TipArrival.IsNever);
        }

        [TestMethod]
        public void The_first_programming_primes_the_line_and_counts_no_dose_until_the_drug_reaches_the_tip()
        {
            // PRIME-BEFORE-THERAPY: 150 uL line at 1 mL/h = 9 min; then 20 uL/h.
            InfusionTherapy therapy = TherapyFixture.Filled(TherapyFixture.Implant(), TherapyFixture.Morphine(10000));
            Assert.IsTrue(therapy.Program(TherapyFixture.Continuous20(), false, Milliseconds.Zero).Accepted);
            Assert.AreEqual(Milliseconds.FromMinutes(9).Value, therapy.TipArrival.Value);
            Assert.AreEqual(1000000L, RateAt(therapy, Milliseconds.FromMinutes(4)));
            therapy.Tick(Milliseconds.FromMinutes(9));
            Assert.AreEqual(0L, therapy.Ledger.Total.Value);
            Assert.AreEqual(20000000L - 150000L, therapy.ReservoirVolume.Value);
            Assert.IsFalse(therapy.Flushing);
            therapy.Tick(Milliseconds.FromMinutes(69));
            // One hour of 20 uL/h at 10 mg/mL = 200 ug.
            Assert.AreEqual(200000L, therapy.Ledger.Total.Value);
            Assert.AreEqual(20000L, RateAt(therapy, Milliseconds.FromMinutes(69)));
        }

        [TestMethod]
        public void The_profile_drives_the_dosing_scheduler_unchanged()
        {
            Milliseconds now;
            InfusionTherapy therapy = TherapyFixture.Running(TherapyFixture.Continuous20(), out now);
            DosingScheduler scheduler = new DosingScheduler(therapy.Profile, new Calibration(250000), now, Milliseconds.FromSeconds(2));
            int missed;
            scheduler.Advance(now + Milliseconds.FromHours(1), out missed);
            // 20 uL in 250 nL steps.
            Assert.AreEqual(80L, scheduler.StepsDue);
        }
    }
}
