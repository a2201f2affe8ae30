using OpenIdds.Firmware.Control;
using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Units;
using OpenIdds.Tests.Unit.Fakes;

namespace OpenIdds.Tests.Unit.Safety
{
    [TestClass]
    public class OverInfusionGuardTests
    {
        private static void Run(FakeBoard board, PumpController pump, long until)
        {
            while (board.Clock.ElapsedMilliseconds < until)
            {
                long wake = pump.NextWake.Value;
                board.Clock.ElapsedMilliseconds = wake < until ? wake : until;
                pump.Tick();
            }
        }

        /// <summary>A pump behind <paramref name="guard"/>, allowed <paramref name="allowedNlPerHour"/>, whose scheduler runs at <paramref name="actualNlPerHour"/> (a broken one when they differ).</summary>
        private static PumpController ThroughGuard(FakeBoard board, OverInfusionGuard guard, Calibration calibration, long allowedNlPerHour, long actualNlPerHour)
        {
            guard.SetAllowedRate(new NanolitersPerHour(allowedNlPerHour));
            PumpController pump = new PumpController(board.Hardware.WithMotor(guard), calibration);
            pump.Start(new ConstantRate(new NanolitersPerHour(actualNlPerHour)));
            return pump;
        }

        [TestMethod]
        public void A_broken_scheduler_delivering_ten_times_the_prescription_is_cut_within_the_tolerance()
        {
            // The prescription allows 100 uL/h; the "scheduler" runs a profile of 1 mL/h.
            FakeBoard board = new FakeBoard();
            Calibration calibration = new Calibration(250000);
            OverInfusionGuard guard = new OverInfusionGuard(board.Motor, board.Clock, calibration, OverInfusionGuard.DefaultTolerance);
            PumpController pump = ThroughGuard(board, guard, calibration, 100000, 1000000);
            Run(board, pump, Milliseconds.PerHour);
            Assert.IsTrue(guard.Tripped);
            Assert.IsFalse(board.Motor.Enabled);
            // Allowed by the trip time: 100 uL/h x t + 10 uL; delivered may not exceed it by a step.
            long allowedNanoliters = 100000L * guard.TrippedAt.Value / Milliseconds.PerHour + 10000;
            long delivered = board.Motor.CompletedSteps * 250;
            Assert.IsTrue(delivered <= allowedNanoliters, "delivered " + delivered.ToString() + " nL, allowed " + allowedNanoliters.ToString() + " nL");
            Assert.IsTrue(guard.TrippedAt.Value < 2 * Milliseconds.PerMinute, "tripped at " + guard.TrippedAt.Value.ToString() + " ms");
        }

        [TestMethod]
        public void The_prescribed_rate_never_trips_it_over_a_day()
        {
            FakeBoard board = new FakeBoard();
            Calibration calibration = new Calibration(250000);
            OverInfusionGuard guard = new OverInfusionGuard(board.Motor, board.Clock, calibration, OverInfusionGuard.DefaultTolerance);
            PumpController pump = ThroughGuard(board, guard, calibration, 100000, 100000);
            Run(board, pump, Milliseconds.PerDay);
            Assert.IsFalse(guard.Tripped);
            Assert.AreEqual(9600L, board.Motor.CompletedSteps);
        }

        [TestMethod]
        public void It_stays_latched_until_a_clinician_resets_it()
        {
            FakeBoard board = new FakeBoard();
            Calibration calibration = new Calibration(250000);
            OverInfusionGuard guard = new OverInfusionGuard(board.Motor, board.Clock, calibration, Nanoliters.Zero);
            guard.Enable();
            guard.Step();
            Assert.IsTrue(guard.Tripped, "nothing allowed, so the first step trips it");
            guard.Enable();
            Assert.IsFalse(board.Motor.Enabled, "a tripped guard refuses to enable the motor");
            guard.Step();
            Assert.AreEqual(0L, board.Motor.CompletedSteps);
            guard.ClinicianReset();
            guard.Enable();
            Assert.IsTrue(board.Motor.Enabled);
        }

