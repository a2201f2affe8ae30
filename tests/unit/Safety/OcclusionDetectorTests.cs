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
            Assert.AreEqual(OcclusionDetector.ConsecutiveStrokes + 1, detector.RetainedStrokes);
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
    }
}
