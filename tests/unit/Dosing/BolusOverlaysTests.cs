using System;
using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Tests.Unit
{
    [TestClass]
    public class BolusOverlaysTests
    {
        [TestMethod]
        public void A_bolus_adds_its_rate_on_its_interval_only()
        {
            BolusOverlays profile = new BolusOverlays(new ConstantRate(new NanolitersPerHour(10000)));
            profile.Add(Milliseconds.FromMinutes(10), Milliseconds.FromMinutes(5), new NanolitersPerHour(600000));
            Milliseconds next;
            Assert.AreEqual(10000L, profile.RateAt(Milliseconds.Zero, out next).Value);
            Assert.AreEqual(Milliseconds.FromMinutes(10).Value, next.Value);
            Assert.AreEqual(610000L, profile.RateAt(Milliseconds.FromMinutes(12), out next).Value);
            Assert.AreEqual(Milliseconds.FromMinutes(15).Value, next.Value);
            Assert.AreEqual(10000L, profile.RateAt(Milliseconds.FromMinutes(15), out next).Value);
        }

        [TestMethod]
        public void A_scheduled_bolus_delivers_its_volume_to_within_one_step()
        {
            // 50 uL over 5 minutes (600 uL/h) on 10 uL/h basal, 250 nL per step.
            BolusOverlays profile = new BolusOverlays(new ConstantRate(new NanolitersPerHour(10000)));
            DosingScheduler scheduler = new DosingScheduler(profile, new Calibration(250000), Milliseconds.Zero, Milliseconds.FromSeconds(2));
            profile.Add(Milliseconds.Zero, Milliseconds.FromMinutes(5), new NanolitersPerHour(600000));
            scheduler.Replan();
            int missed;
            while (scheduler.NextStepDue.Value <= Milliseconds.FromMinutes(5).Value)
            {
                scheduler.Advance(scheduler.NextStepDue, out missed);
            }
            // 50,000 nL bolus + 833 nL basal = 50,833 nL: 203 whole steps of 250 nL.
            Assert.AreEqual(203L, scheduler.StepsDue);
        }

        [TestMethod]
        public void Ending_a_bolus_early_gives_nothing_more_of_it()
        {
            BolusOverlays profile = new BolusOverlays(new ConstantRate(NanolitersPerHour.Zero));
            int slot = profile.Add(Milliseconds.Zero, Milliseconds.FromMinutes(10), new NanolitersPerHour(600000));
            profile.EndAt(slot, Milliseconds.FromMinutes(4));
            Milliseconds next;
            Assert.AreEqual(0L, profile.RateAt(Milliseconds.FromMinutes(5), out next).Value);
            Assert.AreEqual(600000L, profile.RateAt(Milliseconds.FromMinutes(3), out next).Value);
            Assert.AreEqual(Milliseconds.FromMinutes(4).Value, next.Value);
        }

        [TestMethod]
        public void Slots_are_freed_when_boluses_end_and_refused_when_full()
        {
            BolusOverlays profile = new BolusOverlays(new ConstantRate(NanolitersPerHour.Zero));
            for (int i = 0; i < BolusOverlays.Capacity; i++) profile.Add(Milliseconds.Zero, Milliseconds.FromMinutes(1), new NanolitersPerHour(1000));
            Expect.Throws(typeof(InvalidOperationException), () => profile.Add(Milliseconds.Zero, Milliseconds.FromMinutes(1), new NanolitersPerHour(1000)));
            profile.Expire(Milliseconds.FromMinutes(1));
            Assert.AreEqual(0, profile.ActiveCount);
        }

        [TestMethod]
        public void Boluses_together_above_the_schedulable_rate_are_refused_so_the_scheduler_cannot_overflow()
        {
            BolusOverlays profile = new BolusOverlays(new ConstantRate(new NanolitersPerHour(NanolitersPerHour.MaxSchedulable)));
            profile.Add(Milliseconds.Zero, Milliseconds.FromDays(30), new NanolitersPerHour(NanolitersPerHour.MaxSchedulable - 1));
            string message = Expect.Throws(typeof(ArgumentOutOfRangeException), () => profile.Add(Milliseconds.Zero, Milliseconds.FromDays(30), new NanolitersPerHour(2)));
            Expect.Mentions(message, new string[] { "bolus rates together", "1000000001 nL/h", "limit 1000000000 nL/h" });
            Assert.AreEqual(1, profile.ActiveCount);
            // At the limit the scheduler integrates a month at twice the schedulable rate without overflow.
            DosingScheduler scheduler = new DosingScheduler(profile, new Calibration(Calibration.MaxPicolitersPerStep), Milliseconds.Zero, Milliseconds.FromSeconds(2));
            int missed;
            int due = scheduler.Advance(Milliseconds.FromMinutes(1), out missed);
            Assert.IsTrue(due > 0 && scheduler.StepsDue > 0, "steps fall due, with no wrap to a negative count");
        }
    }
}
