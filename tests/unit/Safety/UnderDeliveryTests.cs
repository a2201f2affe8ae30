using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Units;
using OpenIdds.Hal;
using OpenIdds.Tests.Unit.Fakes;

namespace OpenIdds.Tests.Unit.Safety
{
    /// <summary>MISSED-DOSE-ALARM-BY-LOSS: the alarm for dropped steps is as loud as the dose they lost.</summary>
    [TestClass]
    public class UnderDeliveryTests
    {
        private static SafetySupervisor Running(FakeBoard board)
        {
            board.Pressure.Pascals = 1333;
            board.Pressure.Jitter = 7;
            SafetySupervisor supervisor = new SafetySupervisor(board.Hardware, new Calibration(250000), new SupervisorSettings(), new AlarmEventRing(64), true);
            supervisor.Tick();
            board.Clock.ElapsedMilliseconds += 10;
            supervisor.Tick();
            supervisor.Filled(Nanoliters.FromMilliliters(20));
            supervisor.Start(new ConstantRate(new NanolitersPerHour(100000)), new NanolitersPerHour(100000));
            // An hour on time: 100 uL/h of 250 nL steps is a step every 9 s.
            for (int i = 0; i < 400; i++)
            {
                board.Clock.ElapsedMilliseconds += 9000;
                supervisor.Tick();
            }
            return supervisor;
        }

        [TestMethod]
        public void A_few_dropped_steps_are_a_low_deadline_alarm_and_not_under_delivery()
        {
            FakeBoard board = new FakeBoard();
            SafetySupervisor supervisor = Running(board);
            board.Clock.ElapsedMilliseconds += 90000;   // held up 90 s: nine steps dropped of about 410
            supervisor.Tick();
            Assert.IsTrue(supervisor.Alarms.IsShown(AlarmCode.DeadlineMissed));
            Assert.IsFalse(supervisor.Alarms.IsShown(AlarmCode.UnderDelivery));
        }

        [TestMethod]
        public void Half_an_hour_of_dropped_steps_raises_high_priority_under_delivery_and_delivery_goes_on()
        {
            FakeBoard board = new FakeBoard();
            SafetySupervisor supervisor = Running(board);
            for (int i = 0; i < 30; i++)
            {
                board.Clock.ElapsedMilliseconds += 60000;   // each tick a minute late: every step in it dropped
                supervisor.Tick();
            }
            Assert.IsTrue(supervisor.Alarms.IsShown(AlarmCode.UnderDelivery));
            Assert.IsTrue(AlarmTable.Of(AlarmCode.UnderDelivery).Priority == AlarmPriority.High);
            Assert.IsTrue(supervisor.Alarms.Highest == AlarmCode.UnderDelivery || AlarmTable.Of(supervisor.Alarms.Highest).Priority == AlarmPriority.High);
            Assert.AreEqual((int)SafetyState.Running, (int)supervisor.State);
        }
    }
}
