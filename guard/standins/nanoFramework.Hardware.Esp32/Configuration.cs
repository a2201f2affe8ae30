#nullable disable // nanoFramework's own sources are nullable-oblivious
#pragma warning disable CS0626, CS0824 // declarations only: extern members and constructors without an implementation
// Stand-in (declarations only) for nanoFramework.Hardware.Esp32 1.6.37: the ESP32 pin matrix. Call
// SetPinFunction before opening PWM, ADC or a UART on a pin. (A class, not a static class.)
namespace nanoFramework.Hardware.Esp32
{
    public class Configuration
    {
        public static extern void SetPinFunction(int pin, DeviceFunction value);
        public static extern int GetFunctionPin(DeviceFunction function);
    }
}
