namespace OpenIdds.Firmware.Protocol
{
    /// <summary>
    /// The X25519 function of RFC 7748 (section 5): the Montgomery ladder on Curve25519 over
    /// <see cref="Field25519"/>, in constant time (the same operations for every scalar bit). One call
    /// costs 255 ladder steps of 10 field multiplications, an inversion by Fermat's little theorem of 254
    /// squarings and 252 multiplications, and one last multiplication: 3,057 field multiplications
    /// (docs/protocol.md has its time on a board).
    /// </summary>
    public static class X25519
    {
        public const int Bytes = 32;

        /// <summary>(A - 2) / 4 for Curve25519's A = 486662 (RFC 7748 section 5).</summary>
        private const long A24 = 121665;

        /// <summary>The u-coordinate of the base point: 9.</summary>
        public static byte[] BasePoint()
        {
            byte[] u = new byte[Bytes];
            u[0] = 9;
            return u;
        }

        /// <summary>X25519(scalar, 9): the public key of a 32-byte secret.</summary>
        public static void PublicKey(byte[] secret, byte[] into)
        {
            ScalarMultiply(secret, BasePoint(), into);
        }

        /// <summary>into = X25519(scalar, u): the scalar is clamped as RFC 7748 section 5 says; all three arrays are 32 bytes.</summary>
        public static void ScalarMultiply(byte[] scalar, byte[] u, byte[] into)
        {
            byte[] k = new byte[Bytes];
            System.Array.Copy(scalar, k, Bytes);
            k[0] &= 248;
            k[31] &= 127;
            k[31] |= 64;

            long[] wide = new long[2 * Field25519.Limbs - 1];
            long[] x1 = Field25519.New();
            Field25519.Unpack(x1, u, 0);
            long[] x2 = Field25519.New();
            Field25519.SetSmall(x2, 1);
            long[] z2 = Field25519.New();
            long[] x3 = Field25519.New();
            Field25519.Set(x3, x1);
            long[] z3 = Field25519.New();
            Field25519.SetSmall(z3, 1);
            long[] a24 = Field25519.New();
            Field25519.SetSmall(a24, A24);
            long[] a = Field25519.New(), aa = Field25519.New(), b = Field25519.New(), bb = Field25519.New();
            long[] e = Field25519.New(), c = Field25519.New(), d = Field25519.New(), da = Field25519.New(), cb = Field25519.New();

            long swap = 0;
            for (int t = 254; t >= 0; t--)
            {
                long bit = (k[t >> 3] >> (t & 7)) & 1;
                swap ^= bit;
                Field25519.ConditionalSwap(x2, x3, swap);
                Field25519.ConditionalSwap(z2, z3, swap);
                swap = bit;

                Field25519.Add(a, x2, z2);
                Field25519.Multiply(aa, a, a, wide);
                Field25519.Subtract(b, x2, z2);
                Field25519.Multiply(bb, b, b, wide);
                Field25519.Subtract(e, aa, bb);
                Field25519.Add(c, x3, z3);
                Field25519.Subtract(d, x3, z3);
                Field25519.Multiply(da, d, a, wide);
                Field25519.Multiply(cb, c, b, wide);
                Field25519.Add(x3, da, cb);
                Field25519.Multiply(x3, x3, x3, wide);
                Field25519.Subtract(z3, da, cb);
                Field25519.Multiply(z3, z3, z3, wide);
                Field25519.Multiply(z3, z3, x1, wide);
                Field25519.Multiply(x2, aa, bb, wide);
                Field25519.Multiply(z2, a24, e, wide);
                Field25519.Add(z2, z2, aa);
                Field25519.Multiply(z2, z2, e, wide);
            }
            Field25519.ConditionalSwap(x2, x3, swap);
            Field25519.ConditionalSwap(z2, z3, swap);
            Field25519.Invert(z2, z2, wide);
            Field25519.Multiply(x2, x2, z2, wide);
            Field25519.Pack(into, 0, x2);
        }

        /// <summary>True if all 32 bytes are zero: the result of a small-order input, which RFC 7748 section 6.1 says to refuse.</summary>
        public static bool IsZero(byte[] value)
        {
            int any = 0;
            for (int i = 0; i < value.Length; i++) any |= value[i];
            return any == 0;
        }
    }
}
