namespace OpenIdds.Firmware.Protocol
{
    /// <summary>
    /// CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF, no reflection, no final XOR; check value
    /// of "123456789" = 0x29B1) over each frame: it catches line noise; the HMAC, not the CRC, is what
    /// stops a forger.
    /// </summary>
    public static class Crc16
    {
        public static ushort Compute(byte[] data, int offset, int count)
        {
            int crc = 0xFFFF;
            for (int i = offset; i < offset + count; i++)
            {
                crc ^= data[i] << 8;
                for (int b = 0; b < 8; b++) crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x1021) & 0xFFFF : (crc << 1) & 0xFFFF;
            }
            return (ushort)crc;
        }
    }
}
