using System.IO.Ports;
using OpenIdds.Hal;

namespace OpenIdds.Boards
{
    /// <summary>The programmer link on UART2 (COM2), 115200 8-N-1. Reads only what has arrived: never blocks the control loop.</summary>
    public sealed class UartLink : ISerialLink
    {
        private readonly SerialPort _port;

        public UartLink(string portName, int baudRate)
        {
            _port = new SerialPort(portName, baudRate, Parity.None, 8, StopBits.One);
            _port.Open();
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            int available = _port.BytesToRead;
            if (available <= 0) return 0;
            return _port.Read(buffer, offset, available < count ? available : count);
        }

        public void Write(byte[] buffer, int offset, int count) { _port.Write(buffer, offset, count); }
    }
}
