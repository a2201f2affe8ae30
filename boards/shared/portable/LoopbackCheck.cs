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
    /// that arrive. Pass = every planned step reached the pin as exactly one pulse, none was dropped for
    /// lateness, and the last one came when the plan says: <see cref="PlannedSteps"/> steps at
    /// <see cref="Rate"/> take <see cref="PlannedMilliseconds"/>, worked out here from the rate and the
    /// calibration, not from the scheduler, so a scheduler or clock that runs at the wrong rate fails.
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
        public const long PicolitersPerStep = 250000;

        /// <summary>The plan's length: steps x pL/step / (nL/h x 1000 pL/nL) hours = 20,000 ms.</summary>
        public static readonly long PlannedMilliseconds = PlannedSteps * PicolitersPerStep * Milliseconds.PerHour / (Rate.Value * 1000);

        /// <summary>How late a step may be given (later, the scheduler drops it and the check fails) and the last pulse may come: one step interval (100 ms) plus the board's wake-up latency.</summary>
        public const long LateMilliseconds = 200;

        private readonly StepDirDriver _motor;
        private readonly StepLoopbackSelfTest _counter;
        private readonly IMonotonicClock _clock;
        private readonly DosingScheduler _scheduler;
        private readonly long _start;
        private long _end;
        private long _missed;
        private bool _done;

        public LoopbackCheck(GpioController gpio, StepDirDriver motor, int loopbackInputPin, IMonotonicClock clock)
        {
            _motor = motor;
            _clock = clock;
            _counter = new StepLoopbackSelfTest(gpio, loopbackInputPin);
            _start = clock.ElapsedMilliseconds;
            _scheduler = new DosingScheduler(new ConstantRate(Rate), new Calibration(PicolitersPerStep), new Milliseconds(_start), new Milliseconds(LateMilliseconds));
            _motor.Enable();
        }

        public bool Done { get { return _done; } }

        /// <summary>Steps the scheduler planned so far.</summary>
        public long Planned { get { return _scheduler.StepsTaken; } }

        /// <summary>Pulses the loopback input counted.</summary>
        public int Counted { get { return _counter.Edges; } }

        /// <summary>Milliseconds from the start to the last step given (0 until done).</summary>
        public long Took { get { return _done ? _end - _start : 0; } }

        /// <summary>Steps the scheduler dropped because the board woke too late for them.</summary>
        public long Missed { get { return _missed; } }

        public bool OnTime { get { return _done && Took >= PlannedMilliseconds && Took <= PlannedMilliseconds + LateMilliseconds; } }

        /// <summary>
        /// STEP-TIMING-MET where the board can measure it: the shortest STEP hold its clock saw, against
        /// the chip's minimum high and low; -1 (not measured) on a board without a sub-microsecond clock.
        /// </summary>
        public long ShortestStepHoldNanoseconds { get { return _motor.Timing.ShortestHeldNanoseconds; } }

        /// <summary>The chip's STEP minimum: the longer of its high and low times.</summary>
        public int StepHoldNeededNanoseconds
        {
            get { return _motor.Chip.StepHighNanoseconds > _motor.Chip.StepLowNanoseconds ? _motor.Chip.StepHighNanoseconds : _motor.Chip.StepLowNanoseconds; }
        }

        public bool PulsesWideEnough { get { return ShortestStepHoldNanoseconds < 0 || ShortestStepHoldNanoseconds >= StepHoldNeededNanoseconds; } }

        public bool Passed { get { return _done && _counter.Matches(PlannedSteps) && _scheduler.StepsTaken == PlannedSteps && _missed == 0 && OnTime && PulsesWideEnough; } }

        /// <summary>Gives the steps due now; returns the milliseconds until the next one (0 once done, motor disabled).</summary>
        public int Poll()
        {
            if (_done) return 0;
            Milliseconds now = new Milliseconds(_clock.ElapsedMilliseconds);
            int missed;
            int take = _scheduler.Advance(now, out missed);
            _missed += missed;
            for (int i = 0; i < take; i++) _motor.Step();
            if (_scheduler.StepsTaken >= PlannedSteps)
            {
                _end = now.Value;
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
            return "LOOPBACK " + (Passed ? "PASS" : "FAIL") + ": " + Counted.ToString() + " pulses counted for " + Planned.ToString() + " steps planned, in "
                + Took.ToString() + " ms for " + PlannedMilliseconds.ToString() + " ms planned (limit +" + LateMilliseconds.ToString() + " ms), " + _missed.ToString() + " dropped late, "
                + (ShortestStepHoldNanoseconds < 0 ? "STEP width not measurable here (logic analyser)" : "STEP held " + ShortestStepHoldNanoseconds.ToString() + " ns at least")
                + " for " + StepHoldNeededNanoseconds.ToString() + " ns needed (" + _motor.Chip.Name + ")";
        }
    }
}
