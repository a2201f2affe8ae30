namespace OpenIdds.Firmware.Protocol
{
    /// <summary>
    /// The device's half of key provisioning (KEY-AGREEMENT-NOT-WRAP, <see cref="KeyAgreement"/>): from
    /// the programmer's public value A it derives the role's new key with the device's factory agreement
    /// secret, stores it, and writes the confirmation tag for the answer. A device without a factory
    /// secret refuses: a secret anyone could compute (from the device id, say) would let a listener
    /// derive every key.
    /// </summary>
    public sealed class KeyProvisioner
    {
        private readonly KeyRing _keys;
        private readonly KeyStore _store;
        private readonly byte[]? _secret;
        private readonly byte[]? _label;
        private byte[]? _public;

        /// <param name="agreementSecret">The 32-byte factory secret whose public key is on the label, or null where the board has none.</param>
        /// <param name="labelKey">The label key the factory stored beside the secret (what the board shows), or null: checked against the secret before any key is agreed.</param>
        public KeyProvisioner(KeyRing keys, KeyStore store, byte[]? agreementSecret, byte[]? labelKey)
        {
            _keys = keys;
            _store = store;
            _label = labelKey;
            if (agreementSecret != null && agreementSecret.Length == X25519.Bytes)
            {
                _secret = new byte[X25519.Bytes];
                System.Array.Copy(agreementSecret, _secret, X25519.Bytes);
            }
        }

        /// <summary>Why the last <see cref="Provision"/> refused, naming the field.</summary>
        public string Refusal { get; private set; } = "";

        /// <summary>Records a refusal the device decided before asking the provisioner (PROVISION-WHILE-STOPPED).</summary>
        public void Refuse(string why) { Refusal = why; }

        /// <summary>X25519(s, 9), computed at the first provisioning (one scalar multiplication), or null without a secret.</summary>
        public byte[]? PublicKey
        {
            get
            {
                if (_secret == null) return null;
                if (_public == null)
                {
                    byte[] computed = new byte[X25519.Bytes];
                    X25519.PublicKey(_secret, computed);
                    _public = computed;
                }
                return _public;
            }
        }

        /// <summary>
        /// Replaces the key of <paramref name="role"/> with the agreed key and writes HMAC(K, confirm || A)
        /// into <paramref name="confirmation"/>; false, changing nothing, with <see cref="Refusal"/> set,
        /// when the device has no secret or A is a small-order point.
        /// </summary>
        public bool Provision(Role role, byte[] programmerPublic, byte[] confirmation)
        {
            byte[]? devicePublic = PublicKey;
            if (_secret == null || devicePublic == null)
            {
                Refusal = "this device has no factory agreement secret (PumpSetup.AgreementSecret): it cannot agree a key that a listener could not derive";
                return false;
            }
            if (_label != null && !SameBytes(_label, devicePublic))
            {
                Refusal = "the label key stored with the factory secret is not X25519 of the secret: the factory file is damaged or mismatched; the key shown is not the key this device agrees with (write the factory secret again)";
                return false;
            }
            byte[] key = new byte[KeyRing.KeyBytes];
            if (!KeyAgreement.Derive(_secret, programmerPublic, programmerPublic, devicePublic, role, key))
            {
                Refusal = "provision.programmer_public is a small-order point (the shared secret is zero, RFC 7748 section 6.1)";
                return false;
            }
            _keys.Set(role, key, 0, true);
            _store.Save(_keys);
            KeyAgreement.Confirmation(key, programmerPublic, confirmation);
            return true;
        }

        private static bool SameBytes(byte[] a, byte[] b)
        {
            if (a.Length != b.Length) return false;
            for (int i = 0; i < a.Length; i++) if (a[i] != b[i]) return false;
            return true;
        }
    }
}
