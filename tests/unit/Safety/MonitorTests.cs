using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Units;
using OpenIdds.Hal;
using OpenIdds.Tests.Unit.Fakes;

namespace OpenIdds.Tests.Unit.Safety
{
    [TestClass]
    public class MonitorTests
    {
        [TestMethod]
        public void A_stuck_pressure_sensor_is_found_and_a_live_one_is_not()
        {
            PressureSensorMonitor stuck = new PressureSensorMonitor();
            PressureSensorMonitor live = new PressureSensorMonitor();
            for (int i = 0; i < 100; i++)
            {
                stuck.Accept(SensorStatus.Ok, 1333);
                live.Accept(SensorStatus.Ok, 1333 + (i % 5) * 3);
            }
            Assert.IsTrue(stuck.Faulty);
            Assert.IsFalse(live.Faulty);
        }

        [TestMethod]
        public void A_sensor_whose_noise_drowns_a_stroke_is_faulty_and_a_quiet_one_is_not()
        {
            // Two readings a moment apart: 25 Pa sd differs by about 28 Pa, ten times that by about 282 Pa.
            PressureSensorMonitor quiet = new PressureSensorMonitor();
            PressureSensorMonitor noisy = new PressureSensorMonitor();
            for (int i = 0; i < PressureSensorMonitor.NoiseSamples + 8; i++)
            {
                quiet.NoiseSample(i % 2 == 0 ? 28 : -30);
                noisy.NoiseSample(i % 2 == 0 ? 282 : -260);
                Assert.IsTrue(quiet.Accept(SensorStatus.Ok, 1333 + (i % 7) * 5), "a quiet sensor's readings are used");
                noisy.Accept(SensorStatus.Ok, 1333 + (i % 7) * 200);
            }
            Assert.IsFalse(quiet.Faulty);
            Assert.IsTrue(noisy.TooNoisy, "mean " + noisy.NoisePascals.ToString() + " Pa");
            Assert.IsTrue(noisy.Faulty, "SENSOR-NOISE-MEASURED: the occlusion detector must not judge strokes through this noise");
            // The fault clears once the noise is back down and a run of good readings follows.
            for (int i = 0; i < 4 * PressureSensorMonitor.NoiseSamples; i++)
            {
                noisy.NoiseSample(20);
                noisy.Accept(SensorStatus.Ok, 1333 + (i % 7) * 5);
            }
            Assert.IsFalse(noisy.Faulty);
        }

        [TestMethod]
        public void One_large_first_difference_does_not_make_a_quiet_sensor_look_noisy()
        {
            // The estimate starts as a plain mean: a start that took its value from the first sample
            // alone called a quiet sensor noisy at power-on (the false-alarm benchmark found it).
            PressureSensorMonitor monitor = new PressureSensorMonitor();
            monitor.NoiseSample(400);
            for (int i = 1; i < PressureSensorMonitor.NoiseSamples; i++) monitor.NoiseSample(i % 2 == 0 ? 28 : -28);
            Assert.IsFalse(monitor.TooNoisy, "mean " + monitor.NoisePascals.ToString() + " Pa");
            int n = PressureSensorMonitor.NoiseSamples;
            Assert.AreEqual((400 + (n - 1) * 28) / n, monitor.NoisePascals);
        }

        [TestMethod]
        public void A_disconnected_out_of_range_or_noisy_sensor_is_faulty()
        {
            PressureSensorMonitor disconnected = new PressureSensorMonitor();
            Assert.IsFalse(disconnected.Accept(SensorStatus.Disconnected, 0));
            Assert.IsTrue(disconnected.Faulty);
            PressureSensorMonitor range = new PressureSensorMonitor();
            Assert.IsFalse(range.Accept(SensorStatus.Ok, PressureSensorMonitor.MaximumPascals + 1));
            PressureSensorMonitor noisy = new PressureSensorMonitor();
            for (int i = 0; i < 16; i++) noisy.Accept(SensorStatus.Ok, (i & 1) == 0 ? 0 : 50000);
            Assert.IsTrue(noisy.Faulty);
        }

