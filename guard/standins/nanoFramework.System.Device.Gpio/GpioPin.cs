#nullable disable // nanoFramework's own sources are nullable-oblivious
#pragma warning disable CS0626, CS0824 // declarations only: extern members and constructors without an implementation
// Stand-in (declarations only) for nanoFramework.System.Device.Gpio 1.1.57.
namespace System.Device.Gpio
{
    /// <summary>The type of GpioPin.ValueChanged.</summary>
    public delegate void PinValueChangedEventHandler(object sender, PinValueChangedEventArgs e);

    /// <summary>The type of GpioController.RegisterCallbackForPinValueChangedEvent's callback.</summary>
    public delegate void PinChangeEventHandler(object sender, PinValueChangedEventArgs pinValueChangedEventArgs);

    /// <summary>Not an EventArgs: it derives from nanoFramework.Runtime.Events.BaseEvent.</summary>
    public class PinValueChangedEventArgs : nanoFramework.Runtime.Events.BaseEvent
    {
        public extern PinValueChangedEventArgs(PinEventTypes changeType, int pinNumber);
        public extern PinEventTypes ChangeType { get; }
        public extern int PinNumber { get; }
    }

    /// <summary>Opened only by GpioController.OpenPin (its constructor is internal).</summary>
    public sealed class GpioPin : IDisposable
    {
        private extern GpioPin();
        public extern TimeSpan DebounceTimeout { get; set; }
        public extern int PinNumber { get; }
        public extern PinMode GetPinMode();
        public extern bool IsPinModeSupported(PinMode pinMode);
        public extern void SetPinMode(PinMode value);
        public extern PinValue Read();
        public extern void Write(PinValue value);
        public extern event PinValueChangedEventHandler ValueChanged;
        public extern void Toggle();
        public extern void Dispose();
    }
}
