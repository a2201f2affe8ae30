#nullable disable // nanoFramework's own sources are nullable-oblivious
#pragma warning disable CS0626, CS0824 // declarations only: extern members and constructors without an implementation
#pragma warning disable CS0169 // the private byte is the real struct's layout
// Stand-in (declarations only) for nanoFramework.System.Device.Gpio 1.1.57.
namespace System.Device.Gpio
{
    public readonly struct PinValue
    {
        private readonly byte _value;

        public static extern PinValue High { get; }
        public static extern PinValue Low { get; }
        public static extern implicit operator PinValue(int value);
        public static extern implicit operator PinValue(bool value);
        public static extern explicit operator byte(PinValue value);
        public static extern explicit operator int(PinValue value);
        public static extern explicit operator bool(PinValue value);
        public extern bool Equals(PinValue other);
        public override extern bool Equals(object obj);
        public static extern bool operator ==(PinValue a, PinValue b);
        public static extern bool operator !=(PinValue a, PinValue b);
        public override extern int GetHashCode();
        public override extern string ToString();
    }
}
