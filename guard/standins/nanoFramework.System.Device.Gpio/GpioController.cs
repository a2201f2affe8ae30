#nullable disable // nanoFramework's own sources are nullable-oblivious
#pragma warning disable CS0626, CS0824 // declarations only: extern members and constructors without an implementation
// Stand-in (declarations only) for nanoFramework.System.Device.Gpio 1.1.57. Sealed, no driver seam.
namespace System.Device.Gpio
{
    public sealed class GpioController : IDisposable
    {
        public extern GpioController();
        public extern GpioController(PinNumberingScheme numberingScheme);
        public extern PinNumberingScheme NumberingScheme { get; }
        public extern int PinCount { get; }
        public extern GpioPin OpenPin(int pinNumber);
        public extern GpioPin OpenPin(int pinNumber, PinMode mode);
        public extern void ClosePin(int pinNumber);
        public extern void Dispose();
        public extern PinMode GetPinMode(int pinNumber);
        public extern bool IsPinModeSupported(int pinNumber, PinMode mode);
        public extern bool IsPinOpen(int pinNumber);
        public extern PinValue Read(int pinNumber);
        public extern void RegisterCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback);
        public extern void SetPinMode(int pinNumber, PinMode mode);
        public extern void UnregisterCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback);
        public extern void Write(int pinNumber, PinValue value);
    }
}
