using OpenIdds.Firmware.Safety;

namespace OpenIdds.Tests.Unit.Safety
{
    /// <summary>Synthetic traces: each stroke adds 250 Pa; in an open line it drains before the next stroke, in a blocked one it stays.</summary>
    [TestClass]
    public class OcclusionDetectorTests
    {
        private const int Csf = 1333;
        private const int Jump = 250;

        [TestMethod]
        public void Strokes_that_stay_in_the_line_raise_it_after_four_in_a_row()
        {
            OcclusionDetector detector = new OcclusionDetector();
            int line = Csf;
            for (int stroke = 0; stroke < 10 && !detector.Occluded; stroke++)
            {
                detector.Observe(line, line + Jump, 1);
                line += Jump;
            }
            Assert.IsTrue(detector.Occluded);
            Assert.AreEqual(OcclusionDetector.ConsecutiveStrokes + 1, detector.HeldStrokes);
            Assert.AreEqual(Csf, detector.BaselinePascals);
        }

        [TestMethod]
        public void Strokes_that_drain_never_raise_it()
        {
            OcclusionDetector detector = new OcclusionDetector();
            for (int stroke = 0; stroke < 10000; stroke++) detector.Observe(Csf + (stroke % 7) * 5, Csf + Jump, 1);
            Assert.IsFalse(detector.Occluded);
        }

        [TestMethod]
        public void A_posture_change_and_a_cough_do_not_raise_it()
        {
            OcclusionDetector detector = new OcclusionDetector();
            int[] baseline = new int[] { 1333, 1333, 4000, 4000, 9333, 4000, 4000, 2666, 2666, 1333, 1333 };
            for (int i = 0; i < baseline.Length; i++) detector.Observe(baseline[i], baseline[i] + Jump, 1);
            Assert.IsFalse(detector.Occluded);
        }

        [TestMethod]
        public void A_pressure_beyond_the_absolute_limit_raises_it_at_once()
        {
            OcclusionDetector detector = new OcclusionDetector();
            detector.Observe(0, OcclusionDetector.AbsoluteLimitPascals, 0);
            Assert.IsTrue(detector.Occluded);
        }

        [TestMethod]
        public void Ticks_without_strokes_are_not_evidence()
        {
            OcclusionDetector detector = new OcclusionDetector();
            for (int i = 0; i < 100; i++) detector.Observe(Csf + i * 1000, Csf + i * 1000, 0);
            Assert.IsFalse(detector.Occluded);
        }

        [TestMethod]
        public void Strokes_that_drain_leave_nothing_held_but_the_last_tick()
        {
            OcclusionDetector detector = new OcclusionDetector();
            for (int stroke = 0; stroke < 100; stroke++) detector.Observe(Csf, Csf + Jump, 1);
            Assert.AreEqual(1, detector.HeldStrokes, "only the stroke not yet seen to drain");
        }

        [TestMethod]
        public void In_a_bolus_the_held_strokes_are_counted_stroke_by_stroke_not_tick_by_tick()
        {
            const int PerTick = 3;
            OcclusionDetector detector = new OcclusionDetector();
            for (int i = 0; i < 20; i++) detector.Observe(Csf, Csf + PerTick * Jump, PerTick);
            int line = Csf;
            int ticks = 0;
            while (!detector.Occluded)
            {
                detector.Observe(line, line + PerTick * Jump, PerTick);
                line += PerTick * Jump;
                ticks++;
            }
            Assert.AreEqual(OcclusionDetector.ConsecutiveStrokes + 1, ticks, "the evidence is still four intervals in a row");
            Assert.AreEqual(ticks * PerTick, detector.HeldStrokes, "every stroke pushed into the blocked line");
        }

        [TestMethod]
        public void An_alarm_from_the_backstop_holds_the_strokes_since_the_line_last_drained()
        {
            // A stiff implanted line (1,250 Pa a stroke) drains, then blocks; one tick of a bolus pushes it past the limit.
            const int Stiff = 1250;
            OcclusionDetector detector = new OcclusionDetector();
            for (int i = 0; i < 20; i++) detector.Observe(Csf, Csf + Stiff, 1);
            detector.Observe(Csf, Csf + Stiff, 1);          // this stroke meets the blockage and stays
            int before = Csf + Stiff;
            detector.Observe(before, before + 100 * Stiff, 100);
            Assert.IsTrue(detector.Occluded);
            Assert.AreEqual(1 + 100, detector.HeldStrokes);
        }

        [TestMethod]
        public void Strokes_without_usable_readings_count_as_held_and_the_count_is_capped()
        {
            OcclusionDetector detector = new OcclusionDetector();
            detector.Observe(Csf, Csf + Jump, 1);
            detector.Delivered(4);
            Assert.AreEqual(5, detector.HeldStrokes);
            for (int i = 0; i < 1000; i++) detector.Delivered(3);
            Assert.AreEqual(OcclusionDetector.MaximumHeldStrokes, detector.HeldStrokes);
            detector.Reset();
            Assert.AreEqual(0, detector.HeldStrokes);
        }
    }
}
