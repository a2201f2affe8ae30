#nullable disable // nanoFramework's own sources are nullable-oblivious
#pragma warning disable CS0626, CS0824 // declarations only: extern members and constructors without an implementation
// Stand-in (declarations only) for nanoFramework.System.IO.Ports 1.1.132: a UART as COM1, COM2...
// The members of SerialPort the portable code uses; the enums whole.
namespace System.IO.Ports
{
    public enum Parity
    {
        None = 0,
        Odd = 1,
        Even = 2,
    }

    /// <summary>No None member (unlike .NET's StopBits).</summary>
    public enum StopBits
    {
        One = 1,
        Two = 2,
        OnePointFive = 3,
    }

    public sealed class SerialPort : IDisposable
    {
        public extern SerialPort(string portName, int baudRate = 9600, Parity parity = Parity.None, int dataBits = 8, StopBits stopBits = StopBits.One);
        public extern void Open();
        public extern void Close();
        public extern bool IsOpen { get; }
        public extern int ReadTimeout { get; set; }
        public extern int WriteTimeout { get; set; }
        public extern int BytesToRead { get; }
        public extern int Read(byte[] buffer, int offset, int count);
        public extern void Write(byte[] buffer, int offset, int count);
        public extern void Dispose();
    }
}
