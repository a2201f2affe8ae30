using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Units;
using OpenIdds.Tests.Unit.Fakes;

namespace OpenIdds.Tests.Unit.Safety
{
    /// <summary>THRESHOLD-HYSTERESIS: a threshold condition is raised once and clears only past a band.</summary>
    [TestClass]
    public class ThresholdHysteresisTests
    {
        [TestMethod]
        public void A_measured_level_wandering_around_the_low_threshold_raises_low_once()
        {
            FakeLevelSensor sensor = new FakeLevelSensor();
            ReservoirMonitor monitor = new ReservoirMonitor(sensor, Nanoliters.FromMilliliters(2), Nanoliters.FromMilliliters(1));
            int raises = 0;
            bool was = false;
            for (int i = 0; i < 1000; i++)
            {
                // The sensor reads 2 mL +/- 0.4 mL; the computed volume is 2.5 mL.
                sensor.Nanoliters = 2000000 + ((i * 7919) % 9 - 4) * 100000;
                monitor.Update(Nanoliters.FromMicroliters(2500));
                if (monitor.Low && !was) raises++;
                was = monitor.Low;
            }
            Assert.AreEqual(1, raises);
            sensor.Nanoliters = 20000000;
            monitor.Update(Nanoliters.FromMilliliters(20));
            Assert.IsFalse(monitor.Low, "a refill clears it");
        }

        [TestMethod]
        public void A_level_wandering_around_empty_raises_empty_once()
        {
            FakeLevelSensor sensor = new FakeLevelSensor();
            ReservoirMonitor monitor = new ReservoirMonitor(sensor, Nanoliters.FromMilliliters(2), Nanoliters.FromMilliliters(1));
            int raises = 0;
            bool was = false;
            for (int i = 0; i < 1000; i++)
            {
                sensor.Nanoliters = 1000000 + ((i * 7919) % 9 - 4) * 100000;
                monitor.Update(Nanoliters.FromMicroliters(1500));
                if (monitor.Empty && !was) raises++;
                was = monitor.Empty;
            }
            Assert.AreEqual(1, raises);
        }

        [TestMethod]
        public void A_cell_voltage_sagging_around_the_low_threshold_raises_low_once()
        {
            FakeBattery battery = new FakeBattery();
            BatteryLifeMonitor monitor = new BatteryLifeMonitor(battery, 2000000);
            int raises = 0;
            bool was = false;
            for (int i = 0; i < 1000; i++)
            {
                battery.Millivolts = BatteryLifeMonitor.LowMillivolts + ((i * 7919) % 9 - 4) * 10;
                monitor.Update(1000);
                if (monitor.Low && !was) raises++;
                was = monitor.Low;
            }
            Assert.AreEqual(1, raises);
            battery.Millivolts = 3600;
            monitor.Update(1000);
            Assert.IsFalse(monitor.Low, "a new cell clears it");
        }

        [TestMethod]
        public void Elective_replacement_on_the_days_left_threshold_is_raised_once_as_the_rate_steps()
        {
            FakeBattery battery = new FakeBattery();
            BatteryLifeMonitor monitor = new BatteryLifeMonitor(battery, 2000000);
            // 100 days left at 1000 uAh/day, 99 and 101 as the daily draw steps by 1 %.
            battery.ConsumedMicroampereHours = 2000000 - 100 * 1000;
            int raises = 0;
            bool was = false;
            for (int i = 0; i < 100; i++)
            {
                monitor.Update(i % 2 == 0 ? 1010 : 990);
                if (monitor.ElectiveReplacement && !was) raises++;
                was = monitor.ElectiveReplacement;
            }
            Assert.AreEqual(1, raises);
        }
    }
}
