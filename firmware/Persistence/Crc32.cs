namespace OpenIdds.Firmware.Persistence
{
    /// <summary>
    /// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320, init and final XOR 0xFFFFFFFF - the zip/PNG
    /// CRC), table-driven. It detects every single-bit and every double-bit error in a record, and
    /// every burst up to 32 bits: a flipped or torn record is never taken for a good one.
    /// Four bytes are folded per step with four 256-entry tables ("slice-by-4", 4 KiB): the same CRC
    /// as one byte at a time, in about a third of the time - every journal record is checked at least
    /// once when written and once when its page is reused, and every slot at start-up.
    /// </summary>
    public static class Crc32
    {
        private const int Slices = 4;

        /// <summary>Slice k at [k * 256]: slice 0 is the classic byte table; slice k is a byte followed by k zero bytes.</summary>
        private static readonly uint[] Table = Build();

        public static uint Compute(byte[] data, int offset, int count)
        {
            uint[] t = Table;
            uint crc = 0xFFFFFFFF;
            int i = offset;
            int end = offset + count;
            for (; i + Slices <= end; i += Slices)
            {
                crc ^= (uint)(data[i] | data[i + 1] << 8 | data[i + 2] << 16 | data[i + 3] << 24);
                crc = t[768 + (crc & 0xFF)] ^ t[512 + ((crc >> 8) & 0xFF)] ^ t[256 + ((crc >> 16) & 0xFF)] ^ t[crc >> 24];
            }
            for (; i < end; i++) crc = t[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
            return crc ^ 0xFFFFFFFF;
        }

        private static uint[] Build()
        {
            uint[] table = new uint[Slices * 256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
                table[n] = c;
            }
            for (int slice = 1; slice < Slices; slice++)
            {
                for (int n = 0; n < 256; n++)
                {
                    uint previous = table[(slice - 1) * 256 + n];
                    table[slice * 256 + n] = (previous >> 8) ^ table[previous & 0xFF];
                }
            }
            return table;
        }
    }
}
