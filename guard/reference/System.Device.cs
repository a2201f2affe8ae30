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

namespace nanoFramework.Hardware.Esp32
{
    /// <summary>nanoFramework.Hardware.Esp32: the ESP32 pin matrix. Call before opening PWM, ADC or UART on a pin.</summary>
    public static class Configuration
    {
        public static extern void SetPinFunction(int pin, DeviceFunction function);
        public static extern DeviceFunction GetFunctionPin(DeviceFunction function);
    }

    /// <summary>The members OpenIDDS uses (names as nanoFramework has them; values are the device's business).</summary>
    public enum DeviceFunction
    {
        PWM1, PWM2, PWM3, PWM4, PWM5, PWM6, PWM7, PWM8,
        COM1_TX, COM1_RX, COM1_RTS, COM1_CTS,
        COM2_TX, COM2_RX, COM2_RTS, COM2_CTS,
        ADC1_CH0, ADC1_CH1, ADC1_CH2, ADC1_CH3, ADC1_CH4, ADC1_CH5, ADC1_CH6, ADC1_CH7,
    }
}

namespace System.IO
{
    // nanoFramework.System.IO.FileSystem 1.1.87 / System.IO.Streams: the internal flash drive I:\.
    public enum FileMode { CreateNew = 1, Create = 2, Open = 3, OpenOrCreate = 4, Truncate = 5, Append = 6 }
    public enum SeekOrigin { Begin = 0, Current = 1, End = 2 }

    public abstract class Stream : IDisposable
    {
        public abstract long Length { get; }
        public abstract long Position { get; set; }
        public abstract int Read(byte[] buffer, int offset, int count);
        public abstract void Write(byte[] buffer, int offset, int count);
        public abstract long Seek(long offset, SeekOrigin origin);
        public abstract void SetLength(long value);
        public abstract void Flush();
        public extern void Dispose();
    }

    public class FileStream : Stream
    {
        public extern FileStream(string path, FileMode mode);
        public override extern long Length { get; }
        public override extern long Position { get; set; }
        public override extern int Read(byte[] buffer, int offset, int count);
        public override extern void Write(byte[] buffer, int offset, int count);
        public override extern long Seek(long offset, SeekOrigin origin);
        public override extern void SetLength(long value);
        public override extern void Flush();
    }

    public class IOException : SystemException
    {
        public IOException() { }
        public IOException(string message) { }
    }

    public static class File
    {
        public static extern bool Exists(string path);
        /// <summary>A no-op when the file does not exist (nanoFramework System.IO.FileSystem).</summary>
        public static extern void Delete(string path);
    }
}

namespace nanoFramework.Hardware.Stm32
{
    /// <summary>nanoFramework.Hardware.Stm32 1.10.37: the chip's identity (the 96-bit unique id of every STM32).</summary>
    public static class Utilities
    {
        public static extern byte[] UniqueDeviceId { get; }
        public static extern uint DeviceId { get; }
        public static extern uint DeviceRevisionId { get; }
    }
}

namespace System.IO.Ports
{
    // nanoFramework.System.IO.Ports 1.1.132: a UART as COM1, COM2...
    public enum Parity { None = 0, Odd = 1, Even = 2 }
    public enum StopBits { None = 0, One = 1, Two = 2 }

    public class SerialPort : IDisposable
    {
        public extern SerialPort(string portName, int baudRate, Parity parity, int dataBits, StopBits stopBits);
        public extern int BytesToRead { get; }
        public extern void Open();
        public extern int Read(byte[] buffer, int offset, int count);
        public extern void Write(byte[] buffer, int offset, int count);
        public extern void Dispose();
    }
}
