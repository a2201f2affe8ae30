using System.Device.Gpio;

namespace OpenIdds.Hal.Drivers
{
    /// <summary>
    /// The hardware loopback self-test: a jumper from the STEP pin to a spare input pin, which counts
    /// rising edges while the firmware steps. The count must equal the steps the scheduler planned -
    /// proof that every planned step reaches the pin as exactly one pulse. The step driver must be
    /// enabled for that (StepDirDriver gives no pulse while disabled), so what keeps the mechanism
    /// still is outside the firmware: the stepper chip held in reset by its own RESET pin, or the motor
    /// unplugged (boards/shared/portable/LoopbackCheck.cs runs it; the board READMEs say how to wire it).
    /// Uses only GpioController calls that are the same on nanoFramework and .NET IoT (the event
    /// handler is a method group: the delegate type names differ).
    /// </summary>
    public sealed class StepLoopbackSelfTest
    {
        private readonly GpioPin _input;
        private int _edges;

        public StepLoopbackSelfTest(GpioController gpio, int inputPin)
        {
            _input = gpio.OpenPin(inputPin, PinMode.InputPullDown);
            _input.ValueChanged += OnChanged;
        }

        /// <summary>Rising edges counted since start.</summary>
        public int Edges { get { return _edges; } }

        /// <summary>True when the pin saw exactly <paramref name="plannedSteps"/> pulses.</summary>
        public bool Matches(long plannedSteps) { return _edges == plannedSteps; }

        private void OnChanged(object sender, PinValueChangedEventArgs e)
        {
            if (e.ChangeType == PinEventTypes.Rising) _edges++;
        }
    }
}
