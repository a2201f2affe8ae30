using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Tests.Unit.Safety
{
    /// <summary>The monitor fed synthetic traces at the times it asks for: a baseline day, then intact, lost or damped pulses.</summary>
    [TestClass]
    public class CatheterIntegrityMonitorTests
    {
        // Feeds the monitor until it has completed `bursts` more checks, sampling the trace whenever it wakes.
        private static void Run(CatheterIntegrityMonitor monitor, PulseTrace trace, int bursts)
        {
            int target = monitor.Checks + bursts;
            while (monitor.Checks < target)
            {
                Milliseconds now = monitor.NextWake;
                monitor.Observe(now, true, trace.At(now.Value), 0);
            }
        }

        private static PulseTrace Intact()
        {
            PulseTrace trace = new PulseTrace();
            trace.CardiacAmplitudePascals = 133;
            trace.RespiratoryAmplitudePascals = 200;
            trace.NoisePascals = 25;
            return trace;
        }

        [TestMethod]
        public void Coughs_in_two_baseline_bursts_neither_inflate_the_baseline_nor_count_later()
        {
            CatheterIntegrityMonitor monitor = new CatheterIntegrityMonitor(Milliseconds.Zero);
            PulseTrace coughing = Intact();
            coughing.CoughAtMilliseconds = 10000;
            Run(monitor, coughing, 1);
            Run(monitor, Intact(), 2);
            coughing.CoughAtMilliseconds = 3 * Milliseconds.PerHour * 4 + 10000;
            Run(monitor, coughing, 1);
            Run(monitor, Intact(), 2);
            Assert.IsTrue(monitor.Monitoring);
            for (int day = 0; day < 5; day++)
            {
                coughing.CoughAtMilliseconds = monitor.NextWake.Value + 5000;
                Run(monitor, coughing, 1);
                Run(monitor, Intact(), 5);
            }
            Assert.AreEqual(5, monitor.Disturbed);
            Assert.IsFalse(monitor.Suspected);
            Assert.IsFalse(monitor.PartiallyOccluded);
        }

        [TestMethod]
        public void The_first_day_of_bursts_is_the_baseline()
        {
            CatheterIntegrityMonitor monitor = new CatheterIntegrityMonitor(Milliseconds.Zero);
            Run(monitor, Intact(), CatheterIntegrityMonitor.BaselineBursts - 1);
            Assert.IsFalse(monitor.Monitoring);
            Assert.AreEqual(1, monitor.BaselineBurstsLeft);
            Run(monitor, Intact(), 1);
            Assert.IsTrue(monitor.Monitoring);
            Assert.AreEqual(Milliseconds.FromHours(4 * CatheterIntegrityMonitor.BaselineBursts), monitor.NextWake);
        }

        [TestMethod]
        public void An_intact_catheter_standing_walking_and_asleep_raises_nothing()
        {
            CatheterIntegrityMonitor monitor = new CatheterIntegrityMonitor(Milliseconds.Zero);
            Run(monitor, Intact(), CatheterIntegrityMonitor.BaselineBursts);
            PulseTrace standing = Intact();
            standing.CardiacAmplitudePascals = 133 * 6 / 10;
            standing.RespiratoryAmplitudePascals = 200 * 6 / 10;
            standing.BaselinePascals = 4000;
            PulseTrace walking = Intact();
            walking.CardiacHertz = 1.7;
            walking.RespiratoryHertz = 0.4;
            PulseTrace asleep = Intact();
            asleep.CardiacHertz = 0.9;
            asleep.RespiratoryHertz = 0.2;
            for (int day = 0; day < 10; day++)
            {
                Run(monitor, standing, 3);
                Run(monitor, walking, 1);
                Run(monitor, asleep, 2);
            }
            Assert.IsFalse(monitor.Suspected);
            Assert.IsFalse(monitor.PartiallyOccluded);
        }

        [TestMethod]
        public void Pulsatility_lost_in_three_bursts_in_a_row_is_suspected()
        {
            CatheterIntegrityMonitor monitor = new CatheterIntegrityMonitor(Milliseconds.Zero);
            Run(monitor, Intact(), CatheterIntegrityMonitor.BaselineBursts);
            PulseTrace lost = new PulseTrace();
            lost.BaselinePascals = 400;
            Run(monitor, lost, CatheterIntegrityMonitor.ConsecutiveBursts - 1);
            Assert.IsFalse(monitor.Suspected, "two bursts are not enough");
            Run(monitor, lost, 1);
            Assert.IsTrue(monitor.Suspected);
            Assert.IsFalse(monitor.PartiallyOccluded);
            Assert.IsTrue(monitor.CardiacPercent < 5 && monitor.RespiratoryPercent < 5);
            Run(monitor, Intact(), 1);
            Assert.IsFalse(monitor.Suspected, "one normal burst clears the condition");
        }

        [TestMethod]
        public void A_damped_cardiac_pulse_with_the_breathing_kept_is_a_partial_occlusion()
        {
            CatheterIntegrityMonitor monitor = new CatheterIntegrityMonitor(Milliseconds.Zero);
            Run(monitor, Intact(), CatheterIntegrityMonitor.BaselineBursts);
            PulseTrace kinked = Intact();
            kinked.CardiacAmplitudePascals = 133 / 5;
            kinked.RespiratoryAmplitudePascals = 200 * 6 / 10;
            Run(monitor, kinked, CatheterIntegrityMonitor.ConsecutiveBursts);
            Assert.IsTrue(monitor.PartiallyOccluded);
            Assert.IsFalse(monitor.Suspected);
        }

        [TestMethod]
        public void A_cardiac_pulse_under_the_floor_leaves_the_respiratory_band_to_judge_alone()
        {
            CatheterIntegrityMonitor monitor = new CatheterIntegrityMonitor(Milliseconds.Zero);
            PulseTrace smallPulse = Intact();
            smallPulse.CardiacAmplitudePascals = 10;
            Run(monitor, smallPulse, CatheterIntegrityMonitor.BaselineBursts);
            Assert.IsFalse(monitor.CardiacJudged);
            Assert.IsTrue(monitor.RespiratoryJudged);
            PulseTrace lost = new PulseTrace();
            lost.NoisePascals = 25;
            Run(monitor, lost, CatheterIntegrityMonitor.ConsecutiveBursts);
            Assert.IsTrue(monitor.Suspected);
            Assert.IsFalse(monitor.PartiallyOccluded, "no kink without a judged cardiac band");
        }

        [TestMethod]
        public void A_baseline_under_the_floor_judges_nothing()
        {
            CatheterIntegrityMonitor monitor = new CatheterIntegrityMonitor(Milliseconds.Zero);
            PulseTrace noiseOnly = new PulseTrace();
            noiseOnly.NoisePascals = 25;
            Run(monitor, noiseOnly, CatheterIntegrityMonitor.BaselineBursts + 10);
            Assert.IsFalse(monitor.Monitoring);
            Assert.IsFalse(monitor.Suspected);
        }

        [TestMethod]
        public void A_stroke_restarts_the_burst_after_the_line_settles()
        {
            CatheterIntegrityMonitor monitor = new CatheterIntegrityMonitor(Milliseconds.Zero);
            PulseTrace trace = Intact();
            monitor.Observe(Milliseconds.Zero, true, trace.At(0), 0);
            monitor.Observe(new Milliseconds(100), true, trace.At(100), 1);
            Assert.AreEqual(new Milliseconds(100 + CatheterIntegrityMonitor.SettleMilliseconds), monitor.NextWake);
            Assert.AreEqual(0, monitor.Checks);
        }

        [TestMethod]
        public void Strokes_too_close_together_skip_the_check_until_the_next_interval()
        {
            CatheterIntegrityMonitor monitor = new CatheterIntegrityMonitor(Milliseconds.Zero);
            PulseTrace trace = Intact();
            long lastStroke = 0;
            while (monitor.Skipped == 0)
            {
                Milliseconds now = monitor.NextWake;
                bool stroke = now.Value - lastStroke >= 10000;
                if (stroke) lastStroke = now.Value;
                monitor.Observe(now, true, trace.At(now.Value), stroke ? 1 : 0);
            }
            Assert.AreEqual(0, monitor.Checks);
            Assert.AreEqual(Milliseconds.FromHours(4), monitor.NextWake);
        }

        [TestMethod]
        public void Every_wake_up_the_check_asks_for_is_charged_the_decay_readings_too()
        {
            // CATHETER-BURST-IN-ERI: strokes every 43.2 s (0.5 mL/day) through an open line, the pump woken at
            // each stroke and whenever the check asks (a burst sample or LINE-RESISTANCE-RISE's decay reading).
            CatheterIntegrityMonitor monitor = new CatheterIntegrityMonitor(Milliseconds.Zero);
            StrokeDecayTrace line = new StrokeDecayTrace();
            line.Pulse = Intact();
            long nextStroke = 43200, wakes = 0, t = 0;
            while (t < 2 * Milliseconds.PerDay)
            {
                long wake = monitor.NextWake.Value;
                bool stroke = nextStroke <= wake;
                t = stroke ? nextStroke : wake;
                int before, after;
                if (stroke) { line.Stroke(t, out before, out after); nextStroke += 43200; }
                else { before = line.At(t); after = before; wakes++; }
                monitor.Observe(new Milliseconds(t), true, before, stroke ? 1 : 0);
                monitor.Resistance.Observe(new Milliseconds(t), true, before, true, after, stroke ? 1 : 0);
            }
            Assert.IsTrue(monitor.Resistance.Windows >= 10, "the decay readings ran: " + monitor.Resistance.Windows.ToString() + " windows");
            Assert.IsTrue(monitor.SamplesTaken >= wakes, monitor.SamplesTaken.ToString() + " readings charged for " + wakes.ToString() + " wake-ups the check asked for");
        }

        [TestMethod]
        public void A_burst_begins_only_in_a_gap_the_planned_strokes_leave()
        {
            // CATHETER-BURST-IN-A-GAP: the next stroke 10 s away leaves no 25.6 s burst; after it, 60 s does.
            CatheterIntegrityMonitor monitor = new CatheterIntegrityMonitor(Milliseconds.Zero);
            PulseTrace trace = Intact();
            monitor.Observe(Milliseconds.Zero, true, trace.At(0), 0, new Milliseconds(10000));
            Assert.AreEqual(1L, monitor.SamplesTaken, "the wake-up that opened the check, charged");
            Assert.IsTrue(monitor.NextWake.IsNever, "no wake-up of its own while it waits for a gap");
            monitor.Observe(new Milliseconds(10000), true, trace.At(10000), 1, new Milliseconds(70000));
            Assert.AreEqual(new Milliseconds(10000 + CatheterIntegrityMonitor.SettleMilliseconds), monitor.NextWake);
            Run(monitor, trace, 1);
            Assert.AreEqual(1L + 256, monitor.SamplesTaken);
            Assert.AreEqual(0, monitor.Skipped);
        }

        [TestMethod]
        public void Strokes_never_leaving_a_gap_skip_the_check_without_sampling()
        {
            // 50 uL/h in 250 nL strokes: one every 18 s, never the 26.6 s a burst needs.
            CatheterIntegrityMonitor monitor = new CatheterIntegrityMonitor(Milliseconds.Zero);
            PulseTrace trace = Intact();
            for (long t = 0; t < Milliseconds.PerDay; t += 18000)
                monitor.Observe(new Milliseconds(t), true, trace.At(t), t == 0 ? 0 : 1, new Milliseconds(t + 18000));
            Assert.AreEqual(6, monitor.Skipped);
            Assert.AreEqual(0, monitor.Checks);
            Assert.AreEqual(6L, monitor.SamplesTaken, "one opening wake-up a check, no burst");
        }

        [TestMethod]
        public void A_failed_reading_skips_the_check()
        {
            CatheterIntegrityMonitor monitor = new CatheterIntegrityMonitor(Milliseconds.Zero);
            monitor.Observe(Milliseconds.Zero, false, 0, 0);
            Assert.AreEqual(1, monitor.Skipped);
            Assert.AreEqual(Milliseconds.FromHours(4), monitor.NextWake);
        }
    }
}
