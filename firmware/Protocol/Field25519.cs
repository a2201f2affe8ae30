namespace OpenIdds.Firmware.Protocol
{
    /// <summary>
    /// Arithmetic modulo p = 2^255 - 19 for X25519 (RFC 7748 section 4.1), in integers only: an element is
    /// 16 signed limbs of 16 bits in a long[16] (value = sum limb[i] * 2^(16 i)). A product folds its upper
    /// half back times 38, since 2^256 = 38 (mod p). No branch or index depends on a secret value.
    /// </summary>
    public static class Field25519
    {
        public const int Limbs = 16;

        /// <summary>Field multiplications done since the process started (the provisioning benchmark counts them).</summary>
        public static int Multiplications;

        public static long[] New() { return new long[Limbs]; }

        public static void Set(long[] into, long[] a)
        {
            for (int i = 0; i < Limbs; i++) into[i] = a[i];
        }

        public static void SetSmall(long[] into, long value)
        {
            for (int i = 0; i < Limbs; i++) into[i] = 0;
            into[0] = value;
        }

        public static void Add(long[] into, long[] a, long[] b)
        {
            for (int i = 0; i < Limbs; i++) into[i] = a[i] + b[i];
        }

        public static void Subtract(long[] into, long[] a, long[] b)
        {
            for (int i = 0; i < Limbs; i++) into[i] = a[i] - b[i];
        }

        /// <summary>into = a * b; <paramref name="into"/> may be a or b. Limbs of a and b below 2^20 in size keep every sum below 2^63.</summary>
        public static void Multiply(long[] into, long[] a, long[] b, long[] wide)
        {
            Multiplications++;
            for (int i = 0; i < 2 * Limbs - 1; i++) wide[i] = 0;
            for (int i = 0; i < Limbs; i++)
            {
                long ai = a[i];
                for (int j = 0; j < Limbs; j++) wide[i + j] += ai * b[j];
            }
            for (int i = 0; i < Limbs - 1; i++) wide[i] += 38 * wide[i + Limbs];
            for (int i = 0; i < Limbs; i++) into[i] = wide[i];
            Carry(into);
            Carry(into);
        }

        /// <summary>Brings every limb into 0..2^16-1 (limb 0 may stay slightly above after one pass); the carry out of the top limb wraps back times 38.</summary>
        public static void Carry(long[] a)
        {
            for (int i = 0; i < Limbs; i++)
            {
                long c = a[i] >> 16;
                a[i] -= c << 16;
                if (i < Limbs - 1) a[i + 1] += c;
                else a[0] += 38 * c;
            }
        }

        /// <summary>Swaps a and b when <paramref name="bit"/> is 1, with the same operations either way (RFC 7748 cswap).</summary>
        public static void ConditionalSwap(long[] a, long[] b, long bit)
        {
            long mask = -bit;
            for (int i = 0; i < Limbs; i++)
            {
                long t = mask & (a[i] ^ b[i]);
                a[i] ^= t;
                b[i] ^= t;
            }
        }

        /// <summary>into = a^(p-2) = 1/a (Fermat); p - 2 = 2^255 - 21 has every bit set from 254 down except bits 4 and 2.</summary>
        public static void Invert(long[] into, long[] a, long[] wide)
        {
            long[] c = New();
            Set(c, a);
            for (int bit = 253; bit >= 0; bit--)
            {
                Multiply(c, c, c, wide);
                if (bit != 4 && bit != 2) Multiply(c, c, a, wide);
            }
            Set(into, c);
        }

        /// <summary>Reads 32 little-endian bytes, ignoring the top bit (RFC 7748 decodeUCoordinate).</summary>
        public static void Unpack(long[] into, byte[] bytes, int offset)
        {
            for (int i = 0; i < Limbs; i++) into[i] = bytes[offset + 2 * i] | ((long)bytes[offset + 2 * i + 1] << 8);
            into[Limbs - 1] &= 0x7FFF;
        }

        /// <summary>Writes the element fully reduced below p, as 32 little-endian bytes (RFC 7748 encodeUCoordinate).</summary>
        public static void Pack(byte[] into, int offset, long[] a)
        {
            long[] t = New();
            long[] m = New();
            Set(t, a);
            Carry(t);
            Carry(t);
            Carry(t);
            // t is now below 2^256 < 2p + 38: subtracting p at most twice reduces it.
            for (int pass = 0; pass < 2; pass++)
            {
                m[0] = t[0] - 0xFFED;
                for (int i = 1; i < Limbs; i++)
                {
                    long limb = i == Limbs - 1 ? 0x7FFF : 0xFFFF;
                    m[i] = t[i] - limb - ((m[i - 1] >> 16) & 1);
                    m[i - 1] &= 0xFFFF;
                }
                long borrow = (m[Limbs - 1] >> 16) & 1;
                m[Limbs - 1] &= 0xFFFF;
                ConditionalSwap(t, m, 1 - borrow);
            }
            for (int i = 0; i < Limbs; i++)
            {
                into[offset + 2 * i] = (byte)(t[i] & 0xFF);
                into[offset + 2 * i + 1] = (byte)((t[i] >> 8) & 0xFF);
            }
        }
    }
}
