using OpenIdds.Firmware.Persistence;

namespace OpenIdds.Tests.Unit
{
    [TestClass]
    public class Crc32Tests
    {
        [TestMethod]
        public void The_check_value_of_123456789_is_CBF43926()
        {
            byte[] data = new byte[] { 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39 };
            Assert.AreEqual(0xCBF43926u, Crc32.Compute(data, 0, data.Length));
        }

        [TestMethod]
        public void The_empty_input_gives_zero_and_one_flipped_bit_changes_it()
        {
            byte[] data = new byte[16];
            Assert.AreEqual(0u, Crc32.Compute(data, 0, 0));
            uint before = Crc32.Compute(data, 0, 16);
            data[7] ^= 0x10;
            Assert.IsTrue(Crc32.Compute(data, 0, 16) != before);
        }

        [TestMethod]
        public void Four_bytes_at_a_time_give_the_bit_by_bit_CRC_at_every_offset_and_length()
        {
            byte[] data = new byte[40];
            for (int i = 0; i < data.Length; i++) data[i] = (byte)(i * 37 + 11);
            for (int offset = 0; offset < 5; offset++)
            {
                for (int count = 0; offset + count <= data.Length; count++)
                {
                    Assert.AreEqual(BitByBit(data, offset, count), Crc32.Compute(data, offset, count));
                }
            }
        }

        /// <summary>The definition, one bit at a time, with no table.</summary>
        private static uint BitByBit(byte[] data, int offset, int count)
        {
            uint crc = 0xFFFFFFFF;
            for (int i = offset; i < offset + count; i++)
            {
                crc ^= data[i];
                for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
            }
            return crc ^ 0xFFFFFFFF;
        }
    }
}
