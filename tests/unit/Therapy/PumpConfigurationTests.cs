using System;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Tests.Unit.Therapy
{
    /// <summary>A pump configuration a board cannot have is refused at construction, naming the field, the value and the limit.</summary>
    [TestClass]
    public class PumpConfigurationTests
    {
        private static void Build(string name)
        {
            Nanoliters reservoir = Nanoliters.FromMilliliters(20);
            NanolitersPerHour min = NanolitersPerHour.FromMicrolitersPerHour(2);
            NanolitersPerHour max = NanolitersPerHour.FromMicrolitersPerHour(1000);
            Nanoliters tubing = Nanoliters.FromMicroliters(120);
            Nanoliters catheter = Nanoliters.FromMicroliters(30);
            NanolitersPerHour priming = NanolitersPerHour.FromMicrolitersPerHour(1000);
            Nanoliters low = PumpConfiguration.DefaultLowReservoir;
            switch (name)
            {
                case "reservoir zero": reservoir = Nanoliters.Zero; break;
                case "rate range inverted": min = NanolitersPerHour.FromMicrolitersPerHour(2000); break;
                case "tubing negative": tubing = new Nanoliters(-1000); break;
                case "catheter negative": catheter = new Nanoliters(-2000); break;
                case "priming above the maximum": priming = NanolitersPerHour.FromMicrolitersPerHour(1001); break;
                case "low threshold at capacity": low = reservoir; break;
            }
            new PumpConfiguration(PumpStage.Implanted, reservoir, min, max, tubing, catheter, priming, low, SensorSet.Battery, AlarmSet.LowReservoir);
        }

        [TestMethod]
        [DataRow("reservoir zero", "reservoir capacity,0.000 uL,limit 0.000 uL")]
        [DataRow("rate range inverted", "device rate range,2000.000 uL/h..1000.000 uL/h,1000000000 nL/h")]
        [DataRow("tubing negative", "tubing volume,-1.000 uL,limit 0.000 uL")]
        [DataRow("catheter negative", "catheter volume,-2.000 uL,limit 0.000 uL")]
        [DataRow("priming above the maximum", "priming rate,1001.000 uL/h,device maximum 1000.000 uL/h")]
        [DataRow("low threshold at capacity", "low-reservoir threshold,20000.000 uL,reservoir capacity 20000.000 uL")]
        public void A_configuration_no_pump_can_have_is_refused_naming_the_field_value_and_limit(string name, string parts)
        {
            string message = Expect.Throws(typeof(ArgumentOutOfRangeException), () => { Build(name); });
            Expect.Mentions(message, parts.Split(','));
        }

        /// <summary>The alarm-table row an AlarmSet flag stands for; None where there is none.</summary>
        private static OpenIdds.Firmware.Safety.AlarmCode RowOf(AlarmSet flag)
        {
            switch (flag)
            {
                case AlarmSet.LowReservoir: return OpenIdds.Firmware.Safety.AlarmCode.ReservoirLow;
                case AlarmSet.EmptyReservoir: return OpenIdds.Firmware.Safety.AlarmCode.ReservoirEmpty;
                case AlarmSet.Occlusion: return OpenIdds.Firmware.Safety.AlarmCode.Occlusion;
                case AlarmSet.MotorStall: return OpenIdds.Firmware.Safety.AlarmCode.MotorStall;
                case AlarmSet.LowBattery: return OpenIdds.Firmware.Safety.AlarmCode.BatteryLow;
                case AlarmSet.ElectiveReplacement: return OpenIdds.Firmware.Safety.AlarmCode.BatteryElectiveReplacement;
                case AlarmSet.RefillDiscrepancy: return OpenIdds.Firmware.Safety.AlarmCode.RefillDiscrepancy;
                default: return OpenIdds.Firmware.Safety.AlarmCode.None;
            }
        }

        [TestMethod]
        public void The_stage_defaults_claim_only_sensors_with_a_HAL_contract_and_alarms_with_a_table_row()
        {
            // DownstreamPressure = IPressureSensor, ReservoirLevel = IReservoirLevelSensor, Battery = IBatteryMonitor.
            int withContract = (int)(SensorSet.DownstreamPressure | SensorSet.ReservoirLevel | SensorSet.Battery);
            PumpConfiguration[] stages = new PumpConfiguration[]
            {
                PumpConfiguration.Trial(Nanoliters.FromMilliliters(100), TherapyFixture.Tubing, TherapyFixture.Catheter),
                PumpConfiguration.Implanted(Nanoliters.FromMilliliters(20), TherapyFixture.Tubing, TherapyFixture.Catheter),
            };
            for (int s = 0; s < stages.Length; s++)
            {
                PumpConfiguration c = stages[s];
                Assert.AreEqual(0, (int)c.Sensors & ~withContract, PumpStageName.Of(c.Stage) + " claims a sensor without a HAL contract: " + ((int)c.Sensors).ToString());
                for (int bit = 1; bit <= 128; bit <<= 1)
                {
                    if (((int)c.Alarms & bit) == 0) continue;
                    OpenIdds.Firmware.Safety.AlarmCode code = RowOf((AlarmSet)bit);
                    Assert.IsTrue(code != OpenIdds.Firmware.Safety.AlarmCode.None, PumpStageName.Of(c.Stage) + " claims alarm flag " + bit.ToString() + ", which has no alarm-table row");
                    Assert.AreEqual((int)code, (int)OpenIdds.Firmware.Safety.AlarmTable.Of(code).Code);
                }
            }
            // The trial pump's supervisor raises battery-low, the implant's elective replacement: the sets say the same.
            Assert.IsTrue((stages[0].Alarms & AlarmSet.LowBattery) != 0 && (stages[0].Alarms & AlarmSet.ElectiveReplacement) == 0);
            Assert.IsTrue((stages[1].Alarms & AlarmSet.ElectiveReplacement) != 0 && (stages[1].Alarms & AlarmSet.LowBattery) == 0);
            // Occlusion needs the downstream pressure sensor; both stages have one (the implant, unlike the closed pumps).
            for (int s = 0; s < stages.Length; s++)
                Assert.IsTrue((stages[s].Alarms & AlarmSet.Occlusion) != 0 && (stages[s].Sensors & SensorSet.DownstreamPressure) != 0, PumpStageName.Of(stages[s].Stage));
        }

        [TestMethod]
        public void The_stage_defaults_are_accepted()
        {
            Build("none");
            Assert.AreEqual((int)PumpStage.Trial, (int)PumpConfiguration.Trial(Nanoliters.FromMilliliters(100), Nanoliters.FromMicroliters(120), Nanoliters.FromMicroliters(30)).Stage);
            Assert.AreEqual((int)PumpStage.Implanted, (int)PumpConfiguration.Implanted(Nanoliters.FromMilliliters(40), Nanoliters.FromMicroliters(120), Nanoliters.FromMicroliters(30)).Stage);
        }
    }
}
