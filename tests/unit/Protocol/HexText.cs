namespace OpenIdds.Tests.Unit.Protocol
{
    /// <summary>Lower-case hex text of bytes, and back: how the RFC and NIST test vectors are written.</summary>
    public static class HexText
    {
        public static string Of(byte[] bytes)
        {
            const string digits = "0123456789abcdef";
            char[] text = new char[bytes.Length * 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                text[2 * i] = digits[bytes[i] >> 4];
                text[2 * i + 1] = digits[bytes[i] & 15];
            }
            return new string(text);
        }

        public static byte[] Parse(string hex)
        {
            byte[] b = new byte[hex.Length / 2];
            for (int i = 0; i < b.Length; i++) b[i] = (byte)(Nibble(hex[2 * i]) * 16 + Nibble(hex[2 * i + 1]));
            return b;
        }

        private static int Nibble(char c) { return c <= '9' ? c - '0' : c - 'a' + 10; }
    }
}
