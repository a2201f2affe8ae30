using System;
using System.Device.Gpio;

namespace OpenIdds.Hal.Drivers
{
    /// <summary>
    /// Step/direction driver for A4988, DRV8825 and TMC2209-class chips: a STEP pulse per step, a DIR
    /// level, an active-low ENABLE, and an optional active-low FAULT (DRV8825 nFAULT) or active-high
    /// DIAG (TMC2209 StallGuard) input for stalls. Unlike the blocking IoT bindings it never waits:
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
        private bool _enabled;
        private MotorDirection _direction;
        private long _completedSteps;

        /// <param name="gpio">The controller the pins live on; null makes the driver open (and own) one.</param>
        /// <param name="faultPin">Stall/fault input, or -1 where the board has none.</param>
        /// <param name="faultActiveHigh">True for TMC2209 DIAG (high on stall), false for DRV8825 nFAULT (low on fault).</param>
        public StepDirDriver(GpioController? gpio, int stepPin, int directionPin, int enablePin, int faultPin, bool faultActiveHigh)
        {
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
            _gpio.Write(_directionPin, direction == MotorDirection.Forward ? PinValue.Low : PinValue.High);
            _direction = direction;
        }

        public void Step()
        {
            if (!_enabled) return;
            // The chips latch on the rising edge and need about 2 us high (DRV8825: 1.9 us); two GPIO
            // writes take longer than that on every target we support.
            _gpio.Write(_stepPin, PinValue.High);
            _gpio.Write(_stepPin, PinValue.Low);
            _completedSteps += _direction == MotorDirection.Forward ? 1 : -1;
        }

        public void Dispose()
        {
            Disable();
            if (_ownsController) _gpio.Dispose();
        }
    }
}
