namespace OpenIdds.Firmware.Persistence
{
    /// <summary>Little-endian integers into and out of a preallocated byte buffer: the only serializer records need.</summary>
    public sealed class RecordBuffer
    {
        private readonly byte[] _bytes;
        private int _position;

        public RecordBuffer(int size) { _bytes = new byte[size]; }

        public byte[] Bytes { get { return _bytes; } }
        public int Position { get { return _position; } set { _position = value; } }

        public void Clear()
        {
            System.Array.Clear(_bytes, 0, _bytes.Length);
            _position = 0;
        }

        public void PutByte(int value) { _bytes[_position++] = (byte)value; }

        public void PutUInt16(int value)
        {
            _bytes[_position++] = (byte)value;
            _bytes[_position++] = (byte)(value >> 8);
        }

        public void PutUInt32(uint value)
        {
            int p = _position;
            for (int i = 0; i < 4; i++) _bytes[p + i] = (byte)(value >> (8 * i));
            _position = p + 4;
        }

        public void PutInt64(long value)
        {
            ulong v = (ulong)value;
            int p = _position;
            for (int i = 0; i < 8; i++) _bytes[p + i] = (byte)(v >> (8 * i));
            _position = p + 8;
        }

        public int GetByte() { return _bytes[_position++]; }

        public int GetUInt16()
        {
            int low = _bytes[_position++];
            return low | (_bytes[_position++] << 8);
        }

        public uint GetUInt32()
        {
            uint v = 0;
            for (int i = 0; i < 4; i++) v |= (uint)_bytes[_position++] << (8 * i);
            return v;
        }

        public long GetInt64()
        {
            ulong v = 0;
            for (int i = 0; i < 8; i++) v |= (ulong)_bytes[_position++] << (8 * i);
            return (long)v;
        }
    }
}
