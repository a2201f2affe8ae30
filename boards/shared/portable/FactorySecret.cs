using System.IO;

namespace OpenIdds.Boards
{
    /// <summary>
    /// FACTORY-SECRET-REQUIRED: the device's X25519 agreement secret s, written once at manufacture
    /// (<c>iddsctl factory secret</c>, docs/flashing.md), and its public key S = X25519(s, 9), the label
    /// key printed on the device. The file holds the 32 bytes of s, then the 32 bytes of S, so a board
    /// shows its label key at start-up without a scalar multiplication (seconds on an MCU); the device
    /// checks S against s at the first provisioning (KEY-AGREEMENT-NOT-WRAP). A board refuses to run
    /// the pump when the file is missing, of another size, or blank (all 0x00 or all 0xFF: an erased or
    /// zeroed area), naming the file: without s no key can be agreed that a listener could not derive,
    /// and a board that ran anyway would stay on its development keys.
    /// </summary>
    public sealed class FactorySecret
    {
        public const int SecretBytes = 32;
        public const int FileBytes = 2 * SecretBytes;

        /// <summary>Hex digits of the label key in a device id made from it: 48 bits, unique across any factory's run.</summary>
        public const int IdHexDigits = 12;

        private FactorySecret(byte[]? secret, byte[]? labelKey, string problem)
        {
            Secret = secret;
            LabelKey = labelKey;
            Problem = problem;
        }

        /// <summary>s, or null when <see cref="Problem"/> says why not.</summary>
        public byte[]? Secret { get; private set; }

        /// <summary>S, as printed on the label.</summary>
        public byte[]? LabelKey { get; private set; }

        /// <summary>Empty when the secret is present; else what is missing, naming the file and how to write it.</summary>
        public string Problem { get; private set; }

        public bool Present { get { return Problem.Length == 0; } }

        /// <summary>What the board refuses with when it has none.</summary>
        public static FactorySecret Missing(string why)
        {
            return new FactorySecret(null, null, "no factory agreement secret: " + why + ". Write it at manufacture (iddsctl factory secret, docs/flashing.md); the pump does not run without it (FACTORY-SECRET-REQUIRED)");
        }

        /// <summary>Reads <paramref name="path"/> on the board's drive (I:\ on an MCU board).</summary>
        public static FactorySecret Read(string path)
        {
            byte[] bytes = new byte[FileBytes + 1];
            int length = 0;
            try
            {
                if (!File.Exists(path)) return Missing(path + " is missing");
                FileStream file = new FileStream(path, FileMode.Open, FileAccess.Read);
                try
                {
                    while (length < bytes.Length)
                    {
                        int n = file.Read(bytes, length, bytes.Length - length);
                        if (n <= 0) break;
                        length += n;
                    }
                }
                finally
                {
                    file.Dispose();
                }
            }
            catch (System.Exception e)
            {
                // No drive (a target firmware without the file system) or an unreadable file: missing all the same.
                return Missing(path + " cannot be read (" + e.Message + ")");
            }
            return Parse(bytes, length, path);
        }

        /// <summary>The file's content: s then S, 64 bytes, neither blank.</summary>
        public static FactorySecret Parse(byte[] bytes, int length, string path)
        {
            if (length != FileBytes) return Missing(path + " holds " + length.ToString() + " bytes, not " + FileBytes.ToString() + " (the 32-byte secret, then its 32-byte label key)");
            if (Blank(bytes, 0)) return Missing(path + " is blank: its secret is all 0x00 or all 0xFF");
            if (Blank(bytes, SecretBytes)) return Missing(path + " is blank: its label key is all 0x00 or all 0xFF");
            byte[] secret = new byte[SecretBytes];
            byte[] label = new byte[SecretBytes];
            System.Array.Copy(bytes, 0, secret, 0, SecretBytes);
            System.Array.Copy(bytes, SecretBytes, label, 0, SecretBytes);
            return new FactorySecret(secret, label, "");
        }

        /// <summary>The label key in lower-case hex, as the label and <c>iddsctl keys provision --label-key</c> take it.</summary>
        public string LabelKeyHex()
        {
            if (LabelKey == null) return "";
            const string digits = "0123456789abcdef";
            char[] text = new char[2 * SecretBytes];
            for (int i = 0; i < SecretBytes; i++)
            {
                text[2 * i] = digits[LabelKey[i] >> 4];
                text[2 * i + 1] = digits[LabelKey[i] & 15];
            }
            return new string(text);
        }

        /// <summary>The device id made from the label key (DEVICE-ID-FROM-LABEL): the prefix and its first hex digits.</summary>
        public string DeviceIdFor(string prefix)
        {
            return prefix + LabelKeyHex().Substring(0, IdHexDigits);
        }

        /// <summary>
        /// Gives the board's options the secret and its label key, and, on a board with a
        /// <see cref="BoardOptions.DeviceIdPrefix"/>, the id made from the label key
        /// (DEVICE-ID-FROM-LABEL: unique per device, never a shipped constant two rigs share).
        /// </summary>
        public void ApplyTo(BoardOptions options)
        {
            options.AgreementSecret = Secret;
            options.LabelKey = LabelKey;
            if (options.DeviceIdPrefix != null && LabelKey != null) options.DeviceId = DeviceIdFor(options.DeviceIdPrefix);
        }

        private static bool Blank(byte[] bytes, int offset)
        {
            bool zeros = true, ones = true;
            for (int i = offset; i < offset + SecretBytes; i++)
            {
                if (bytes[i] != 0x00) zeros = false;
                if (bytes[i] != 0xFF) ones = false;
            }
            return zeros || ones;
        }
    }
}
