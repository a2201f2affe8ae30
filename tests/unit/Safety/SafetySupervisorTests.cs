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

        /// <summary>The same as <see cref="Ready(FakeBoard, AlarmEventRing)"/> on other hardware or settings.</summary>
        private static SafetySupervisor ReadyOn(OpenIdds.Hal.PumpHardware hardware, FakeBoard board, SupervisorSettings settings, AlarmEventRing log)
        {
            board.Pressure.Pascals = 1333;
            board.Pressure.Jitter = 7;
            board.Battery.ConsumedMicroampereHours = 0;
            SafetySupervisor supervisor = new SafetySupervisor(hardware, new Calibration(250000), settings, log, true);
            supervisor.Tick();
            board.Clock.ElapsedMilliseconds += 10;
            supervisor.Tick();
            supervisor.Filled(Nanoliters.FromMilliliters(20));
            return supervisor;
        }

        /// <summary>Ready on a board with a level sensor reading a full 20 mL, running 100 uL/h.</summary>
        private static SafetySupervisor RunningWithLevelSensor(FakeBoard board, FakeLevelSensor level, AlarmEventRing log)
        {
            level.Nanoliters = Nanoliters.FromMilliliters(20).Value;
            SafetySupervisor supervisor = ReadyOn(WithLevelSensor(board, level), board, new SupervisorSettings(), log);
            supervisor.Start(new ConstantRate(new NanolitersPerHour(100000)), new NanolitersPerHour(100000));
            return supervisor;
        }

        private static OpenIdds.Hal.PumpHardware WithLevelSensor(FakeBoard board, FakeLevelSensor level)
        {
            return new OpenIdds.Hal.PumpHardware(board.Clock, board.Motor, board.Pressure, level,
                board.Battery, board.Annunciator, board.Button, board.Store, board.Watchdog, board.Link);
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
        [DataRow(false)]
        [DataRow(true)]
        public void An_annunciator_that_reads_back_dead_fails_the_self_test_and_a_live_one_passes(bool works)
        {
            FakeBoard board = new FakeBoard();
            board.Pressure.Pascals = 1333;
            board.Pressure.Jitter = 7;
            FakeSensedAnnunciator annunciator = new FakeSensedAnnunciator();
            annunciator.Works = works;
            OpenIdds.Hal.PumpHardware hardware = new OpenIdds.Hal.PumpHardware(board.Clock, board.Motor, board.Pressure, null,
                board.Battery, annunciator, board.Button, board.Store, board.Watchdog, board.Link);
            AlarmEventRing log = new AlarmEventRing(32);
            SafetySupervisor supervisor = new SafetySupervisor(hardware, new Calibration(250000), new SupervisorSettings(), log, true);
            supervisor.Tick();
            board.Clock.ElapsedMilliseconds += 10;
            supervisor.Tick();
            Assert.AreEqual(1, annunciator.Checks, "the self-test read the outputs back once");
            Assert.AreEqual(works, (supervisor.SelfTestFailures & SelfTestFailure.Annunciator) == 0);
            Assert.AreEqual((int)(works ? SafetyState.Stopped : SafetyState.SafeState), (int)supervisor.State);
            Assert.AreEqual(works ? 0 : 1, log.CountOf(AlarmEventKind.Raised, AlarmCode.SelfTestFailed));
            Assert.AreEqual(works, supervisor.Start(new ConstantRate(new NanolitersPerHour(100000)), new NanolitersPerHour(100000)));
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
            SafetySupervisor supervisor = ReadyOnBlockedLine(board, 250);
            supervisor.Start(new ConstantRate(new NanolitersPerHour(100000)), new NanolitersPerHour(100000));
            Run(board, supervisor, 2 * Milliseconds.PerMinute);
            Assert.AreEqual((int)SafetyState.AlarmStopped, (int)supervisor.State);
            Assert.IsTrue(supervisor.Alarms.IsShown(AlarmCode.Occlusion));
            Assert.AreEqual(OcclusionDetector.ConsecutiveStrokes + 1, supervisor.RelievedStrokes);
            Assert.AreEqual(0L, board.Motor.CompletedSteps, "every held stroke was taken back");
            Assert.IsFalse(board.Motor.Enabled);
        }

        private static SafetySupervisor ReadyOnBlockedLine(FakeBoard board, int pascalsPerStep)
        {
            OpenIdds.Hal.PumpHardware blocked = new OpenIdds.Hal.PumpHardware(board.Clock, board.Motor, new BlockedLine(board.Motor, pascalsPerStep), null,
                board.Battery, board.Annunciator, board.Button, board.Store, board.Watchdog, board.Link);
            return ReadyOn(blocked, board, new SupervisorSettings(), new AlarmEventRing(32));
        }

        [TestMethod]
        public void An_occlusion_caught_by_the_pressure_backstop_takes_the_held_strokes_back_too()
        {
            // A line so stiff that the fourth stroke passes 124 kPa: the backstop alarms before four strokes are judged retained.
            FakeBoard board = new FakeBoard();
            SafetySupervisor supervisor = ReadyOnBlockedLine(board, 40000);
            supervisor.Start(new ConstantRate(new NanolitersPerHour(100000)), new NanolitersPerHour(100000));
            Run(board, supervisor, 2 * Milliseconds.PerMinute);
            Assert.AreEqual((int)SafetyState.AlarmStopped, (int)supervisor.State);
            Assert.IsTrue(supervisor.Alarms.IsShown(AlarmCode.Occlusion));
            Assert.AreEqual(4, supervisor.RelievedStrokes, "1,333 Pa + 4 x 40,000 Pa is the first reading over the limit");
            Assert.AreEqual(0L, board.Motor.CompletedSteps, "every held stroke was taken back");
            Assert.IsFalse(board.Motor.Enabled);
        }

        [TestMethod]
        public void An_occlusion_during_a_bolus_takes_back_every_stroke_not_one_per_tick()
        {
            // 2.7 mL/h is a stroke every 333 ms; ticking once a second makes three strokes a tick.
            FakeBoard board = new FakeBoard();
            SafetySupervisor supervisor = ReadyOnBlockedLine(board, 250);
            supervisor.Start(new ConstantRate(new NanolitersPerHour(2700000)), new NanolitersPerHour(2700000));
            int ticks = 0;
            while (supervisor.State != SafetyState.AlarmStopped && ticks < 60)
            {
                board.Clock.ElapsedMilliseconds += 1000;
                supervisor.Tick();
                ticks++;
            }
            Assert.IsTrue(supervisor.Alarms.IsShown(AlarmCode.Occlusion));
            Assert.IsTrue(supervisor.RelievedStrokes >= 3 * (OcclusionDetector.ConsecutiveStrokes + 1) - 1,
                "several strokes a tick: " + supervisor.RelievedStrokes + " taken back in " + ticks + " ticks");
            // OCCLUSION-RELIEF-PACED: the strokes go back over the ticks that follow, one a tick.
            for (int i = 0; i < 1000 && board.Motor.CompletedSteps != 0; i++)
            {
                board.Clock.ElapsedMilliseconds = supervisor.NextWake.Value;
                supervisor.Tick();
            }
            Assert.AreEqual(0L, board.Motor.CompletedSteps, "every held stroke was taken back");
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
        public void A_refill_that_leaves_nothing_alarms_empty_and_stops_and_the_computed_reservoir_never_goes_below_zero()
        {
            FakeBoard board = new FakeBoard();
            SafetySupervisor supervisor = Ready(board, new AlarmEventRing(32));
            supervisor.Filled(Nanoliters.Zero);
            supervisor.Start(new ConstantRate(new NanolitersPerHour(100000)), new NanolitersPerHour(100000));
            Run(board, supervisor, 2 * Milliseconds.PerHour);
            Assert.IsTrue(supervisor.Alarms.IsShown(AlarmCode.ReservoirEmpty), "a 0 mL fill is an empty reservoir, not an unfilled pump");
            Assert.AreEqual((int)SafetyState.AlarmStopped, (int)supervisor.State);
            Assert.AreEqual(0L, board.Motor.CompletedSteps, "stopped in the first tick");
            Assert.IsTrue(supervisor.Reservoir.Computed.Value >= 0, "computed " + supervisor.Reservoir.Computed.Value + " nL");
        }

        [TestMethod]
        public void A_pump_never_filled_raises_no_reservoir_alarm()
        {
            FakeBoard board = new FakeBoard();
            board.Pressure.Pascals = 1333;
            board.Pressure.Jitter = 7;
            SafetySupervisor supervisor = new SafetySupervisor(board.Hardware, new Calibration(250000), new SupervisorSettings(), new AlarmEventRing(32), true);
            supervisor.Tick();
            board.Clock.ElapsedMilliseconds += 10;
            supervisor.Tick();
            supervisor.Start(new ConstantRate(new NanolitersPerHour(100000)), new NanolitersPerHour(100000));
            Run(board, supervisor, Milliseconds.PerHour);
            Assert.IsFalse(supervisor.Alarms.IsShown(AlarmCode.ReservoirEmpty));
            Assert.IsFalse(supervisor.Alarms.IsShown(AlarmCode.ReservoirLow));
            Assert.IsTrue(supervisor.Reservoir.Computed.Value >= 0, "computed " + supervisor.Reservoir.Computed.Value + " nL");
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
        public void A_watchdog_restart_comes_back_alarm_stopped_with_the_control_loop_alarm_and_a_power_on_does_not()
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

        [TestMethod]
        public void A_runaway_scheduler_raises_over_infusion_and_stops_and_the_prescribed_rate_does_not()
        {
            FakeBoard good = new FakeBoard();
            AlarmEventRing goodLog = new AlarmEventRing(32);
            SafetySupervisor healthy = Ready(good, goodLog);
            healthy.Start(new ConstantRate(new NanolitersPerHour(100000)), new NanolitersPerHour(100000));
            Run(good, healthy, 2 * Milliseconds.PerDay);
            Assert.IsFalse(healthy.Alarms.IsShown(AlarmCode.OverInfusion));
            Assert.AreEqual(0, goodLog.CountOf(AlarmEventKind.Raised, AlarmCode.OverInfusion));
            Assert.AreEqual((int)SafetyState.Running, (int)healthy.State);

            // The prescription allows 100 uL/h; the profile handed to the scheduler runs 1 mL/h.
            FakeBoard board = new FakeBoard();
            AlarmEventRing log = new AlarmEventRing(32);
            SafetySupervisor supervisor = Ready(board, log);
            supervisor.Start(new ConstantRate(new NanolitersPerHour(1000000)), new NanolitersPerHour(100000));
            Run(board, supervisor, 10 * Milliseconds.PerMinute);
            Assert.IsTrue(supervisor.Alarms.IsShown(AlarmCode.OverInfusion));
            Assert.AreEqual(1, log.CountOf(AlarmEventKind.Raised, AlarmCode.OverInfusion));
            Assert.AreEqual((int)SafetyState.AlarmStopped, (int)supervisor.State);
            Assert.IsFalse(board.Motor.Enabled);
            long delivered = board.Motor.CompletedSteps * 250;
            long allowed = 100000L * supervisor.Guard.TrippedAt.Value / Milliseconds.PerHour + 10000;
            Assert.IsTrue(delivered <= allowed, "delivered " + delivered.ToString() + " nL, allowed " + allowed.ToString() + " nL");
            // Latched: an hour later it is still there; only a clinician reset ends it.
            Run(board, supervisor, Milliseconds.PerHour);
            Assert.IsTrue(supervisor.Alarms.IsShown(AlarmCode.OverInfusion));
            Assert.IsTrue(supervisor.ClinicianReset());
            Assert.IsFalse(supervisor.Alarms.IsShown(AlarmCode.OverInfusion));
            Assert.AreEqual((int)SafetyState.Stopped, (int)supervisor.State);
        }

        [TestMethod]
        [DataRow(false)]
        [DataRow(true)]
        public void An_hour_stopped_or_suspended_lets_no_burst_through_afterwards(bool suspend)
        {
            FakeBoard board = new FakeBoard();
            SafetySupervisor supervisor = Ready(board, new AlarmEventRing(32));
            BolusOverlays profile = new BolusOverlays(new ConstantRate(new NanolitersPerHour(100000)));
            supervisor.Start(profile, new NanolitersPerHour(100000));
            Run(board, supervisor, 30 * Milliseconds.PerMinute);
            Assert.IsTrue(suspend ? supervisor.Suspend() : supervisor.Stop());
            Run(board, supervisor, 90 * Milliseconds.PerMinute);
            Assert.IsFalse(board.Motor.Enabled);
            long before = board.Motor.CompletedSteps;

            // Delivery restarts; then a fault lays 10 mL/h over the profile that no one told the guard of.
            Assert.IsTrue(suspend ? supervisor.Resume() : supervisor.Start(profile, new NanolitersPerHour(100000)));
            long restart = board.Clock.ElapsedMilliseconds;
            profile.Add(new Milliseconds(restart), Milliseconds.FromHours(1), new NanolitersPerHour(10000000));
            supervisor.Pump.Scheduler!.Replan();
            Run(board, supervisor, restart + 10 * Milliseconds.PerMinute);

            Assert.IsTrue(supervisor.Alarms.IsShown(AlarmCode.OverInfusion));
            Assert.AreEqual((int)SafetyState.AlarmStopped, (int)supervisor.State);
            // The idle hour banked nothing: the burst got no more than 10 uL over what accrued since the restart.
            long burst = (board.Motor.CompletedSteps - before) * 250;
            long accrued = 100000L * (supervisor.Guard.TrippedAt.Value - restart) / Milliseconds.PerHour;
            Assert.IsTrue(burst <= accrued + 10000, "burst " + burst.ToString() + " nL, accrued " + accrued.ToString() + " nL + 10 uL");
            Assert.IsTrue(supervisor.Guard.TrippedAt.Value - restart < Milliseconds.PerMinute, "cut within seconds, not after the banked hour");
        }

        [TestMethod]
        public void A_level_sensor_far_from_the_computed_reservoir_raises_the_discrepancy_and_delivery_goes_on()
        {
            FakeBoard board = new FakeBoard();
            FakeLevelSensor level = new FakeLevelSensor();
            AlarmEventRing log = new AlarmEventRing(32);
            SafetySupervisor supervisor = RunningWithLevelSensor(board, level, log);
            // Computed 19.9 mL after an hour, measured 20 mL: 0.1 mL apart, inside max(1 mL, 15 %).
            Run(board, supervisor, Milliseconds.PerHour);
            Assert.IsFalse(supervisor.Alarms.IsShown(AlarmCode.ReservoirDiscrepancy));
            Assert.AreEqual(0, log.CountOf(AlarmEventKind.Raised, AlarmCode.ReservoirDiscrepancy));

            // A pocket fill or a leak: the sensor sees 15 mL while the pump computes 19.9 mL.
            level.Nanoliters = Nanoliters.FromMilliliters(15).Value;
            Run(board, supervisor, Milliseconds.PerHour + 60000);
            Assert.IsTrue(supervisor.Alarms.IsShown(AlarmCode.ReservoirDiscrepancy));
            Assert.AreEqual((int)SafetyState.Running, (int)supervisor.State, "medium priority: delivery goes on");
            Assert.IsTrue(supervisor.Reservoir.HasMeasured);
            Assert.AreEqual(15000000L, supervisor.Reservoir.Measured.Value);
            // Latched: agreeing again does not hide that they once disagreed.
            level.Nanoliters = supervisor.Reservoir.Computed.Value;
            Run(board, supervisor, Milliseconds.PerHour + 120000);
            Assert.IsTrue(supervisor.Alarms.IsShown(AlarmCode.ReservoirDiscrepancy));
        }

        [TestMethod]
        public void A_failed_level_sensor_raises_its_alarm_delivery_goes_on_and_a_healthy_one_does_not()
        {
            FakeBoard board = new FakeBoard();
            FakeLevelSensor level = new FakeLevelSensor();
            AlarmEventRing log = new AlarmEventRing(32);
            SafetySupervisor supervisor = RunningWithLevelSensor(board, level, log);
            Run(board, supervisor, Milliseconds.PerHour);
            Assert.IsFalse(supervisor.Alarms.IsShown(AlarmCode.LevelSensorFault));
            Assert.AreEqual(0, log.CountOf(AlarmEventKind.Raised, AlarmCode.LevelSensorFault));

            level.Status = OpenIdds.Hal.SensorStatus.Disconnected;
            Run(board, supervisor, Milliseconds.PerHour + 60000);
            Assert.IsTrue(supervisor.Alarms.IsShown(AlarmCode.LevelSensorFault));
            Assert.AreEqual((int)SafetyState.Running, (int)supervisor.State, "medium priority: delivery goes on");
            Assert.IsFalse(supervisor.Reservoir.HasMeasured, "computed only, and said so");
            // Latched: a sensor that comes back does not erase that it failed.
            level.Status = OpenIdds.Hal.SensorStatus.Ok;
            Run(board, supervisor, 2 * Milliseconds.PerHour);
            Assert.IsFalse(supervisor.Reservoir.SensorFaulty);
            Assert.IsTrue(supervisor.Alarms.IsShown(AlarmCode.LevelSensorFault));
        }

        [TestMethod]
        public void A_trial_pump_on_a_weak_battery_raises_battery_low_keeps_delivering_and_clears_on_a_fresh_one()
        {
            FakeBoard board = new FakeBoard();
            SupervisorSettings trial = new SupervisorSettings();
            trial.Implanted = false;
            AlarmEventRing log = new AlarmEventRing(32);
            SafetySupervisor supervisor = ReadyOn(board.Hardware, board, trial, log);
            supervisor.Start(new ConstantRate(new NanolitersPerHour(100000)), new NanolitersPerHour(100000));
            Run(board, supervisor, Milliseconds.PerHour);
            Assert.IsFalse(supervisor.Alarms.IsShown(AlarmCode.BatteryLow), "3.6 V is a fresh cell");
            Assert.AreEqual(0, log.CountOf(AlarmEventKind.Raised, AlarmCode.BatteryLow));

            board.Battery.Millivolts = 3200;
            Run(board, supervisor, Milliseconds.PerHour + 60000);
            Assert.IsTrue(supervisor.Alarms.IsShown(AlarmCode.BatteryLow));
            Assert.IsFalse(supervisor.Alarms.IsShown(AlarmCode.BatteryEndOfService), "3.2 V is low, not the end");
            Assert.AreEqual((int)SafetyState.Running, (int)supervisor.State);

            board.Battery.Millivolts = 3600;
            Run(board, supervisor, Milliseconds.PerHour + 120000);
            Assert.IsFalse(supervisor.Alarms.IsShown(AlarmCode.BatteryLow), "not latched: a new battery clears it");
            Assert.AreEqual(1, log.CountOf(AlarmEventKind.Cleared, AlarmCode.BatteryLow));
        }

        /// <summary>A downstream line that is blocked: every stroke the motor made stays as 250 Pa.</summary>
        private sealed class BlockedLine : OpenIdds.Hal.IPressureSensor
        {
            private readonly FakeMotor _motor;
            private readonly int _pascalsPerStep;
            private int _reads;
            /// <param name="pascalsPerStep">Stroke volume over line compliance: 250 Pa on the 1 nL/Pa trial line.</param>
            public BlockedLine(FakeMotor motor, int pascalsPerStep) { _motor = motor; _pascalsPerStep = pascalsPerStep; }
            public OpenIdds.Hal.SensorStatus Read(out int pascals)
            {
                _reads++;
                pascals = 1333 + (int)(_pascalsPerStep * _motor.CompletedSteps) + (_reads & 1) * 7;
                return OpenIdds.Hal.SensorStatus.Ok;
            }
        }
    }
}
