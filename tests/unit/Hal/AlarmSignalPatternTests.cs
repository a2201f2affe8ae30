using OpenIdds.Hal;

namespace OpenIdds.Tests.Unit
{
    [TestClass]
    public class AlarmSignalPatternTests
    {
        private static int PulsesInCycle(AlarmPriority priority, int cycleMs)
        {
            int pulses = 0;
            bool was = false;
            for (int t = 0; t < cycleMs; t++)
            {
                bool on = AlarmSignalPattern.ToneAt(priority, t) != 0;
                if (on && !was) pulses++;
                was = on;
            }
            return pulses;
        }

        [TestMethod]
        public void High_priority_is_a_ten_pulse_burst()
        {
            Assert.AreEqual(10, PulsesInCycle(AlarmPriority.High, AlarmSignalPattern.HighCycleMs));
        }

        [TestMethod]
        public void Medium_priority_is_three_pulses()
        {
            Assert.AreEqual(3, PulsesInCycle(AlarmPriority.Medium, AlarmSignalPattern.MediumCycleMs));
        }

        [TestMethod]
        public void Low_priority_is_two_pulses_and_a_steady_yellow_light()
        {
            Assert.AreEqual(2, PulsesInCycle(AlarmPriority.Low, AlarmSignalPattern.LowCycleMs));
            Assert.AreEqual((int)IndicatorColor.Yellow, (int)AlarmSignalPattern.IndicatorAt(AlarmPriority.Low, 12345));
        }

        [TestMethod]
        public void High_priority_flashes_red_at_two_hertz()
        {
            Assert.AreEqual((int)IndicatorColor.Red, (int)AlarmSignalPattern.IndicatorAt(AlarmPriority.High, 100));
            Assert.AreEqual((int)IndicatorColor.Off, (int)AlarmSignalPattern.IndicatorAt(AlarmPriority.High, 300));
            Assert.AreEqual((int)IndicatorColor.Red, (int)AlarmSignalPattern.IndicatorAt(AlarmPriority.High, 600));
        }

        [TestMethod]
        public void No_alarm_is_silent_and_dark()
        {
            Assert.AreEqual(0, AlarmSignalPattern.ToneAt(AlarmPriority.None, 0));
            Assert.AreEqual((int)IndicatorColor.Off, (int)AlarmSignalPattern.IndicatorAt(AlarmPriority.None, 0));
        }
    }
}
