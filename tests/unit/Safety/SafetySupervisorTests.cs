using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Units;
using OpenIdds.Tests.Unit.Fakes;

namespace OpenIdds.Tests.Unit.Safety
{
    [TestClass]
    public class SafetySupervisorTests
    {
        private static SafetySupervisor Ready(FakeBoard board, AlarmEventRing log)
        {
            board.Pressure.Pascals = 1333;
            board.Pressure.Jitter = 7;
            board.Battery.ConsumedMicroampereHours = 0;
            SafetySupervisor supervisor = new SafetySupervisor(board.Hardware, new Calibration(250000), new SupervisorSettings(), log, true);
            supervisor.Tick();
            board.Clock.ElapsedMilliseconds += 10;
            supervisor.Tick();
            supervisor.Filled(Nanoliters.FromMilliliters(20));
            return supervisor;
        }

        private static void Run(FakeBoard board, SafetySupervisor supervisor, long until)
        {
            while (board.Clock.ElapsedMilliseconds < until)
            {
                long wake = supervisor.NextWake.Value;
                board.Clock.ElapsedMilliseconds = wake < until ? wake : until;
                supervisor.Tick();
            }
        }

        [TestMethod]
        public void The_self_test_passes_on_healthy_hardware_and_leaves_the_pump_stopped()
        {
            FakeBoard board = new FakeBoard();
            SafetySupervisor supervisor = Ready(board, new AlarmEventRing(32));
            Assert.AreEqual((int)SafetyState.Stopped, (int)supervisor.State);
            Assert.AreEqual((int)SelfTestFailure.None, (int)supervisor.SelfTestFailures);
            Assert.IsFalse(board.Motor.Enabled);
        }

        [TestMethod]
        public void A_failed_self_test_goes_to_the_safe_state_and_the_motor_never_moves()
        {
            FakeBoard board = new FakeBoard();
            AlarmEventRing log = new AlarmEventRing(32);
            SafetySupervisor supervisor = new SafetySupervisor(board.Hardware, new Calibration(250000), new SupervisorSettings(), log, false);
            supervisor.Tick();
            board.Clock.ElapsedMilliseconds += 10;
            supervisor.Tick();
            Assert.AreEqual((int)SafetyState.SafeState, (int)supervisor.State);
            Assert.IsTrue((supervisor.SelfTestFailures & SelfTestFailure.Storage) != 0);
            Assert.IsFalse(supervisor.Start(new ConstantRate(new NanolitersPerHour(100000)), new NanolitersPerHour(100000)));
            Assert.IsFalse(board.Motor.Enabled);
            Assert.AreEqual(1, log.CountOf(AlarmEventKind.Raised, AlarmCode.SelfTestFailed));
        }

        [TestMethod]
        public void A_motor_stall_stops_delivery_in_the_same_tick_and_raises_the_alarm()
        {
            FakeBoard board = new FakeBoard();
            AlarmEventRing log = new AlarmEventRing(32);
            SafetySupervisor supervisor = Ready(board, log);
            supervisor.Start(new ConstantRate(new NanolitersPerHour(100000)), new NanolitersPerHour(100000));
            Run(board, supervisor, 60000);
            board.Motor.Stalled = true;
            board.Clock.ElapsedMilliseconds = 63000;
            supervisor.Tick();
            Assert.IsFalse(board.Motor.Enabled);
            Assert.AreEqual((int)SafetyState.AlarmStopped, (int)supervisor.State);
            Assert.IsTrue(supervisor.Alarms.IsShown(AlarmCode.MotorStall));
        }

        [TestMethod]
        public void A_clinician_reset_after_the_fault_is_gone_lets_therapy_restart()
        {
            FakeBoard board = new FakeBoard();
            SafetySupervisor supervisor = Ready(board, new AlarmEventRing(32));
            supervisor.Start(new ConstantRate(new NanolitersPerHour(100000)), new NanolitersPerHour(100000));
            board.Motor.Stalled = true;
            Run(board, supervisor, 20000);
            Assert.IsFalse(supervisor.ClinicianReset(), "the stall is still there");
            board.Motor.Stalled = false;
            Assert.IsTrue(supervisor.ClinicianReset());
            Assert.AreEqual((int)SafetyState.Stopped, (int)supervisor.State);
            Assert.IsTrue(supervisor.Start(new ConstantRate(new NanolitersPerHour(100000)), new NanolitersPerHour(100000)));
        }

