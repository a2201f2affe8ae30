using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Tests.Unit.Safety
{
    /// <summary>LINE-RESISTANCE-RISE on synthetic lines of known resistance: strokes every 43.2 s (0.5 mL/day), the CSF pulse on top.</summary>
    [TestClass]
    public class LineResistanceTrendTests
    {
        private const long StrokeIntervalMilliseconds = 43200;

        // Strokes from `from` until `windows` more windows are complete, reading the line whenever the trend
        // asks; returns the time of the last stroke.
        private static long Run(LineResistanceTrend trend, StrokeDecayTrace trace, long from, int windows)
        {
            int target = trend.Windows + windows;
            long t = from;
            while (trend.Windows < target)
            {
                t += StrokeIntervalMilliseconds;
                int before, after;
                trace.Stroke(t, out before, out after);
                trend.Observe(new Milliseconds(t), true, before, true, after, 1);
                Milliseconds due = trend.NextWake;
                if (!due.IsNever)
                {
                    int reading = trace.At(due.Value);
                    trend.Observe(due, true, reading, true, reading, 0);
                }
            }
            return t;
        }

        private static StrokeDecayTrace Line(double resistanceFactor)
        {
            StrokeDecayTrace trace = new StrokeDecayTrace();
            trace.Pulse.CardiacAmplitudePascals = 133;
            trace.Pulse.RespiratoryAmplitudePascals = 200;
            trace.Pulse.NoisePascals = 25;
            trace.ResistanceFactor = resistanceFactor;
            return trace;
        }

        [TestMethod]
        public void An_open_line_is_learned_as_the_baseline_and_raises_nothing_for_a_month()
        {
            LineResistanceTrend trend = new LineResistanceTrend(Milliseconds.Zero);
            StrokeDecayTrace line = Line(1);
            long t = Run(trend, line, 0, LineResistanceTrend.BaselineWindows - 1);
            Assert.AreEqual(1, trend.BaselineWindowsLeft);
            t = Run(trend, line, t, 1);
            Assert.AreEqual(0, trend.BaselineWindowsLeft);
            Assert.IsTrue(trend.BaselinePerMille < 30, "the open line drains to ~0.1 % in 0.5 s: " + trend.BaselinePerMille);
            for (int i = 0; i < 6 * 30; i++)
            {
                t = Run(trend, line, t, 1);
                Assert.IsFalse(trend.Raised);
            }
        }

        [TestMethod]
        [DataRow(3.0)]
        [DataRow(8.0)]
        [DataRow(15.0)]
        [DataRow(50.0)]
        public void The_window_reads_the_share_of_the_stroke_left_after_half_a_second(double resistanceFactor)
        {
            LineResistanceTrend trend = new LineResistanceTrend(Milliseconds.Zero);
            StrokeDecayTrace line = Line(resistanceFactor);
            Run(trend, line, 0, 1);
            int expected = line.ExpectedRetentionPerMille(LineResistanceTrend.DecayMilliseconds);
            Assert.IsTrue(trend.RetentionPerMille > expected - 60 && trend.RetentionPerMille < expected + 60,
                "x" + resistanceFactor + ": read " + trend.RetentionPerMille + " per mille, the line holds " + expected);
        }

        [TestMethod]
        public void A_kink_x15_raises_in_the_third_window_after_it()
        {
            LineResistanceTrend trend = new LineResistanceTrend(Milliseconds.Zero);
            StrokeDecayTrace line = Line(1);
            long t = Run(trend, line, 0, LineResistanceTrend.BaselineWindows + 2);
            line.ResistanceFactor = 15;
            t = Run(trend, line, t, LineResistanceTrend.ConsecutiveWindows - 1);
            Assert.IsFalse(trend.Raised);
            Run(trend, line, t, 1);
            Assert.IsTrue(trend.Raised);
            Assert.IsTrue(trend.RetentionPerMille - trend.BaselinePerMille > 500);
        }

        [TestMethod]
        public void A_narrowing_x3_stays_under_the_rise_and_x8_raises()
        {
            LineResistanceTrend narrowed = new LineResistanceTrend(Milliseconds.Zero);
            LineResistanceTrend kinked = new LineResistanceTrend(Milliseconds.Zero);
            StrokeDecayTrace a = Line(1), b = Line(1);
            long ta = Run(narrowed, a, 0, LineResistanceTrend.BaselineWindows);
            long tb = Run(kinked, b, 0, LineResistanceTrend.BaselineWindows);
            a.ResistanceFactor = 3;
            b.ResistanceFactor = 8;
            Run(narrowed, a, ta, 10);
            Run(kinked, b, tb, 10);
            Assert.IsFalse(narrowed.Raised);
            Assert.IsTrue(kinked.Raised);
        }

        [TestMethod]
        public void Posture_steps_and_coughs_in_a_few_decays_of_every_window_do_not_raise()
        {
            LineResistanceTrend trend = new LineResistanceTrend(Milliseconds.Zero);
            StrokeDecayTrace line = Line(1);
            long t = Run(trend, line, 0, LineResistanceTrend.BaselineWindows);
            for (int i = 0; i < 20; i++)
            {
                // Within each window: a cough 0.3 s after one stroke, and the patient standing up 0.2 s after another.
                line.Pulse.CoughAtMilliseconds = t + 5 * StrokeIntervalMilliseconds + 300;
                line.StepAtMilliseconds = t + 9 * StrokeIntervalMilliseconds + 200;
                line.StepPascals = i % 2 == 0 ? 2666 : 0;
                t = Run(trend, line, t, 1);
                Assert.IsFalse(trend.Raised);
            }
        }

        [TestMethod]
        public void Only_single_strokes_read_on_time_count()
        {
            LineResistanceTrend trend = new LineResistanceTrend(Milliseconds.Zero);
            StrokeDecayTrace line = Line(15);
            int before, after;
            line.Stroke(1000, out before, out after);
            trend.Observe(new Milliseconds(1000), true, before, true, before + 2 * line.JumpPascals, 2);
            Assert.IsTrue(trend.NextWake.IsNever, "two strokes in one tick: the jump of one is not known");
            line.Stroke(50000, out before, out after);
            trend.Observe(new Milliseconds(50000), true, before, true, after, 1);
            Assert.AreEqual(new Milliseconds(50000 + LineResistanceTrend.DecayMilliseconds), trend.NextWake);
            long late = 50000 + LineResistanceTrend.DecayMilliseconds + LineResistanceTrend.LateToleranceMilliseconds + 1;
            trend.Observe(new Milliseconds(late), true, line.At(late), true, line.At(late), 0);
            Assert.IsTrue(trend.NextWake.IsNever);
            // 31 more on time do not complete the window: the late one was dropped.
            long t = 50000;
            for (int i = 0; i < LineResistanceTrend.WindowStrokes - 1; i++)
            {
                t += StrokeIntervalMilliseconds;
                line.Stroke(t, out before, out after);
                trend.Observe(new Milliseconds(t), true, before, true, after, 1);
                long due = trend.NextWake.Value;
                trend.Observe(new Milliseconds(due), true, line.At(due), true, line.At(due), 0);
            }
            Assert.AreEqual(0, trend.Windows);
        }

        [TestMethod]
        public void A_kink_raises_partial_occlusion_through_the_monitor_and_is_not_called_a_lost_pulse()
        {
            CatheterIntegrityMonitor monitor = new CatheterIntegrityMonitor(Milliseconds.Zero);
            StrokeDecayTrace line = Line(1);
            long t = Run(monitor.Resistance, line, 0, LineResistanceTrend.BaselineWindows);
            Assert.IsFalse(monitor.PartiallyOccluded);
            line.ResistanceFactor = 15;
            Run(monitor.Resistance, line, t, LineResistanceTrend.ConsecutiveWindows);
            Assert.IsTrue(monitor.PartiallyOccluded);
            Assert.IsFalse(monitor.Suspected);
        }

        [TestMethod]
        public void Relearn_forgets_the_rise_and_learns_the_revised_line()
        {
            LineResistanceTrend trend = new LineResistanceTrend(Milliseconds.Zero);
            StrokeDecayTrace line = Line(1);
            long t = Run(trend, line, 0, LineResistanceTrend.BaselineWindows);
            line.ResistanceFactor = 15;
            t = Run(trend, line, t, LineResistanceTrend.ConsecutiveWindows);
            Assert.IsTrue(trend.Raised);
            trend.Relearn(new Milliseconds(t));
            Assert.IsFalse(trend.Raised);
            Assert.AreEqual(LineResistanceTrend.BaselineWindows, trend.BaselineWindowsLeft);
            t = Run(trend, line, t, LineResistanceTrend.BaselineWindows + 5);
            Assert.IsFalse(trend.Raised);
        }
    }
}
