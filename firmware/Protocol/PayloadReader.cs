namespace OpenIdds.Firmware.Protocol
{
    /// <summary>
    /// Little-endian fields out of a received payload. Reading past the end never throws: it returns
    /// zeros and clears <see cref="Ok"/>, and the first field that did not fit is remembered so the
    /// error response can name it (BAD-INPUT-NAMES-THE-FIELD). Random bytes can never crash a parse.
    /// </summary>
    public sealed class PayloadReader
    {
        private byte[] _buffer;
        private int _position;
        private int _end;

        public PayloadReader(byte[] buffer, int offset, int count)
        {
            _buffer = buffer;
            Reset(buffer, offset, count);
        }

        public bool Ok { get; private set; }

        /// <summary>The field that first failed (ran out of bytes or was out of range), or "".</summary>
        public string FailedField { get; private set; } = "";

        /// <summary>Why that field failed.</summary>
        public string FailedWhy { get; private set; } = "";

        public int Remaining { get { return _end - _position; } }

        public void Reset(byte[] buffer, int offset, int count)
        {
            _buffer = buffer;
            _position = offset;
            _end = offset + count;
            Ok = true;
            FailedField = "";
            FailedWhy = "";
        }

        /// <summary>Marks <paramref name="field"/> as bad (the first failure wins).</summary>
        public void Fail(string field, string why)
        {
            if (!Ok) return;
            Ok = false;
            FailedField = field;
            FailedWhy = why;
        }

        public int U8(string field)
        {
            if (_position >= _end) { Fail(field, "the payload ends before it"); return 0; }
            return _buffer[_position++];
        }

        public int U16(string field)
        {
            int lo = U8(field);
            int hi = U8(field);
            return lo | (hi << 8);
        }

        public uint U32(string field)
        {
            uint v = 0;
            for (int i = 0; i < 4; i++) v |= (uint)U8(field) << (8 * i);
            return v;
        }

        public long I64(string field)
        {
            ulong v = 0;
            for (int i = 0; i < 8; i++) v |= (ulong)U8(field) << (8 * i);
            return (long)v;
        }

        public string Text(string field)
        {
            int n = U8(field);
            if (n > Remaining) { Fail(field, "its length " + n.ToString() + " runs past the payload"); return ""; }
            char[] chars = new char[n];
            for (int i = 0; i < n; i++) chars[i] = (char)U8(field);
            return new string(chars);
        }

        public void Bytes(string field, byte[] into, int offset, int count)
        {
            for (int i = 0; i < count; i++) into[offset + i] = (byte)U8(field);
        }

        /// <summary>A value that must lie in [min, max]; outside it the field fails with the value and the limit.</summary>
        public long InRange(string field, long value, long min, long max)
        {
            if (Ok && (value < min || value > max)) Fail(field, value.ToString() + " is outside the limit " + min.ToString() + ".." + max.ToString());
            return value;
        }

        /// <summary>True when every byte was read (trailing bytes are a malformed payload).</summary>
        public bool AtEnd(string field)
        {
            if (Ok && _position != _end) Fail(field, (_end - _position).ToString() + " bytes follow the last field");
            return Ok;
        }
    }
}
