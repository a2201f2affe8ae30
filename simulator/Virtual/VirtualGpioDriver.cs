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
    private readonly PinValue[] _latched = new PinValue[Pins];
    private readonly bool[] _pulledUp = new bool[Pins];
    private readonly long[] _fallingEdges = new long[Pins];
    private readonly long[] _changedAt = new long[Pins];
    private readonly long[] _shortestHigh = Enumerable.Repeat(long.MaxValue, Pins).ToArray();
    private readonly long[] _shortestLow = Enumerable.Repeat(long.MaxValue, Pins).ToArray();

    /// <summary>The clock edges are stamped with: the holds the drivers on these pins make.</summary>
    public VirtualPinTiming Timing { get; } = new();

    /// <summary>When a pin last changed level, in <see cref="Timing"/>'s nanoseconds.</summary>
    public long ChangedAt(int pin) => _changedAt[pin];

    /// <summary>The narrowest high pulse a pin drove (rising to falling edge), in nanoseconds; long.MaxValue if none.</summary>
    public long ShortestHighNanoseconds(int pin) => _shortestHigh[pin];

    /// <summary>The narrowest low time between two high pulses of a pin, in nanoseconds; long.MaxValue if none.</summary>
    public long ShortestLowNanoseconds(int pin) => _shortestLow[pin];
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

    /// <summary>Falling edges seen on a pin since start, whoever drove them (a glitch on an active-low ENABLE is one).</summary>
    public long FallingEdges(int pin) => _fallingEdges[pin];

    /// <summary>
    /// A resistor to 3.3 V on the board (the 10 k on ENABLE): the line reads high until a pin drives it.
    /// Like a real GPIO, a pin switched to output drives the level last written to it, which is low
    /// until something is written.
    /// </summary>
    public void PullUp(int pin)
    {
        _pulledUp[pin] = true;
        if (!IsOutput(_modes[pin])) Drive(pin, PinValue.High);
    }

    private static bool IsOutput(PinMode mode) => mode == PinMode.Output;

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
        if (value == PinValue.Low) _fallingEdges[pin]++;
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
        if (IsOutput(mode)) Drive(pinNumber, _latched[pinNumber]);
        else if (mode == PinMode.InputPullUp || _pulledUp[pinNumber]) _values[pinNumber] = PinValue.High;
        else if (mode == PinMode.InputPullDown) _values[pinNumber] = PinValue.Low;
    }

    /// <summary>The level is latched before the pin becomes an output, so a pin opened high never glitches low.</summary>
    protected override void SetPinMode(int pinNumber, PinMode mode, PinValue initialValue)
    {
        _latched[pinNumber] = initialValue;
        SetPinMode(pinNumber, mode);
    }

    protected override PinMode GetPinMode(int pinNumber) => _modes[pinNumber];

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => true;

    protected override PinValue Read(int pinNumber) => _values[pinNumber];

    protected override void Write(int pinNumber, PinValue value)
    {
        _latched[pinNumber] = value;
        if (IsOutput(_modes[pinNumber])) Drive(pinNumber, value);
    }

    private void Drive(int pinNumber, PinValue value)
    {
        PinValue old = _values[pinNumber];
        _values[pinNumber] = value;
        if (old != value)
        {
            long now = Timing.Nanoseconds, lasted = now - _changedAt[pinNumber];
            bool endsHigh = old == PinValue.High, first = _risingEdges[pinNumber] == 0;
            if (endsHigh && !first) _shortestHigh[pinNumber] = Math.Min(_shortestHigh[pinNumber], lasted);
            if (!endsHigh && !first) _shortestLow[pinNumber] = Math.Min(_shortestLow[pinNumber], lasted);
            _changedAt[pinNumber] = now;
        }
        if (_jumperTo[pinNumber] >= 0) SetInput(_jumperTo[pinNumber], value);
        if (old == PinValue.High && value == PinValue.Low) _fallingEdges[pinNumber]++;
        if (old == PinValue.Low && value == PinValue.High)
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
