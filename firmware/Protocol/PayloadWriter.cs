namespace OpenIdds.Firmware.Protocol
{
    /// <summary>
    /// Little-endian fields into a preallocated byte array (a message payload). Writing past the end
    /// never throws: it sets <see cref="Overflow"/> and drops the bytes, so a long answer is cut,
    /// never a crash in the control loop.
    /// </summary>
    public sealed class PayloadWriter
    {
        private byte[] _buffer;
        private int _start;
        private int _end;
        private int _position;

        public PayloadWriter(byte[] buffer, int start, int capacity)
        {
            _buffer = buffer;
            Reset(start, capacity);
        }

        public PayloadWriter(int capacity) : this(new byte[capacity], 0, capacity) { }

        public byte[] Buffer { get { return _buffer; } }
        public int Start { get { return _start; } }
        public int Length { get { return _position - _start; } }
        public int Remaining { get { return _end - _position; } }
        public bool Overflow { get; private set; }

        public void Reset(int start, int capacity)
        {
            _start = start;
            _end = start + capacity;
            _position = start;
            Overflow = false;
        }

        public void U8(int value)
        {
            if (_position >= _end) { Overflow = true; return; }
            _buffer[_position++] = (byte)value;
        }

        public void U16(int value)
        {
            U8(value & 0xFF);
            U8((value >> 8) & 0xFF);
        }

        public void U32(uint value)
        {
            for (int i = 0; i < 4; i++) U8((int)((value >> (8 * i)) & 0xFF));
        }

        public void I64(long value)
        {
            ulong v = (ulong)value;
            for (int i = 0; i < 8; i++) U8((int)((v >> (8 * i)) & 0xFF));
        }

        /// <summary>A length-prefixed ASCII string, cut at 255 characters (non-ASCII becomes '?').</summary>
        public void Text(string text)
        {
            string t = text == null ? "" : text;
            int n = t.Length > 255 ? 255 : t.Length;
            U8(n);
            for (int i = 0; i < n; i++)
            {
                int c = t[i];
                U8(c < 32 || c > 126 ? '?' : c);
            }
        }

        public void Bytes(byte[] data, int offset, int count)
        {
            for (int i = 0; i < count; i++) U8(data[offset + i]);
        }
    }
}
