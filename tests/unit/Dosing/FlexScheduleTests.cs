using System;
using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Tests.Unit
{
    [TestClass]
    public class FlexScheduleTests
    {
        private static FlexSchedule ThreeSteps(long timeOfDayAtZeroHours)
        {
            // 06:00 40 uL/h, 12:00 80 uL/h, 22:00 10 uL/h (runs past midnight to 06:00).
            Milliseconds[] starts = new Milliseconds[] { Milliseconds.FromHours(6), Milliseconds.FromHours(12), Milliseconds.FromHours(22) };
            NanolitersPerHour[] rates = new NanolitersPerHour[] { new NanolitersPerHour(40000), new NanolitersPerHour(80000), new NanolitersPerHour(10000) };
            return new FlexSchedule(starts, rates, Milliseconds.FromHours(timeOfDayAtZeroHours));
        }

        [TestMethod]
        public void The_last_step_runs_past_midnight_into_the_first()
        {
            FlexSchedule flex = ThreeSteps(0);
            Milliseconds next;
            Assert.AreEqual(10000L, flex.RateAt(Milliseconds.FromHours(3), out next).Value);
            Assert.AreEqual(Milliseconds.FromHours(6).Value, next.Value);
            Assert.AreEqual(10000L, flex.RateAt(Milliseconds.FromHours(23), out next).Value);
            Assert.AreEqual(Milliseconds.FromHours(30).Value, next.Value);
        }

        [TestMethod]
        public void Time_of_day_is_taken_from_the_clock_sync_offset()
        {
            // Monotonic zero was at 11:00, so monotonic 1 h is 12:00: the 80 uL/h step begins.
            FlexSchedule flex = ThreeSteps(11);
            Milliseconds next;
            Assert.AreEqual(40000L, flex.RateAt(Milliseconds.FromMinutes(59), out next).Value);
            Assert.AreEqual(Milliseconds.FromHours(1).Value, next.Value);
            Assert.AreEqual(80000L, flex.RateAt(Milliseconds.FromHours(1), out next).Value);
            Assert.AreEqual(Milliseconds.FromHours(11).Value, next.Value);
        }

        [TestMethod]
        public void It_repeats_every_day()
        {
            FlexSchedule flex = ThreeSteps(0);
            Milliseconds next;
            for (long day = 0; day < 400; day += 37)
            {
                long noon = day * Milliseconds.PerDay + Milliseconds.FromHours(13).Value;
                Assert.AreEqual(80000L, flex.RateAt(new Milliseconds(noon), out next).Value);
            }
        }

        [TestMethod]
        public void The_daily_volume_is_the_sum_of_the_steps()
        {
            // 6 h x 40 + 10 h x 80 + 8 h x 10 = 1,120 uL/day.
            Assert.AreEqual(1120000L, ThreeSteps(0).DailyVolume.Value);
        }

        [TestMethod]
        public void Unordered_steps_are_refused_naming_the_step_and_its_value()
        {
            Milliseconds[] starts = new Milliseconds[] { Milliseconds.FromHours(6), Milliseconds.FromHours(5) };
            NanolitersPerHour[] rates = new NanolitersPerHour[] { new NanolitersPerHour(1), new NanolitersPerHour(2) };
            string message = Expect.Throws(typeof(ArgumentOutOfRangeException), () => new FlexSchedule(starts, rates, Milliseconds.Zero));
            Expect.Mentions(message, new string[] { "startsOfDay[1]", "18000000", "21600000" });
        }

        [TestMethod]
        public void A_rate_above_the_schedulable_limit_is_refused_naming_the_limit()
        {
            Milliseconds[] starts = new Milliseconds[] { Milliseconds.Zero };
            NanolitersPerHour[] rates = new NanolitersPerHour[] { new NanolitersPerHour(NanolitersPerHour.MaxSchedulable + 1) };
            string message = Expect.Throws(typeof(ArgumentOutOfRangeException), () => new FlexSchedule(starts, rates, Milliseconds.Zero));
            Expect.Mentions(message, new string[] { "rates[0]", "1000000001", "1000000000" });
        }
    }
}