        [TestMethod]
        public void A_sustained_over_infusion_of_1_4x_is_cut_by_the_24_hour_window_within_its_tolerance()
        {
            // 20 uL/h prescribed, 28 uL/h delivered: 8 uL too much every hour, never 10 uL in one hour,
            // so the hour window alone lets it run for days (the audit finding).
            FakeBoard board = new FakeBoard();
            Calibration calibration = new Calibration(250000);
            OverInfusionGuard guard = new OverInfusionGuard(board.Motor, board.Clock, calibration, OverInfusionGuard.DefaultTolerance);
            PumpController pump = ThroughGuard(board, guard, calibration, 20000, 28000);
            Run(board, pump, 5 * Milliseconds.PerDay);

            Assert.IsTrue(guard.Tripped);
            Assert.IsFalse(board.Motor.Enabled);
            Assert.AreEqual(Milliseconds.PerDay, guard.TrippedWindow.Value, "the 24 h window tripped it");
            // Its limit at the trip: 20 uL/h x t, plus 10 %, plus 10 uL. Delivered stays within it and
            // reaches it to within one step: cut where the tolerance ends, not later and not earlier.
            long t = guard.TrippedAt.Value;
            long allowed = 20000L * t / Milliseconds.PerHour;
            long limit = allowed + allowed / 10 + 10000;
            long delivered = board.Motor.CompletedSteps * 250;
            Assert.IsTrue(delivered <= limit, "delivered " + delivered.ToString() + " nL, limit " + limit.ToString() + " nL");
            Assert.IsTrue(delivered + 250 > limit - 250, "delivered " + delivered.ToString() + " nL, well below the limit " + limit.ToString() + " nL");
            // 28 t > 1.1 x 20 t + 10 uL: t > 1 h 40 min.
            Assert.IsTrue(t > 100 * Milliseconds.PerMinute && t < 2 * Milliseconds.PerHour, "tripped at " + t.ToString() + " ms");
        }

        [TestMethod]
        public void Without_the_24_hour_window_1_4x_would_run_for_days()
        {
            // The same broken scheduler against a guard whose 24 h window tolerates 100 %: only the hour
            // window is left, and it never trips. This is what the 24 h window is for.
            FakeBoard board = new FakeBoard();
            Calibration calibration = new Calibration(250000);
            OverInfusionGuard guard = new OverInfusionGuard(board.Motor, board.Clock, calibration, OverInfusionGuard.DefaultTolerance, 100);
            PumpController pump = ThroughGuard(board, guard, calibration, 20000, 28000);
            Run(board, pump, 5 * Milliseconds.PerDay);
            Assert.IsFalse(guard.Tripped);
            Assert.AreEqual(5L * 24 * 112, board.Motor.CompletedSteps, "5 days at 28 uL/h, 112 steps an hour");
        }

        [TestMethod]
        public void An_hour_stopped_banks_no_allowance_for_a_burst_afterwards()
        {
            FakeBoard board = new FakeBoard();
            Calibration calibration = new Calibration(250000);
            OverInfusionGuard guard = new OverInfusionGuard(board.Motor, board.Clock, calibration, OverInfusionGuard.DefaultTolerance);
            PumpController pump = ThroughGuard(board, guard, calibration, 100000, 100000);
            Run(board, pump, 30 * Milliseconds.PerMinute);
            long beforeStop = board.Motor.CompletedSteps;
            Assert.AreEqual(200L, beforeStop, "30 min at 100 uL/h");
            pump.Stop();
            board.Clock.ElapsedMilliseconds += Milliseconds.PerHour;

            // A broken scheduler restarts with a 10 mL/h burst. Had the idle hour accrued, 100 uL of it
            // would have passed before the guard saw anything wrong.
            long restart = board.Clock.ElapsedMilliseconds;
            pump.Start(new ConstantRate(new NanolitersPerHour(10000000)));
            Run(board, pump, restart + 10 * Milliseconds.PerMinute);

            Assert.IsTrue(guard.Tripped);
            long burst = (board.Motor.CompletedSteps - beforeStop) * 250;
            long sinceRestart = 100000L * (guard.TrippedAt.Value - restart) / Milliseconds.PerHour;
            Assert.IsTrue(burst <= sinceRestart + 10000, "burst " + burst.ToString() + " nL after the idle hour, allowed " + sinceRestart.ToString() + " nL + 10 uL");
            Assert.AreEqual(Milliseconds.PerHour, guard.TrippedWindow.Value, "a burst is the hour window's");
        }