        [TestMethod]
        public void A_faulty_sensor_recovers_only_after_a_run_of_good_readings()
        {
            PressureSensorMonitor monitor = new PressureSensorMonitor();
            monitor.Accept(SensorStatus.Disconnected, 0);
            for (int i = 0; i < PressureSensorMonitor.StuckReadings - 2; i++) monitor.Accept(SensorStatus.Ok, 1000 + i);
            Assert.IsTrue(monitor.Faulty);
            monitor.Accept(SensorStatus.Ok, 999);
            monitor.Accept(SensorStatus.Ok, 998);
            Assert.IsFalse(monitor.Faulty);
        }

        [TestMethod]
        public void The_reservoir_names_computed_and_measured_and_flags_their_disagreement()
        {
            FakeLevelSensor sensor = new FakeLevelSensor();
            ReservoirMonitor monitor = new ReservoirMonitor(sensor, Nanoliters.FromMilliliters(2), Nanoliters.FromMilliliters(1));
            sensor.Nanoliters = Nanoliters.FromMilliliters(10).Value;
            monitor.Update(Nanoliters.FromMilliliters(10));
            Assert.IsFalse(monitor.Discrepant);
            Assert.AreEqual("computed 10.000 mL, measured 10.000 mL", monitor.Describe());
            sensor.Nanoliters = Nanoliters.FromMilliliters(7).Value;
            monitor.Update(Nanoliters.FromMilliliters(10));
            Assert.IsTrue(monitor.Discrepant, "3 mL apart is beyond max(1 mL, 15 %)");
        }

        [TestMethod]
        public void Low_and_empty_use_the_lower_of_computed_and_measured()
        {
            FakeLevelSensor sensor = new FakeLevelSensor();
            ReservoirMonitor monitor = new ReservoirMonitor(sensor, Nanoliters.FromMilliliters(2), Nanoliters.FromMilliliters(1));
            sensor.Nanoliters = 1500000;
            monitor.Update(Nanoliters.FromMilliliters(3));
            Assert.IsTrue(monitor.Low);
            Assert.IsFalse(monitor.Empty);
            ReservoirMonitor computedOnly = new ReservoirMonitor(null, Nanoliters.FromMilliliters(2), Nanoliters.FromMilliliters(1));
            computedOnly.Update(Nanoliters.FromMilliliters(5));
            Assert.IsFalse(computedOnly.Low);
            Assert.AreEqual("computed 5.000 mL, not measured (no level sensor)", computedOnly.Describe());
        }

        [TestMethod]
        public void A_failed_level_sensor_is_a_fault_and_the_reservoir_says_it_is_computed_only()
        {
            FakeLevelSensor sensor = new FakeLevelSensor();
            ReservoirMonitor monitor = new ReservoirMonitor(sensor, Nanoliters.FromMilliliters(2), Nanoliters.FromMilliliters(1));
            sensor.Nanoliters = Nanoliters.FromMilliliters(10).Value;
            monitor.Update(Nanoliters.FromMilliliters(10));
            Assert.IsFalse(monitor.SensorFaulty);
            Assert.IsTrue(monitor.HasMeasured);

            sensor.Status = SensorStatus.Disconnected;
            monitor.Update(Nanoliters.FromMilliliters(10));
            Assert.IsTrue(monitor.SensorFaulty);
            Assert.IsFalse(monitor.HasMeasured);
            Assert.AreEqual("computed 10.000 mL, not measured (level sensor fault)", monitor.Describe());

            // Back, but not trusted on its first good answer.
            sensor.Status = SensorStatus.Ok;
            for (int i = 0; i < ReservoirMonitor.GoodReadingsToRecover - 1; i++) monitor.Update(Nanoliters.FromMilliliters(10));
            Assert.IsTrue(monitor.SensorFaulty);
            Assert.IsFalse(monitor.HasMeasured);
            monitor.Update(Nanoliters.FromMilliliters(10));
            Assert.IsFalse(monitor.SensorFaulty);
            Assert.IsTrue(monitor.HasMeasured);
        }

        [TestMethod]
        [DataRow(1, 5000000L)]
        [DataRow(3, 5000000L)]
        [DataRow(0, -1L)]
        public void A_level_sensor_out_of_range_not_answering_or_reading_below_zero_is_faulty(int status, long nanoliters)
        {
            FakeLevelSensor sensor = new FakeLevelSensor();
            ReservoirMonitor monitor = new ReservoirMonitor(sensor, Nanoliters.FromMilliliters(2), Nanoliters.FromMilliliters(1));
            sensor.Status = (SensorStatus)status;
            sensor.Nanoliters = nanoliters;
            monitor.Update(Nanoliters.FromMilliliters(10));
            Assert.IsTrue(monitor.SensorFaulty);
            Assert.IsFalse(monitor.HasMeasured);
            Assert.IsFalse(monitor.Low, "the computed 10 mL still decides low and empty");
        }

