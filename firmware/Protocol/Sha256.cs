namespace OpenIdds.Firmware.Protocol
{
    /// <summary>
    /// SHA-256 (FIPS 180-4) in portable code: nanoFramework has no managed SHA-256. Incremental
    /// (Append, then Finish), all buffers allocated once, so authenticating a message allocates nothing.
    /// Checked against the NIST vectors and against .NET's own implementation.
    /// </summary>
    public sealed class Sha256
    {
        public const int HashBytes = 32;
        public const int BlockBytes = 64;

        private static readonly uint[] K = new uint[]
        {
            0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
            0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
            0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
            0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
            0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
            0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
            0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
            0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
        };

        private readonly uint[] _h = new uint[8];
        private readonly uint[] _w = new uint[64];
        private readonly byte[] _block = new byte[BlockBytes];
        private int _fill;
        private long _length;

        public Sha256() { Reset(); }

        public void Reset()
        {
            _h[0] = 0x6a09e667; _h[1] = 0xbb67ae85; _h[2] = 0x3c6ef372; _h[3] = 0xa54ff53a;
            _h[4] = 0x510e527f; _h[5] = 0x9b05688c; _h[6] = 0x1f83d9ab; _h[7] = 0x5be0cd19;
            _fill = 0;
            _length = 0;
        }

        public void Append(byte[] data, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                _block[_fill++] = data[offset + i];
                if (_fill == BlockBytes)
                {
                    Compress();
                    _fill = 0;
                }
            }
            _length += count;
        }

        /// <summary>Pads, writes the 32-byte hash to <paramref name="hash"/> at <paramref name="offset"/>, and resets for the next message.</summary>
        public void Finish(byte[] hash, int offset)
        {
            long bits = _length * 8;
            _block[_fill++] = 0x80;
            if (_fill > BlockBytes - 8)
            {
                while (_fill < BlockBytes) _block[_fill++] = 0;
                Compress();
                _fill = 0;
            }
            while (_fill < BlockBytes - 8) _block[_fill++] = 0;
            for (int i = 7; i >= 0; i--) _block[_fill++] = (byte)(bits >> (8 * i));
            Compress();
            for (int i = 0; i < 8; i++)
            {
                hash[offset + 4 * i] = (byte)(_h[i] >> 24);
                hash[offset + 4 * i + 1] = (byte)(_h[i] >> 16);
                hash[offset + 4 * i + 2] = (byte)(_h[i] >> 8);
                hash[offset + 4 * i + 3] = (byte)_h[i];
            }
            Reset();
        }

        private static uint Rotr(uint x, int n) { return (x >> n) | (x << (32 - n)); }

        private void Compress()
        {
            for (int t = 0; t < 16; t++)
            {
                _w[t] = ((uint)_block[4 * t] << 24) | ((uint)_block[4 * t + 1] << 16) | ((uint)_block[4 * t + 2] << 8) | _block[4 * t + 3];
            }
            for (int t = 16; t < 64; t++)
            {
                uint s0 = Rotr(_w[t - 15], 7) ^ Rotr(_w[t - 15], 18) ^ (_w[t - 15] >> 3);
                uint s1 = Rotr(_w[t - 2], 17) ^ Rotr(_w[t - 2], 19) ^ (_w[t - 2] >> 10);
                _w[t] = unchecked(_w[t - 16] + s0 + _w[t - 7] + s1);
            }
            uint a = _h[0], b = _h[1], c = _h[2], d = _h[3], e = _h[4], f = _h[5], g = _h[6], h = _h[7];
            for (int t = 0; t < 64; t++)
            {
                uint S1 = Rotr(e, 6) ^ Rotr(e, 11) ^ Rotr(e, 25);
                uint ch = (e & f) ^ (~e & g);
                uint temp1 = unchecked(h + S1 + ch + K[t] + _w[t]);
                uint S0 = Rotr(a, 2) ^ Rotr(a, 13) ^ Rotr(a, 22);
                uint maj = (a & b) ^ (a & c) ^ (b & c);
                uint temp2 = unchecked(S0 + maj);
                h = g; g = f; f = e; e = unchecked(d + temp1);
                d = c; c = b; b = a; a = unchecked(temp1 + temp2);
            }
            _h[0] = unchecked(_h[0] + a); _h[1] = unchecked(_h[1] + b); _h[2] = unchecked(_h[2] + c); _h[3] = unchecked(_h[3] + d);
            _h[4] = unchecked(_h[4] + e); _h[5] = unchecked(_h[5] + f); _h[6] = unchecked(_h[6] + g); _h[7] = unchecked(_h[7] + h);
        }
    }
}
