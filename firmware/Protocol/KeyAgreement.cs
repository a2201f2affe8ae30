namespace OpenIdds.Firmware.Protocol
{
    /// <summary>
    /// KEY-AGREEMENT-NOT-WRAP: a provisioned key never crosses the line, in clear or wrapped. The device
    /// holds a factory agreement secret s whose public key S = X25519(s, 9) is printed on its label. The
    /// programmer draws a fresh secret a, sends A = X25519(a, 9), and both sides compute
    /// Z = X25519(a, S) = X25519(s, A) and the new key K = HMAC-SHA-256(Z, Label || A || S || role). A
    /// listener sees A only; without a or s (the development keys give neither) Z is the Diffie-Hellman
    /// problem on Curve25519. The device answers with HMAC-SHA-256(K, ConfirmLabel || A): the programmer
    /// keeps K only if that proves the device derived the same key (docs/protocol.md, the threat model).
    /// </summary>
    public static class KeyAgreement
    {
        public const string Label = "OpenIDDS key agreement v1";
        public const string ConfirmLabel = "OpenIDDS key confirm v1";

        /// <summary>
        /// The new key of <paramref name="role"/> from the shared secret; false (and nothing written) when
        /// <paramref name="programmerPublic"/> is a small-order point that makes Z zero (RFC 7748 section 6.1).
        /// </summary>
        public static bool Derive(byte[] ownSecret, byte[] peerPublic, byte[] programmerPublic, byte[] devicePublic, Role role, byte[] into)
        {
            byte[] shared = new byte[X25519.Bytes];
            X25519.ScalarMultiply(ownSecret, peerPublic, shared);
            if (X25519.IsZero(shared)) return false;
            HmacSha256 mac = new HmacSha256(shared);
            byte[] label = Ascii(Label);
            mac.Append(label, 0, label.Length);
            mac.Append(programmerPublic, 0, X25519.Bytes);
            mac.Append(devicePublic, 0, X25519.Bytes);
            byte[] r = new byte[] { (byte)role };
            mac.Append(r, 0, 1);
            mac.Finish(into, 0);
            return true;
        }

        /// <summary>The device's proof that it holds <paramref name="newKey"/>: HMAC-SHA-256(K, ConfirmLabel || A).</summary>
        public static void Confirmation(byte[] newKey, byte[] programmerPublic, byte[] into)
        {
            HmacSha256 mac = new HmacSha256(newKey);
            byte[] label = Ascii(ConfirmLabel);
            mac.Append(label, 0, label.Length);
            mac.Append(programmerPublic, 0, X25519.Bytes);
            mac.Finish(into, 0);
        }

        private static byte[] Ascii(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++) bytes[i] = (byte)(text[i] & 0x7F);
            return bytes;
        }
    }
}