        [TestMethod]
        public void A_healthy_level_sensor_is_never_a_fault_and_no_sensor_is_no_fault()
        {
            FakeLevelSensor sensor = new FakeLevelSensor();
            ReservoirMonitor monitor = new ReservoirMonitor(sensor, Nanoliters.FromMilliliters(2), Nanoliters.FromMilliliters(1));
            ReservoirMonitor none = new ReservoirMonitor(null, Nanoliters.FromMilliliters(2), Nanoliters.FromMilliliters(1));
            for (long v = 20000000; v >= 0; v -= 50000)
            {
                sensor.Nanoliters = v;
                monitor.Update(new Nanoliters(v));
                none.Update(new Nanoliters(v));
                Assert.IsFalse(monitor.SensorFaulty);
                Assert.IsFalse(none.SensorFaulty);
            }
        }

        [TestMethod]
        public void Elective_replacement_comes_at_least_90_days_before_end_of_service()
        {
            FakeBattery battery = new FakeBattery();
            BatteryLifeMonitor monitor = new BatteryLifeMonitor(battery, 2000000);
            long daily = 1000;   // uAh per day at the programmed therapy
            long eri = -1, eos = -1;
            for (long day = 0; day <= 2000; day++)
            {
                battery.ConsumedMicroampereHours = day * daily;
                monitor.Update(daily);
                if (eri < 0 && monitor.ElectiveReplacement) eri = day;
                if (eos < 0 && monitor.EndOfService) eos = day;
            }
            Assert.IsTrue(eri > 0 && eos > 0);
            Assert.IsTrue(eos - eri >= BatteryLifeMonitor.DaysBetweenEriAndEos, "ERI on day " + eri.ToString() + ", EOS on day " + eos.ToString());
        }

        [TestMethod]
        public void A_fresh_battery_raises_nothing_and_a_low_voltage_raises_low()
        {
            FakeBattery battery = new FakeBattery();
            BatteryLifeMonitor monitor = new BatteryLifeMonitor(battery, 2000000);
            battery.ConsumedMicroampereHours = 0;
            monitor.Update(1000);
            Assert.IsFalse(monitor.ElectiveReplacement || monitor.EndOfService || monitor.Low);
            battery.Millivolts = 3200;
            monitor.Update(1000);
            Assert.IsTrue(monitor.Low);
        }
    
        [TestMethod]
        public void Without_a_gauge_the_counted_charge_decides_and_a_gauge_outranks_the_count()
        {
            FakeBattery battery = new FakeBattery();
            BatteryLifeMonitor monitor = new BatteryLifeMonitor(battery, 2000000);
            monitor.Update(1000, 1950000);
            Assert.IsTrue(monitor.Counting && monitor.ElectiveReplacement && !monitor.EndOfService, "50 days left by the count: ERI");
            monitor.Update(1000, -1);
            Assert.IsFalse(monitor.ElectiveReplacement, "no gauge, no count: nothing to say");
            battery.ConsumedMicroampereHours = 100000;
            monitor.Update(1000, 1950000);
            Assert.IsFalse(monitor.Counting || monitor.ElectiveReplacement, "the gauge's 1,900 days outrank the count");
        }

        [TestMethod]
        public void Where_the_count_decides_the_cells_voltage_can_overrule_it()
        {
            FakeBattery battery = new FakeBattery();
            BatteryLifeMonitor monitor = new BatteryLifeMonitor(battery, 2000000);
            battery.Millivolts = BatteryLifeMonitor.LowMillivolts - 1;
            monitor.Update(1000, 0);
            Assert.IsTrue(monitor.ElectiveReplacement && !monitor.EndOfService, "past the knee: ERI, though the count says 2,000 days");
            battery.Millivolts = BatteryLifeMonitor.EndMillivolts - 1;
            monitor.Update(1000, 0);
            Assert.IsTrue(monitor.EndOfService && monitor.ElectiveReplacement);
            battery.ConsumedMicroampereHours = 0;
            monitor.Update(1000, 0);
            Assert.IsFalse(monitor.EndOfService || monitor.ElectiveReplacement, "a gauge is not a model: its count stands");
        }
    }
}