        [TestMethod]
        public void An_occlusion_stops_delivery_and_takes_the_held_strokes_back()
        {
            FakeBoard board = new FakeBoard();
            OpenIdds.Hal.PumpHardware blocked = new OpenIdds.Hal.PumpHardware(board.Clock, board.Motor, new BlockedLine(board.Motor), null,
                board.Battery, board.Annunciator, board.Button, board.Store, board.Watchdog, board.Link);
            SafetySupervisor supervisor = new SafetySupervisor(blocked, new Calibration(250000), new SupervisorSettings(), new AlarmEventRing(32), true);
            supervisor.Tick();
            board.Clock.ElapsedMilliseconds += 10;
            supervisor.Tick();
            supervisor.Filled(Nanoliters.FromMilliliters(20));
            supervisor.Start(new ConstantRate(new NanolitersPerHour(100000)), new NanolitersPerHour(100000));
            Run(board, supervisor, 2 * Milliseconds.PerMinute);
            Assert.AreEqual((int)SafetyState.AlarmStopped, (int)supervisor.State);
            Assert.IsTrue(supervisor.Alarms.IsShown(AlarmCode.Occlusion));
            Assert.AreEqual(OcclusionDetector.ConsecutiveStrokes + 1, supervisor.RelievedStrokes);
            Assert.AreEqual(0L, board.Motor.CompletedSteps, "every held stroke was taken back");
            Assert.IsFalse(board.Motor.Enabled);
        }

        [TestMethod]
        public void An_empty_reservoir_stops_delivery_and_a_low_one_only_warns()
        {
            FakeBoard board = new FakeBoard();
            SafetySupervisor supervisor = Ready(board, new AlarmEventRing(32));
            supervisor.Filled(Nanoliters.FromMicroliters(1900));
            supervisor.Start(new ConstantRate(new NanolitersPerHour(100000)), new NanolitersPerHour(100000));
            Run(board, supervisor, 1000);
            Assert.IsTrue(supervisor.Alarms.IsShown(AlarmCode.ReservoirLow));
            Assert.AreEqual((int)SafetyState.Running, (int)supervisor.State);
            Run(board, supervisor, 10 * Milliseconds.PerHour);
            Assert.IsTrue(supervisor.Alarms.IsShown(AlarmCode.ReservoirEmpty));
            Assert.AreEqual((int)SafetyState.AlarmStopped, (int)supervisor.State);
            Assert.IsFalse(supervisor.Alarms.IsShown(AlarmCode.ReservoirLow), "empty replaces low");
        }

        [TestMethod]
        public void Normal_delivery_raises_no_alarm()
        {
            FakeBoard board = new FakeBoard();
            AlarmEventRing log = new AlarmEventRing(32);
            SafetySupervisor supervisor = Ready(board, log);
            supervisor.Start(new ConstantRate(new NanolitersPerHour(100000)), new NanolitersPerHour(100000));
            Run(board, supervisor, Milliseconds.PerDay);
            Assert.AreEqual(0L, log.Written);
            Assert.AreEqual((int)SafetyState.Running, (int)supervisor.State);
            // Started 10 ms in (after the two-tick self-test): floor((86,400,000 - 10) / 9,000) steps.
            Assert.AreEqual(9599L, board.Motor.CompletedSteps);
        }

        [TestMethod]
        public void Bad_storage_raises_the_storage_fault_and_good_storage_does_not()
        {
            FakeBoard bad = new FakeBoard();
            AlarmEventRing badLog = new AlarmEventRing(32);
            SafetySupervisor broken = new SafetySupervisor(bad.Hardware, new Calibration(250000), new SupervisorSettings(), badLog, false);
            broken.Tick();
            bad.Clock.ElapsedMilliseconds += 10;
            broken.Tick();
            Assert.IsTrue(broken.Alarms.IsShown(AlarmCode.StorageFault));
            AlarmEventRing goodLog = new AlarmEventRing(32);
            SafetySupervisor healthy = Ready(new FakeBoard(), goodLog);
            Assert.IsFalse(healthy.Alarms.IsShown(AlarmCode.StorageFault));
            Assert.AreEqual(0, goodLog.CountOf(AlarmEventKind.Raised, AlarmCode.StorageFault));
        }

