using OpenIdds.Hal;
using OpenIdds.Hal.Drivers;

namespace OpenIdds.Tests.Unit.Hal
{
    [TestClass]
    public class SupplyCheckedMotorTests
    {
        /// <summary>A healthy driver (the Hal test assembly has no Fakes): only the supply can make it stall.</summary>
        private sealed class HealthyDriver : IMotorDriver
        {
            public bool Enabled { get { return true; } }
            public MotorDirection Direction { get { return MotorDirection.Forward; } }
            public long CompletedSteps { get { return 0; } }
            public bool CanDetectStall { get { return true; } }
            public bool Stalled { get { return false; } }
            public void Enable() { }
            public void Disable() { }
            public void SetDirection(MotorDirection direction) { }
            public void Step() { }
        }

        private sealed class SwitchedSupply : IMotorSupplyMonitor
        {
            public bool Present { get; set; }
        }

        /// <summary>MOTOR-SUPPLY-WATCHED: three readings without the supply in a row are a fault; one is noise.</summary>
        [TestMethod]
        public void A_supply_missing_for_three_readings_in_a_row_is_a_fault_and_one_missing_reading_is_not()
        {
            SwitchedSupply supply = new SwitchedSupply();
            supply.Present = true;
            SupplyCheckedMotor motor = new SupplyCheckedMotor(new HealthyDriver(), supply);
            Assert.IsFalse(motor.Stalled);
            supply.Present = false;
            Assert.IsFalse(motor.Stalled);
            supply.Present = true;
            Assert.IsFalse(motor.Stalled);
            supply.Present = false;
            Assert.IsFalse(motor.Stalled);
            Assert.IsFalse(motor.Stalled);
            Assert.IsTrue(motor.Stalled);
            Assert.IsTrue(motor.CanDetectStall);
        }
    }
}
