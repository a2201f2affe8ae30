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
    }
}
