using OpenIdds.Firmware.Persistence;
using OpenIdds.Hal;

namespace OpenIdds.Firmware.Protocol
{
    /// <summary>
    /// The provisioned keys in flash: a small journal of its own (record kind 3: a flag byte per role,
    /// then the keys), so a torn write during provisioning leaves the previous keys in force and a
    /// flipped bit is a storage fault like any other (docs/persistence.md).
    /// </summary>
    public sealed class KeyStore
    {
        public const int Kind = 3;
        public const int SlotBytes = 128;

        private readonly Journal _journal;
        private readonly byte[] _payload;

        public KeyStore(INonVolatileStore store, int firstPage, int pageCount)
        {
            _journal = new Journal(store, firstPage, pageCount, SlotBytes);
            _payload = new byte[_journal.PayloadBytes];
        }

        /// <summary>Damaged key records found by <see cref="Load"/>.</summary>
        public int DamagedRecords { get { return _journal.DamagedRecords; } }

        /// <summary>Puts the stored keys into <paramref name="ring"/> (roles never provisioned keep their development keys).</summary>
        public void Load(KeyRing ring)
        {
            int kind;
            if (!_journal.Recover(_payload, out kind) || kind != Kind) return;
            for (int r = 0; r < RoleName.Count; r++)
            {
                if (_payload[r] == 1) ring.Set((Role)r, _payload, RoleName.Count + r * KeyRing.KeyBytes, true);
            }
        }

        public void Save(KeyRing ring)
        {
            for (int i = 0; i < _payload.Length; i++) _payload[i] = 0;
            for (int r = 0; r < RoleName.Count; r++)
            {
                _payload[r] = (byte)(ring.Provisioned((Role)r) ? 1 : 0);
                ring.CopyKey((Role)r, _payload, RoleName.Count + r * KeyRing.KeyBytes);
            }
            _journal.Append(Kind, _payload);
        }
    }
}
