#nullable disable // nanoFramework's own sources are nullable-oblivious
// Stand-in (declarations only) for nanoFramework.System.Device.Gpio 1.1.57. The values are nanoFramework's
// (declaration order), not .NET IoT's: never persist or transmit them.
namespace System.Device.Gpio
{
    public enum PinMode
    {
        Input = 0,
        InputPullDown = 1,
        InputPullUp = 2,
        Output = 3,
        OutputOpenDrain = 4,
        OutputOpenDrainPullUp = 5,
        OutputOpenSource = 6,
        OutputOpenSourcePullDown = 7,
    }

    [Flags]
    public enum PinEventTypes
    {
        None = 0,
        Rising = 1,
        Falling = 2,
    }

    public enum PinNumberingScheme
    {
        Logical = 0,
        Board = 1,
    }
}