        [TestMethod]
        public void A_watchdog_restart_comes_back_stopped_with_the_control_loop_alarm_and_a_power_on_does_not()
        {
            FakeBoard board = new FakeBoard();
            board.Pressure.Pascals = 1333;
            board.Pressure.Jitter = 7;
            SafetySupervisor restarted = new SafetySupervisor(board.Hardware, new Calibration(250000), new SupervisorSettings(), new AlarmEventRing(32), true, ResetCause.Watchdog);
            restarted.Tick();
            board.Clock.ElapsedMilliseconds += 10;
            restarted.Tick();
            Assert.IsTrue(restarted.Alarms.IsShown(AlarmCode.ControlLoopStalled));
            Assert.AreEqual((int)SafetyState.AlarmStopped, (int)restarted.State);
            Assert.IsFalse(restarted.Start(new ConstantRate(new NanolitersPerHour(100000)), new NanolitersPerHour(100000)), "no delivery until a clinician has seen it");
            Assert.IsTrue(restarted.ClinicianReset());
            SafetySupervisor powerOn = Ready(new FakeBoard(), new AlarmEventRing(32));
            Assert.IsFalse(powerOn.Alarms.IsShown(AlarmCode.ControlLoopStalled));
        }

        [TestMethod]
        public void Steps_the_rotor_does_not_follow_are_a_stall_and_followed_steps_are_not()
        {
            FakeBoard board = new FakeBoard();
            SafetySupervisor supervisor = Ready(board, new AlarmEventRing(32));
            supervisor.Start(new ConstantRate(new NanolitersPerHour(100000)), new NanolitersPerHour(100000));
            Run(board, supervisor, Milliseconds.PerHour);
            Assert.IsFalse(supervisor.Alarms.IsShown(AlarmCode.MotorStall));
            board.Motor.LosesSteps = true;
            Run(board, supervisor, Milliseconds.PerHour + 20000);
            Assert.IsTrue(supervisor.Alarms.IsShown(AlarmCode.MotorStall));
            Assert.AreEqual((int)SafetyState.AlarmStopped, (int)supervisor.State);
        }

        [TestMethod]
        public void A_refill_discrepancy_raises_its_alarm_and_a_matching_refill_does_not()
        {
            FakeBoard board = new FakeBoard();
            SafetySupervisor supervisor = Ready(board, new AlarmEventRing(32));
            supervisor.RefillChecked(false);
            Assert.IsFalse(supervisor.Alarms.IsShown(AlarmCode.RefillDiscrepancy));
            supervisor.RefillChecked(true);
            Assert.IsTrue(supervisor.Alarms.IsShown(AlarmCode.RefillDiscrepancy));
            supervisor.RefillChecked(false);
            Assert.IsTrue(supervisor.Alarms.IsShown(AlarmCode.RefillDiscrepancy), "latched until acknowledged");
        }

        [TestMethod]
        public void Steps_dropped_for_lateness_raise_the_deadline_alarm_but_delivery_goes_on()
        {
            FakeBoard board = new FakeBoard();
            AlarmEventRing log = new AlarmEventRing(32);
            SafetySupervisor supervisor = Ready(board, log);
            supervisor.Start(new ConstantRate(new NanolitersPerHour(100000)), new NanolitersPerHour(100000));
            board.Clock.ElapsedMilliseconds = 90000;   // the loop was held up for 90 s: nine steps are late
            supervisor.Tick();
            Assert.IsTrue(supervisor.Alarms.IsShown(AlarmCode.DeadlineMissed));
            Assert.AreEqual((int)SafetyState.Running, (int)supervisor.State);
            Assert.AreEqual(0L, board.Motor.CompletedSteps, "all nine were more than 2 s late: dropped, no burst");
        }

        /// <summary>A downstream line that is blocked: every stroke the motor made stays as 250 Pa.</summary>
        private sealed class BlockedLine : OpenIdds.Hal.IPressureSensor
        {
            private readonly FakeMotor _motor;
            private int _reads;
            public BlockedLine(FakeMotor motor) { _motor = motor; }
            public OpenIdds.Hal.SensorStatus Read(out int pascals)
            {
                _reads++;
                pascals = 1333 + (int)(250 * _motor.CompletedSteps) + (_reads & 1) * 7;
                return OpenIdds.Hal.SensorStatus.Ok;
            }
        }
    }
}
