using System;
using OpenIdds.Firmware.Control;
using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Units;
using OpenIdds.Tests.Unit.Fakes;

namespace OpenIdds.Tests.Unit
{
    [TestClass]
    public class PumpControllerTests
    {
        private static PumpController Running(FakeBoard board)
        {
            // 100 uL/h, 250 nL per step: a step every 9 s.
            PumpController pump = new PumpController(board.Hardware, new Calibration(250000));
            pump.Start(new ConstantRate(new NanolitersPerHour(100000)));
            return pump;
        }

        private static void RunUntil(FakeBoard board, PumpController pump, long until)
        {
            while (board.Clock.ElapsedMilliseconds < until)
            {
                long wake = pump.NextWake.Value;
                board.Clock.ElapsedMilliseconds = wake < until ? wake : until;
                pump.Tick();
            }
        }

        [TestMethod]
        public void It_delivers_the_programmed_rate_through_the_motor()
        {
            FakeBoard board = new FakeBoard();
            PumpController pump = Running(board);
            RunUntil(board, pump, Milliseconds.PerHour);
            Assert.AreEqual(400L, board.Motor.CompletedSteps);
            Assert.AreEqual(100000L, pump.Delivered.Value);
            Assert.AreEqual(0L, pump.StepsMissed);
        }

        [TestMethod]
        public void The_motor_is_off_until_started_and_off_again_when_stopped()
        {
            FakeBoard board = new FakeBoard();
            PumpController pump = new PumpController(board.Hardware, new Calibration(250000));
            Assert.IsFalse(board.Motor.Enabled);
            pump.Start(new ConstantRate(new NanolitersPerHour(100000)));
            Assert.IsTrue(board.Motor.Enabled);
            pump.Stop();
            Assert.IsFalse(board.Motor.Enabled);
            Assert.AreEqual((int)PumpState.Stopped, (int)pump.State);
        }

        [TestMethod]
        public void A_stall_disables_the_motor_in_the_same_tick_and_faults_the_pump()
        {
            FakeBoard board = new FakeBoard();
            PumpController pump = Running(board);
            RunUntil(board, pump, 60000);
            long before = board.Motor.CompletedSteps;
            board.Motor.Stalled = true;
            board.Clock.ElapsedMilliseconds = 63000;
            pump.Tick();
            Assert.IsFalse(board.Motor.Enabled);
            Assert.AreEqual((int)PumpState.Faulted, (int)pump.State);
            Assert.AreEqual(before, board.Motor.CompletedSteps);
            Expect.Throws(typeof(InvalidOperationException), () => pump.Start(new ConstantRate(new NanolitersPerHour(100000))));
        }

        [TestMethod]
        public void A_late_tick_counts_missed_steps_instead_of_a_burst()
        {
            FakeBoard board = new FakeBoard();
            PumpController pump = Running(board);
            board.Clock.ElapsedMilliseconds = 90000;
            pump.Tick();
            Assert.AreEqual(1L, board.Motor.CompletedSteps);
            Assert.AreEqual(9L, pump.StepsMissed);
            Assert.AreEqual(1L, pump.DeadlineMisses);
        }

        [TestMethod]
        public void It_wakes_for_each_step_and_at_least_every_max_sleep_to_kick_the_watchdog()
        {
            FakeBoard board = new FakeBoard();
            PumpController pump = new PumpController(board.Hardware, new Calibration(250000));
            pump.Start(new ConstantRate(new NanolitersPerHour(100)));
            Assert.AreEqual(PumpController.MaxSleep.Value, pump.NextWake.Value);
            RunUntil(board, pump, 10 * PumpController.MaxSleep.Value);
            Assert.AreEqual(10, board.Watchdog.Kicks);
            PumpController fast = Running(new FakeBoard());
            Assert.AreEqual(9000L, fast.NextWake.Value);
        }

        [TestMethod]
        public void A_profile_change_keeps_the_delivered_count()
        {
            FakeBoard board = new FakeBoard();
            PumpController pump = Running(board);
            RunUntil(board, pump, Milliseconds.PerHour);
            pump.ChangeProfile(new ConstantRate(new NanolitersPerHour(200000)));
            RunUntil(board, pump, 2 * Milliseconds.PerHour);
            Assert.AreEqual(1200L, board.Motor.CompletedSteps);
        }
    }
}
