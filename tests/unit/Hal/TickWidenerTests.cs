using OpenIdds.Hal;

namespace OpenIdds.Tests.Unit
{
    [TestClass]
    public class TickWidenerTests
    {
        private static uint _tick;
        private static uint Source() { return _tick; }

        [TestMethod]
        public void The_64_bit_clock_keeps_counting_through_the_32_bit_wrap()
        {
            _tick = uint.MaxValue - 1000;
            TickWidener clock = new TickWidener(Source);
            long before = clock.ElapsedMilliseconds;
            _tick = 500;                       // 1,501 ms later, after the wrap
            long after = clock.ElapsedMilliseconds;
            Assert.AreEqual(1501L, after - before);
            Assert.AreEqual(4294967796L, after);
        }

        [TestMethod]
        public void Ten_years_of_wraps_sampled_every_30000_s_lose_nothing()
        {
            _tick = 0;
            TickWidener clock = new TickWidener(Source);
            long expected = 0;
            long tenYears = 10L * 365 * 24 * 3600 * 1000;
            long step = 30000L * 1000;          // a sample every 30,000 s (8 h 20 min) keeps the test short; any step below 49.7 days works
            while (expected < tenYears)
            {
                expected += step;
                _tick = unchecked((uint)(_tick + (uint)step));
                Assert.AreEqual(expected, clock.ElapsedMilliseconds);
            }
        }
    }
}
