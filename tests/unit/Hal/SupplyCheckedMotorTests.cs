using OpenIdds.Hal;
using OpenIdds.Hal.Drivers;
using OpenIdds.Tests.Unit.Fakes;

namespace OpenIdds.Tests.Unit.Hal
{
    [TestClass]
    public class SupplyCheckedMotorTests
    {
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
            SupplyCheckedMotor motor = new SupplyCheckedMotor(new FakeMotor(), supply);
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
