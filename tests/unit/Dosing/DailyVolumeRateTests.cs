using System;
using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Tests.Unit
{
    /// <summary>DAILY-DOSE-EXACT: a volume per day that 24 does not divide is delivered exactly, day after day.</summary>
    [TestClass]
    public class DailyVolumeRateTests
    {
        [TestMethod]
        [DataRow(50000L, 31250L)]    // 0.5 mg/day of 10 mg/mL, 31.25 nL a step: 2,083.33 nL/h
        [DataRow(50001L, 250000L)]   // a day that is no whole number of steps either
        [DataRow(1440L, 1000L)]      // 24 divides it: one constant 60 nL/h
        [DataRow(23L, 1000L)]        // less than 1 nL/h: 23 of the 24 hours run 1 nL/h
        public void The_scheduler_delivers_a_daily_volume_that_24_does_not_divide_exactly_at_every_day_for_thirty_days(long nanolitersPerDay, long picolitersPerStep)
        {
            DosingScheduler scheduler = new DosingScheduler(new DailyVolumeRate(new NanolitersPerDay(nanolitersPerDay)), new Calibration(picolitersPerStep), Milliseconds.Zero, Milliseconds.FromSeconds(2));
            int missed;
            for (long day = 1; day <= 30; day++)
            {
                // A day at a time: every step is late and dropped, but each still falls due, and steps
                // due are exactly floor(ideal integral / step): no nanoliter lost or added in a day.
                scheduler.Advance(Milliseconds.FromDays(day), out missed);
                Assert.AreEqual(day * nanolitersPerDay * 1000 / picolitersPerStep, scheduler.StepsDue);
            }
        }

        [TestMethod]
        public void A_rounded_hourly_rate_would_fall_short_by_eight_steps_over_thirty_days_where_the_daily_volume_does_not()
        {
            // 50,000 nL/day as 2,083 nL/h loses 8 nL a day: 240 nL over 30 days, 7 whole 31.25 nL steps.
            Calibration calibration = new Calibration(31250);
            DosingScheduler exact = new DosingScheduler(new DailyVolumeRate(new NanolitersPerDay(50000)), calibration, Milliseconds.Zero, Milliseconds.FromSeconds(2));
            DosingScheduler rounded = new DosingScheduler(new ConstantRate(new NanolitersPerDay(50000).HourlyFloor), calibration, Milliseconds.Zero, Milliseconds.FromSeconds(2));
            int missed;
            exact.Advance(Milliseconds.FromDays(30), out missed);
            rounded.Advance(Milliseconds.FromDays(30), out missed);
            Assert.AreEqual(48000L, exact.StepsDue);
            Assert.AreEqual(47992L, rounded.StepsDue);
        }

        [TestMethod]
        public void Any_24_hours_from_any_instant_integrate_to_the_daily_volume_and_no_instant_strays_more_than_a_nanoliter()
        {
            DailyVolumeRate profile = new DailyVolumeRate(new NanolitersPerDay(50000));
            long[] starts = new long[] { 0, 1, 1234567, Milliseconds.PerHour * 5 + 17, Milliseconds.PerDay * 3 - 1 };
            for (int s = 0; s < starts.Length; s++)
            {
                long t = starts[s];
                long end = t + Milliseconds.PerDay;
                long accumulated = 0; // nL/h x ms
                while (t < end)
                {
                    Milliseconds change;
                    long rate = profile.RateAt(new Milliseconds(t), out change).Value;
                    Assert.IsTrue(rate == 2083 || rate == 2084);
                    long pieceEnd = change.Value < end ? change.Value : end;
                    accumulated += rate * (pieceEnd - t);
                    t = pieceEnd;
                    // Against the ideal 50,000 nL x elapsed / 24 h, in the same unit: at most 1 nL apart.
                    long ideal = 50000L * (t - starts[s]) / 24;
                    long apart = accumulated - ideal;
                    if (apart < 0) apart = -apart;
                    Assert.IsTrue(apart <= Milliseconds.PerHour, "apart " + apart.ToString() + " at " + t.ToString());
                }
                Assert.AreEqual(50000L * Milliseconds.PerHour, accumulated);
            }
        }

        [TestMethod]
        public void A_volume_per_day_whose_hourly_rate_the_scheduler_cannot_run_is_refused_naming_it()
        {
            string message = Expect.Throws(typeof(ArgumentOutOfRangeException), () => new DailyVolumeRate(new NanolitersPerDay(-1)));
            Expect.Mentions(message, new string[] { "perDay", "-1", "24000000000" });
        }
    }
}
