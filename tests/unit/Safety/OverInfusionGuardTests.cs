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

        [TestMethod]
        public void A_broken_scheduler_delivering_ten_times_the_prescription_is_cut_within_the_tolerance()
        {
            // The prescription allows 100 uL/h; the "scheduler" runs a profile of 1 mL/h.
            FakeBoard board = new FakeBoard();
            Calibration calibration = new Calibration(250000);
            OverInfusionGuard guard = new OverInfusionGuard(board.Motor, board.Clock, calibration, OverInfusionGuard.DefaultTolerance);
            guard.SetAllowedRate(new NanolitersPerHour(100000));
            PumpController pump = new PumpController(board.Hardware.WithMotor(guard), calibration);
            pump.Start(new ConstantRate(new NanolitersPerHour(1000000)));
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
            guard.SetAllowedRate(new NanolitersPerHour(100000));
            PumpController pump = new PumpController(board.Hardware.WithMotor(guard), calibration);
            pump.Start(new ConstantRate(new NanolitersPerHour(100000)));
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
