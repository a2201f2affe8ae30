using System;
using System.Device.Gpio;

namespace OpenIdds.Simulator.Virtual;

/// <summary>
/// A GPIO driver with no hardware behind it: the real hal drivers (StepDirDriver, IndicatorLeds) run
/// on it through .NET IoT's GpioController, and the simulator watches the pins as a scope would -
/// step pulses are counted from rising edges, not from what the firmware believes it did.
/// </summary>
public sealed class VirtualGpioDriver : GpioDriver
{
    /// <summary>Enough for every board's numbering: an STM32's (port - 'A') x 16 + pin reaches 175 at PK15.</summary>
    public const int Pins = 176;

    private readonly PinValue[] _values = new PinValue[Pins];
    private readonly PinMode[] _modes = new PinMode[Pins];
    private readonly bool[] _open = new bool[Pins];
    private readonly long[] _risingEdges = new long[Pins];
    private readonly PinChangeEventHandler?[] _callbacks = new PinChangeEventHandler?[Pins];

    /// <summary>Called on every rising edge of an output pin (pin number); the simulator's physics listens here.</summary>
    public event Action<int>? RisingEdge;

    protected override int PinCount => Pins;

    /// <summary>Rising edges seen on a pin since start.</summary>
    public long RisingEdges(int pin) => _risingEdges[pin];

    public PinValue Level(int pin) => _values[pin];

    public bool IsOpen(int pin) => _open[pin];

    public PinMode Mode(int pin) => _modes[pin];

    private readonly int[] _jumperTo = Enumerable.Repeat(-1, Pins).ToArray();

    /// <summary>A jumper wire from an output to an input: what the output drives, the input reads (the loopback self-test).</summary>
    public void Jumper(int output, int input) => _jumperTo[output] = input;

    /// <summary>Drives an input pin from the outside world (a fault line, a button), firing callbacks.</summary>
    public void SetInput(int pin, PinValue value)
    {
        PinValue old = _values[pin];
        _values[pin] = value;
        if (old == value) return;
        _callbacks[pin]?.Invoke(this, new PinValueChangedEventArgs(value == PinValue.High ? PinEventTypes.Rising : PinEventTypes.Falling, pin));
    }

    protected override void OpenPin(int pinNumber)
    {
        _open[pinNumber] = true;
    }

    protected override void ClosePin(int pinNumber)
    {
        _open[pinNumber] = false;
    }

    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
        _modes[pinNumber] = mode;
        if (mode == PinMode.InputPullUp) _values[pinNumber] = PinValue.High;
        if (mode == PinMode.InputPullDown) _values[pinNumber] = PinValue.Low;
    }

    protected override PinMode GetPinMode(int pinNumber) => _modes[pinNumber];

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => true;

    protected override PinValue Read(int pinNumber) => _values[pinNumber];

    protected override void Write(int pinNumber, PinValue value)
    {
        bool rising = _values[pinNumber] == PinValue.Low && value == PinValue.High;
        _values[pinNumber] = value;
        if (_jumperTo[pinNumber] >= 0) SetInput(_jumperTo[pinNumber], value);
        if (rising)
        {
            _risingEdges[pinNumber]++;
            RisingEdge?.Invoke(pinNumber);
        }
    }

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, System.Threading.CancellationToken cancellationToken)
    {
        // Virtual time never blocks: nothing in the simulator waits on a pin.
        return new WaitForEventResult { TimedOut = true };
    }

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
        _callbacks[pinNumber] += callback;
    }

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
        _callbacks[pinNumber] -= callback;
    }
}
