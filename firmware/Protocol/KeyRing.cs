namespace OpenIdds.Firmware.Protocol
{
    /// <summary>
    /// The device's keys, one per role (PER-DEVICE-PER-ROLE-KEYS). Until a service engineer provisions
    /// real keys, each role has a DEVELOPMENT key derived from the device id - public knowledge, for
    /// bench and simulator use only; the status says so and iddsctl warns (DEV-KEYS-FLAGGED,
    /// docs/protocol.md). A new key is agreed, never sent (KEY-AGREEMENT-NOT-WRAP, KeyProvisioner).
    /// </summary>
    public sealed class KeyRing
    {
        public const int KeyBytes = 32;

        /// <summary>The HMAC key under which development keys are derived from the device id.</summary>
        public const string DevelopmentLabel = "OpenIDDS development key v1";

        private readonly byte[] _keys = new byte[RoleName.Count * KeyBytes];
        private readonly HmacSha256?[] _macs = new HmacSha256?[RoleName.Count];
        private readonly bool[] _provisioned = new bool[RoleName.Count];
        private readonly string _deviceId;

        public KeyRing(string deviceId)
        {
            _deviceId = deviceId;
            byte[] key = new byte[KeyBytes];
            for (int r = 0; r < RoleName.Count; r++)
            {
                DevelopmentKey(deviceId, (Role)r, key, 0);
                Set((Role)r, key, 0, false);
            }
        }

        public string DeviceId { get { return _deviceId; } }

        /// <summary>The development key of a role: HMAC-SHA-256(DevelopmentLabel, device id || role).</summary>
        public static void DevelopmentKey(string deviceId, Role role, byte[] into, int offset)
        {
            HmacSha256 mac = new HmacSha256(Ascii(DevelopmentLabel));
            byte[] id = Ascii(deviceId);
            mac.Append(id, 0, id.Length);
            byte[] r = new byte[] { (byte)role };
            mac.Append(r, 0, 1);
            mac.Finish(into, offset);
        }

        public HmacSha256 Mac(Role role) { return _macs[(int)role]!; }

        /// <summary>False while the role still has its development key.</summary>
        public bool Provisioned(Role role) { return _provisioned[(int)role]; }

        /// <summary>True while any role still has its development key.</summary>
        public bool AnyDevelopmentKey
        {
            get
            {
                for (int r = 0; r < RoleName.Count; r++) if (!_provisioned[r]) return true;
                return false;
            }
        }

        /// <summary>Copies the key of <paramref name="role"/> (the key store saves it).</summary>
        public void CopyKey(Role role, byte[] into, int offset)
        {
            System.Array.Copy(_keys, (int)role * KeyBytes, into, offset, KeyBytes);
        }

        public void Set(Role role, byte[] key, int offset, bool provisioned)
        {
            System.Array.Copy(key, offset, _keys, (int)role * KeyBytes, KeyBytes);
            byte[] copy = new byte[KeyBytes];
            System.Array.Copy(key, offset, copy, 0, KeyBytes);
            _macs[(int)role] = new HmacSha256(copy);
            _provisioned[(int)role] = provisioned;
        }

        private static byte[] Ascii(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++) bytes[i] = (byte)(text[i] & 0x7F);
            return bytes;
        }
    }
}
