using System;
using System.Device.Gpio;
using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Units;
using OpenIdds.Hal;
using OpenIdds.Hal.Drivers;

namespace OpenIdds.Boards
{
    /// <summary>
    /// The hardware loopback self-test as a board runs it (SELFTEST build, Linux --selftest): a jumper
    /// from the STEP pin to the board's spare loopback input; the dosing scheduler plans
    /// <see cref="PlannedSteps"/> steps at <see cref="Rate"/> on the board's clock, the real
    /// <see cref="StepDirDriver"/> gives them, and <see cref="StepLoopbackSelfTest"/> counts the pulses
    /// that arrive. Pass = every planned step reached the pin as exactly one pulse.
    ///
    /// The driver is enabled (ENABLE low) while it runs, because StepDirDriver gives no pulse while
    /// disabled - a safety property, not something a test may bypass. So the motor must not be able to
    /// move: the DRV8825 is held in reset by its own RESET pin (wired to GND for the test instead of
    /// 3.3 V: STEP is ignored and the outputs are off), or on a driver without one the motor is unplugged
    /// with the motor supply off. The board READMEs name the pin and the wiring.
    /// </summary>
    public sealed class LoopbackCheck
    {
        /// <summary>9 mL/h at 250 nL per step is 10 steps a second: 200 steps in 20 s.</summary>
        public static readonly NanolitersPerHour Rate = NanolitersPerHour.FromMicrolitersPerHour(9000);
        public const int PlannedSteps = 200;

        private readonly StepDirDriver _motor;
        private readonly StepLoopbackSelfTest _counter;
        private readonly IMonotonicClock _clock;
        private readonly DosingScheduler _scheduler;
        private bool _done;

        public LoopbackCheck(GpioController gpio, StepDirDriver motor, int loopbackInputPin, IMonotonicClock clock)
        {
            _motor = motor;
            _clock = clock;
            _counter = new StepLoopbackSelfTest(gpio, loopbackInputPin);
            _scheduler = new DosingScheduler(new ConstantRate(Rate), new Calibration(250000), new Milliseconds(clock.ElapsedMilliseconds), Milliseconds.FromMinutes(1));
            _motor.Enable();
        }

        public bool Done { get { return _done; } }

        /// <summary>Steps the scheduler planned so far.</summary>
        public long Planned { get { return _scheduler.StepsTaken; } }

        /// <summary>Pulses the loopback input counted.</summary>
        public int Counted { get { return _counter.Edges; } }

        public bool Passed { get { return _done && _counter.Matches(_scheduler.StepsTaken); } }

        /// <summary>Gives the steps due now; returns the milliseconds until the next one (0 once done, motor disabled).</summary>
        public int Poll()
        {
            if (_done) return 0;
            Milliseconds now = new Milliseconds(_clock.ElapsedMilliseconds);
            int missed;
            int take = _scheduler.Advance(now, out missed);
            for (int i = 0; i < take; i++) _motor.Step();
            if (_scheduler.StepsTaken >= PlannedSteps)
            {
                _motor.Disable();
                _done = true;
                return 0;
            }
            long wait = _scheduler.NextStepDue.Value - now.Value;
            return wait < 1 ? 1 : (int)wait;
        }

        /// <summary>The one line a board prints: what was planned, what arrived, and the verdict.</summary>
        public string Report()
        {
            return "LOOPBACK " + (Passed ? "PASS" : "FAIL") + ": " + Counted.ToString() + " pulses counted for " + Planned.ToString() + " steps planned";
        }
    }
}
