namespace OpenIdds.Firmware.Protocol
{
    /// <summary>
    /// HMAC-SHA-256 (RFC 2104) for authenticating every therapy-changing command under a per-device,
    /// per-role key. Keys longer than a block are hashed first. Buffers are allocated once per key.
    /// Checked against RFC 4231 test cases 1-7 and .NET's HMACSHA256.
    /// </summary>
    public sealed class HmacSha256
    {
        private readonly Sha256 _inner = new Sha256();
        private readonly Sha256 _outer = new Sha256();
        private readonly byte[] _ipad = new byte[Sha256.BlockBytes];
        private readonly byte[] _opad = new byte[Sha256.BlockBytes];
        private readonly byte[] _innerHash = new byte[Sha256.HashBytes];

        public HmacSha256(byte[] key)
        {
            byte[] k = new byte[Sha256.BlockBytes];
            if (key.Length > Sha256.BlockBytes)
            {
                Sha256 sha = new Sha256();
                sha.Append(key, 0, key.Length);
                sha.Finish(k, 0);
            }
            else System.Array.Copy(key, k, key.Length);
            for (int i = 0; i < Sha256.BlockBytes; i++)
            {
                _ipad[i] = (byte)(k[i] ^ 0x36);
                _opad[i] = (byte)(k[i] ^ 0x5c);
            }
            Start();
        }

        public void Append(byte[] data, int offset, int count) { _inner.Append(data, offset, count); }

        /// <summary>Writes the 32-byte tag and starts over for the next message.</summary>
        public void Finish(byte[] tag, int offset)
        {
            _inner.Finish(_innerHash, 0);
            _outer.Append(_opad, 0, _opad.Length);
            _outer.Append(_innerHash, 0, _innerHash.Length);
            _outer.Finish(tag, offset);
            Start();
        }

        /// <summary>Compares two tags in time independent of where they differ (no timing oracle on the serial line).</summary>
        public static bool TagsEqual(byte[] a, int aOffset, byte[] b, int bOffset, int count)
        {
            int difference = 0;
            for (int i = 0; i < count; i++) difference |= a[aOffset + i] ^ b[bOffset + i];
            return difference == 0;
        }

        private void Start()
        {
            _inner.Reset();
            _inner.Append(_ipad, 0, _ipad.Length);
        }
    }
}
