using System;
using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Tests.Unit
{
    [TestClass]
    public class DosingSchedulerTests
    {
        private static DosingScheduler Constant(long nanolitersPerHour, long picolitersPerStep)
        {
            return new DosingScheduler(new ConstantRate(new NanolitersPerHour(nanolitersPerHour)), new Calibration(picolitersPerStep), Milliseconds.Zero, Milliseconds.FromSeconds(2));
        }

        [TestMethod]
        public void Steps_fall_due_at_the_exact_integer_interval()
        {
            // 100 uL/h with 250 nL per step: one step every 9 s exactly.
            DosingScheduler scheduler = Constant(100000, 250000);
            Assert.AreEqual(9000L, scheduler.NextStepDue.Value);
            int missed;
            Assert.AreEqual(0, scheduler.Advance(new Milliseconds(8999), out missed));
            Assert.AreEqual(1, scheduler.Advance(new Milliseconds(9000), out missed));
            Assert.AreEqual(18000L, scheduler.NextStepDue.Value);
            Assert.AreEqual(0, missed);
        }

        [TestMethod]
        public void A_fractional_interval_rounds_each_due_time_up_from_the_exact_crossing()
        {
            // 0.7 mL/h with 1 nL per step: step k is ideal at k x 36/7 ms, due at the next whole ms.
            DosingScheduler scheduler = Constant(700000, 1000);
            long[] expected = new long[] { 6, 11, 16, 21, 26, 31, 36, 42 };
            int missed;
            for (int k = 0; k < expected.Length; k++)
            {
                Assert.AreEqual(expected[k], scheduler.NextStepDue.Value);
                Assert.AreEqual(1, scheduler.Advance(scheduler.NextStepDue, out missed));
            }
        }

        [TestMethod]
        public void A_rate_change_carries_the_part_step_over()
        {
            // Half a step at 100 uL/h (4.5 s), then double the rate: the other half takes 2.25 s.
            DosingScheduler scheduler = Constant(100000, 250000);
            int missed;
            scheduler.Advance(new Milliseconds(4500), out missed);
            scheduler.ChangeProfile(new ConstantRate(new NanolitersPerHour(200000)), new Milliseconds(4500));
            Assert.AreEqual(6750L, scheduler.NextStepDue.Value);
        }

        [TestMethod]
        public void Changing_the_profile_before_advancing_is_refused()
        {
            DosingScheduler scheduler = Constant(100000, 250000);
            string message = Expect.Throws(typeof(InvalidOperationException), () =>
                scheduler.ChangeProfile(new ConstantRate(NanolitersPerHour.Zero), new Milliseconds(5000)));
            Expect.Mentions(message, new string[] { "5000", "Advance" });
        }

        [TestMethod]
        public void Late_steps_are_reported_missed_and_never_made_up_with_a_burst()
        {
            // Ten steps fell due by 90 s; only the one inside the 2 s tolerance is taken.
            DosingScheduler scheduler = Constant(100000, 250000);
            int missed;
            int take = scheduler.Advance(new Milliseconds(90000), out missed);
            Assert.AreEqual(1, take);
            Assert.AreEqual(9, missed);
            Assert.AreEqual(9L, scheduler.StepsMissed);
            Assert.AreEqual(10L, scheduler.StepsDue);
            Assert.AreEqual(99000L, scheduler.NextStepDue.Value);
        }

        [TestMethod]
        public void A_step_exactly_at_the_tolerance_is_still_taken()
        {
            DosingScheduler scheduler = Constant(100000, 250000);
            int missed;
            Assert.AreEqual(1, scheduler.Advance(new Milliseconds(11000), out missed));
            Assert.AreEqual(0, missed);
        }

        [TestMethod]
        public void A_stopped_rate_has_no_next_step()
        {
            DosingScheduler scheduler = Constant(0, 250000);
            Assert.IsTrue(scheduler.NextStepDue.IsNever);
        }

        [TestMethod]
        public void A_very_slow_rate_asks_to_be_woken_at_the_horizon_and_stays_exact()
        {
            // 1 nL/h with 1 uL per step: one step every 1000 h, far beyond the 2-day look-ahead.
            DosingScheduler scheduler = Constant(1, 1000000);
            Assert.AreEqual(DosingScheduler.Horizon.Value, scheduler.NextStepDue.Value);
            int missed;
            long woken = 0;
            while (scheduler.StepsDue == 0)
            {
                woken++;
                scheduler.Advance(scheduler.NextStepDue, out missed);
            }
            Assert.AreEqual(1000L * Milliseconds.PerHour, scheduler.Position.IntegratedTo.Value);
            Assert.IsTrue(woken > 1);
        }

        [TestMethod]
        public void Resuming_from_a_stored_position_continues_the_same_schedule()
        {
            DosingScheduler original = Constant(700000, 1000);
            int missed;
            original.Advance(new Milliseconds(100), out missed);
            DosingScheduler resumed = new DosingScheduler(new ConstantRate(new NanolitersPerHour(700000)), new Calibration(1000), original.Position, Milliseconds.FromSeconds(2));
            for (int k = 0; k < 50; k++)
            {
                Assert.AreEqual(original.NextStepDue.Value, resumed.NextStepDue.Value);
                original.Advance(original.NextStepDue, out missed);
                resumed.Advance(resumed.NextStepDue, out missed);
            }
            Assert.AreEqual(original.StepsDue, resumed.StepsDue);
        }

        [TestMethod]
        public void Delivered_stays_within_one_step_of_the_ideal_integral_through_a_flex_day()
        {
            Milliseconds[] starts = new Milliseconds[] { Milliseconds.Zero, Milliseconds.FromHours(7), Milliseconds.FromHours(22) };
            NanolitersPerHour[] rates = new NanolitersPerHour[] { new NanolitersPerHour(20000), new NanolitersPerHour(55000), new NanolitersPerHour(0) };
            FlexSchedule flex = new FlexSchedule(starts, rates, Milliseconds.FromHours(5));
            DosingScheduler scheduler = new DosingScheduler(flex, new Calibration(31250), Milliseconds.Zero, Milliseconds.FromSeconds(2));
            int missed;
            for (long t = 0; t <= Milliseconds.PerDay * 2; t += 60000)
            {
                scheduler.Advance(new Milliseconds(t), out missed);
                long idealTimes3600 = IdealIntegral(flex, t);   // nL/h x ms
                long delivered = scheduler.StepsDue * 31250L * 3600L;
                long error = idealTimes3600 - delivered;
                Assert.IsTrue(error >= 0 && error < 31250L * 3600L, "at " + t.ToString() + " ms the error is " + error.ToString());
            }
        }

        private static long IdealIntegral(IRateProfile profile, long until)
        {
            long sum = 0;
            long t = 0;
            while (t < until)
            {
                Milliseconds change;
                long rate = profile.RateAt(new Milliseconds(t), out change).Value;
                long end = change.Value < until ? change.Value : until;
                sum += rate * (end - t);
                t = end;
            }
            return sum;
        }
    }
}
