#nullable disable // nanoFramework's own sources are nullable-oblivious
#pragma warning disable CS0626, CS0824 // declarations only: extern members and constructors without an implementation
// Stand-in (declarations only) for nanoFramework.Hardware.Stm32 1.10.37: the chip's identity
// (UniqueDeviceId is the 12-byte, 96-bit unique id of every STM32).
namespace nanoFramework.Hardware.Stm32
{
    public static class Utilities
    {
        public static extern byte[] UniqueDeviceId { get; }
        public static extern uint DeviceId { get; }
        public static extern uint DeviceRevisionId { get; }
    }
}
