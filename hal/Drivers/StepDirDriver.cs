using System;
using System.Device.Gpio;

namespace OpenIdds.Hal.Drivers
{
    /// <summary>
    /// Step/direction driver for A4988, DRV8825 and TMC2209-class chips: a STEP pulse per step, a DIR
    /// level, an active-low ENABLE, and an optional active-low FAULT (DRV8825 nFAULT) or active-high
    /// DIAG (TMC2209) input for driver faults. Unlike the blocking IoT bindings it never waits:
    /// one call is one pulse, and the dosing scheduler decides when.
    /// Built only on GpioController calls that are source-identical in nanoFramework and .NET IoT.
    /// </summary>
    public sealed class StepDirDriver : IMotorDriver, IDisposable
    {
        private readonly GpioController _gpio;
        private readonly bool _ownsController;
        private readonly int _stepPin;
        private readonly int _directionPin;
        private readonly int _enablePin;
        private readonly int _faultPin;
        private readonly bool _faultActiveHigh;
        private readonly StepperChip _chip;
        private readonly IPinTiming _timing;
        private bool _enabled;
        private MotorDirection _direction;
        private long _completedSteps;

        /// <param name="gpio">The controller the pins live on; null makes the driver open (and own) one.</param>
        /// <param name="faultPin">Driver fault input, or -1 where the board has none.</param>
        /// <param name="chip">The chip fitted: its fault polarity and its STEP and DIR timing.</param>
        /// <param name="timing">The board's hold for the chip's STEP high, STEP low and DIR setup times.</param>
        public StepDirDriver(GpioController? gpio, int stepPin, int directionPin, int enablePin, int faultPin, StepperChip chip, IPinTiming timing)
        {
            _chip = chip;
            _timing = timing;
            bool faultActiveHigh = chip.FaultActiveHigh;
            _ownsController = gpio == null;
            _gpio = gpio ?? new GpioController();
            _stepPin = stepPin;
            _directionPin = directionPin;
            _enablePin = enablePin;
            _faultPin = faultPin;
            _faultActiveHigh = faultActiveHigh;

            // STEP and DIR held low before ENABLE is touched, so no pulse can reach an enabled driver.
            _gpio.OpenPin(_stepPin, PinMode.Output);
            _gpio.Write(_stepPin, PinValue.Low);
            _gpio.OpenPin(_directionPin, PinMode.Output);
            _gpio.Write(_directionPin, PinValue.Low);
            // ENABLE-HIGH-FIRST: the level is latched before the pin drives, so the pull-up's "off" is
            // never interrupted. nanoFramework cannot: its native SetPinMode(Output) drives the pin low
            // before managed code may write it (nf-interpreter CPU_GPIO_EnableOutputPin(pin, Low, ...)),
            // and Write on an input throws; the independent cut holds the driver asleep across that
            // (board READMEs, H-ENABLE-GLITCH).
#if NANOFRAMEWORK_1_0
            _gpio.OpenPin(_enablePin, PinMode.Output);
            _gpio.Write(_enablePin, PinValue.High);
#else
            _gpio.OpenPin(_enablePin, PinMode.Output, PinValue.High);
#endif
            if (_faultPin >= 0) _gpio.OpenPin(_faultPin, _faultActiveHigh ? PinMode.InputPullDown : PinMode.InputPullUp);
            _direction = MotorDirection.Forward;
        }

        public bool Enabled { get { return _enabled; } }

        /// <summary>The chip fitted, whose timing the pulses keep.</summary>
        public StepperChip Chip { get { return _chip; } }

        /// <summary>The board's hold, and what it measured where it can.</summary>
        public IPinTiming Timing { get { return _timing; } }

        public MotorDirection Direction { get { return _direction; } }

        public long CompletedSteps { get { return _completedSteps; } }

        public bool CanDetectStall { get { return _faultPin >= 0; } }

        public bool Stalled
        {
            get
            {
                if (_faultPin < 0) return false;
                bool high = _gpio.Read(_faultPin) == PinValue.High;
                return _faultActiveHigh ? high : !high;
            }
        }

        public void Enable()
        {
            _gpio.Write(_enablePin, PinValue.Low);
            _enabled = true;
        }

        public void Disable()
        {
            _gpio.Write(_enablePin, PinValue.High);
            _enabled = false;
        }

        public void SetDirection(MotorDirection direction)
        {
            if (direction == _direction) return;
            _gpio.Write(_directionPin, direction == MotorDirection.Forward ? PinValue.Low : PinValue.High);
            _direction = direction;
            // STEP-TIMING-MET: DIR settles before the next rising STEP edge latches it.
            _timing.HoldNanoseconds(_chip.DirectionSetupNanoseconds);
        }

        public void Step()
        {
            if (!_enabled) return;
            // STEP-TIMING-MET: two writes back to back are about 100 ns apart on a Raspberry Pi's
            // memory-mapped GPIO; the chip needs its minimum high, then its minimum low before the next edge.
            _gpio.Write(_stepPin, PinValue.High);
            _timing.HoldNanoseconds(_chip.StepHighNanoseconds);
            _gpio.Write(_stepPin, PinValue.Low);
            _timing.HoldNanoseconds(_chip.StepLowNanoseconds);
            _completedSteps += _direction == MotorDirection.Forward ? 1 : -1;
        }

        public void Dispose()
        {
            Disable();
            if (_ownsController) _gpio.Dispose();
        }
    }
}