        [TestMethod]
        public void The_prescribed_basal_with_boluses_never_trips_it_over_ten_days()
        {
            // 20 uL/h with a 10 uL bolus over 10 min every 3 h (the allowance at its peak 80 uL/h only while one runs), the allowed rate following each bolus
            // the way the pump sets it (basal + running boluses), as a CADD or SynchroMed day would run.
            FakeBoard board = new FakeBoard();
            Calibration calibration = new Calibration(250000);
            OverInfusionGuard guard = new OverInfusionGuard(board.Motor, board.Clock, calibration, OverInfusionGuard.DefaultTolerance);
            BolusOverlays profile = new BolusOverlays(new ConstantRate(new NanolitersPerHour(20000)));
            guard.SetAllowedRate(new NanolitersPerHour(20000));
            PumpController pump = new PumpController(board.Hardware.WithMotor(guard), calibration);
            pump.Start(profile);
            for (int bolus = 0; bolus < 79; bolus++)
            {
                long at = (bolus + 1) * 3 * Milliseconds.PerHour;
                Run(board, pump, at);
                profile.Expire(new Milliseconds(at));
                profile.Add(new Milliseconds(at), Milliseconds.FromMinutes(10), new NanolitersPerHour(60000));
                guard.SetAllowedRate(new NanolitersPerHour(80000));
                pump.Scheduler!.Replan();
                Run(board, pump, at + 10 * Milliseconds.PerMinute);
                guard.SetAllowedRate(new NanolitersPerHour(20000));
            }
            Run(board, pump, 10 * Milliseconds.PerDay);
            Assert.IsFalse(guard.Tripped);
            // 10 days of basal (19,200 steps) and 79 boluses (every 3 h up to 237 h) of 40 steps, within a step.
            long expected = 19200 + 79 * 40;
            Assert.IsTrue(board.Motor.CompletedSteps >= expected - 1 && board.Motor.CompletedSteps <= expected, board.Motor.CompletedSteps.ToString() + " steps");
        }

        [TestMethod]
        public void A_window_that_slept_through_its_whole_length_is_the_same_as_one_walked_bucket_by_bucket()
        {
            GuardWindow jumped = new GuardWindow(24, Milliseconds.PerHour, Nanoliters.FromMicroliters(10), 10, 0);
            GuardWindow walked = new GuardWindow(24, Milliseconds.PerHour, Nanoliters.FromMicroliters(10), 10, 0);
            jumped.Advance(30 * Milliseconds.PerMinute, 20000);
            walked.Advance(30 * Milliseconds.PerMinute, 20000);
            jumped.Count();
            walked.Count();
            long end = 3 * Milliseconds.PerDay + 17 * Milliseconds.PerMinute;
            jumped.Advance(end, 50000);
            for (long t = 30 * Milliseconds.PerMinute; t < end; t += 7 * Milliseconds.PerMinute) walked.Advance(t, 50000);
            walked.Advance(end, 50000);
            Assert.AreEqual(walked.AllowedUnits, jumped.AllowedUnits);
            Assert.AreEqual(walked.Steps, jumped.Steps);
            Assert.AreEqual(0L, jumped.Steps, "the old step rolled out");
            // 23 full hours and 17 minutes at 50 uL/h, in nL/h x ms.
            Assert.AreEqual(50000L * (23 * Milliseconds.PerHour + 17 * Milliseconds.PerMinute), jumped.AllowedUnits);
        }

        [TestMethod]
        public void Reverse_steps_for_pressure_relief_are_not_counted_as_delivery()
        {
            FakeBoard board = new FakeBoard();
            OverInfusionGuard guard = new OverInfusionGuard(board.Motor, board.Clock, new Calibration(250000), Nanoliters.Zero);
            guard.Enable();
            guard.SetDirection(OpenIdds.Hal.MotorDirection.Reverse);
            guard.Step();
            guard.Step();
            Assert.IsFalse(guard.Tripped);
            Assert.AreEqual(-2L, board.Motor.CompletedSteps);
        }
    }
}
