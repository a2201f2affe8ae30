// nanoFramework.System.Device.Gpio 1.1.57, System.Device.Pwm 1.1.23, System.Device.Adc 1.1.24.
// Only the members that are source-identical with .NET IoT are used by portable code; the
// nanoFramework-only ones (CreateFromPin, DebounceTimeout) are for device-only board code.
namespace System.Device.Gpio
{
    public enum PinMode { Input = 0, Output = 1, InputPullDown = 2, InputPullUp = 3 }

    [Flags]
    public enum PinEventTypes { None = 0, Rising = 1, Falling = 2 }

    public struct PinValue
    {
        public static extern PinValue High { get; }
        public static extern PinValue Low { get; }
        public static extern implicit operator PinValue(int value);
        public static extern implicit operator PinValue(bool value);
        public static extern explicit operator int(PinValue value);
        public static extern explicit operator bool(PinValue value);
        public static extern bool operator ==(PinValue a, PinValue b);
        public static extern bool operator !=(PinValue a, PinValue b);
    }

    public class PinValueChangedEventArgs : EventArgs
    {
        public extern PinEventTypes ChangeType { get; }
        public extern int PinNumber { get; }
    }

    public delegate void PinValueChangedEventHandler(object sender, PinValueChangedEventArgs pinValueChangedEventArgs);

    public sealed class GpioPin : IDisposable
    {
        public extern int PinNumber { get; }
        public extern TimeSpan DebounceTimeout { get; set; }
        public extern PinValue Read();
        public extern void Write(PinValue value);
        public extern void Toggle();
        public extern void SetPinMode(PinMode mode);
        public extern PinMode GetPinMode();
        public extern bool IsPinModeSupported(PinMode pinMode);
        public extern event PinValueChangedEventHandler ValueChanged;
        public extern void Dispose();
    }

    public sealed class GpioController : IDisposable
    {
        public extern GpioController();
        public extern int PinCount { get; }
        public extern GpioPin OpenPin(int pinNumber);
        public extern GpioPin OpenPin(int pinNumber, PinMode mode);
        public extern void ClosePin(int pinNumber);
        public extern bool IsPinOpen(int pinNumber);
        public extern bool IsPinModeSupported(int pinNumber, PinMode mode);
        public extern PinMode GetPinMode(int pinNumber);
        public extern void SetPinMode(int pinNumber, PinMode mode);
        public extern PinValue Read(int pinNumber);
        public extern void Write(int pinNumber, PinValue value);
        public extern void Dispose();
    }
}

namespace System.Device.Pwm
{
    public sealed class PwmChannel : IDisposable
    {
        public static extern PwmChannel Create(int chip, int channel, int frequency, double dutyCyclePercentage);
        public static extern PwmChannel CreateFromPin(int pin, int frequency, double dutyCyclePercentage);
        public extern int Frequency { get; set; }
        public extern double DutyCycle { get; set; }
        public extern void Start();
        public extern void Stop();
        public extern void Dispose();
    }
}

namespace System.Device.Adc
{
    public class AdcController
    {
        public extern AdcController();
        public extern int ChannelCount { get; }
        public extern int ResolutionInBits { get; }
        public extern int MaxValue { get; }
        public extern int MinValue { get; }
        public extern AdcChannel OpenChannel(int channelNumber);
    }

    public class AdcChannel : IDisposable
    {
        public extern int ChannelNumber { get; }
        public extern int ReadValue();
        public extern double ReadRatio();
        public extern void Dispose();
    }
}

namespace nanoFramework.Runtime.Native
{
    using System;

    /// <summary>nanoFramework.Runtime.Native: reboot, the watchdog pattern's last resort.</summary>
    public static class Power
    {
        public static extern void RebootDevice();
        public static extern void RebootDevice(int exclusiveAccessTimeout);
    }

    public sealed class ExecutionConstraint
    {
        public static extern void Install(int timeoutMilliseconds, int priority);
    }
}

namespace nanoFramework.TestFramework
{
    using System;

    // nanoFramework.TestFramework 3.0.80: the subset the shared unit tests (tests/unit) may use.
    [AttributeUsage(AttributeTargets.Class)] public sealed class TestClassAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.Method)] public sealed class TestMethodAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.Method)] public sealed class SetupAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.Method)] public sealed class CleanupAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)] public sealed class DataRowAttribute : Attribute { public DataRowAttribute(params object[] methodParameters) { } }

    public static class Assert
    {
        public static extern void AreEqual(int expected, int actual, string message = "");
        public static extern void AreEqual(uint expected, uint actual, string message = "");
        public static extern void AreEqual(long expected, long actual, string message = "");
        public static extern void AreEqual(ulong expected, ulong actual, string message = "");
        public static extern void AreEqual(byte expected, byte actual, string message = "");
        public static extern void AreEqual(char expected, char actual, string message = "");
        public static extern void AreEqual(bool expected, bool actual, string message = "");
        public static extern void AreEqual(double expected, double actual, string message = "");
        public static extern void AreEqual(string expected, string actual, string message = "");
        public static extern void AreEqual(object expected, object actual, string message = "");
        public static extern void AreNotEqual(int expected, int actual, string message = "");
        public static extern void AreNotEqual(long expected, long actual, string message = "");
        public static extern void IsTrue(bool condition, string message = "");
        public static extern void IsFalse(bool condition, string message = "");
        public static extern void IsNull(object value, string message = "");
        public static extern void IsNotNull(object value, string message = "");
        public static extern void ThrowsException(Type exceptionType, Action action, string message = "");
        public static extern void SkipTest(string message = "");
    }

    public static class OutputHelper
    {
        public static extern void WriteLine(string message);
    }
}
