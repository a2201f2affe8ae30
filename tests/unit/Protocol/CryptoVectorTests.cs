using OpenIdds.Firmware.Protocol;

namespace OpenIdds.Tests.Unit.Protocol
{
    /// <summary>SHA-256 against the NIST FIPS 180 examples, HMAC-SHA-256 against RFC 4231, CRC-16 against its check value.</summary>
    [TestClass]
    public class CryptoVectorTests
    {
        private static byte[] Ascii(string s)
        {
            byte[] b = new byte[s.Length];
            for (int i = 0; i < s.Length; i++) b[i] = (byte)s[i];
            return b;
        }

        private static byte[] Repeat(byte value, int count)
        {
            byte[] b = new byte[count];
            for (int i = 0; i < count; i++) b[i] = value;
            return b;
        }

        private static string Sha(byte[] data)
        {
            Sha256 sha = new Sha256();
            sha.Append(data, 0, data.Length);
            byte[] hash = new byte[32];
            sha.Finish(hash, 0);
            return HexText.Of(hash);
        }

        private static string Hmac(byte[] key, byte[] data)
        {
            HmacSha256 mac = new HmacSha256(key);
            mac.Append(data, 0, data.Length);
            byte[] tag = new byte[32];
            mac.Finish(tag, 0);
            return HexText.Of(tag);
        }

        [TestMethod]
        public void Sha256_matches_the_nist_examples()
        {
            Assert.AreEqual("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Sha(new byte[0]));
            Assert.AreEqual("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha(Ascii("abc")));
            Assert.AreEqual("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1", Sha(Ascii("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")));
            Assert.AreEqual("cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1",
                Sha(Ascii("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu")));
        }

        [TestMethod]
        public void Sha256_of_one_million_a_matches_nist()
        {
            Assert.AreEqual("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", Sha(Repeat((byte)'a', 1000000)));
        }

        [TestMethod]
        public void Hmac_sha256_matches_rfc_4231_cases_1_to_7()
        {
            Assert.AreEqual("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7", Hmac(Repeat(0x0b, 20), Ascii("Hi There")));
            Assert.AreEqual("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", Hmac(Ascii("Jefe"), Ascii("what do ya want for nothing?")));
            Assert.AreEqual("773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe", Hmac(Repeat(0xaa, 20), Repeat(0xdd, 50)));
            Assert.AreEqual("82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
                Hmac(HexText.Parse("0102030405060708090a0b0c0d0e0f10111213141516171819"), Repeat(0xcd, 50)));
            Assert.AreEqual("a3b6167473100ee06e0c796c2955552b", Hmac(Repeat(0x0c, 20), Ascii("Test With Truncation")).Substring(0, 32));
            Assert.AreEqual("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
                Hmac(Repeat(0xaa, 131), Ascii("Test Using Larger Than Block-Size Key - Hash Key First")));
            Assert.AreEqual("9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
                Hmac(Repeat(0xaa, 131), Ascii("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.")));
        }

        [TestMethod]
        public void Tags_compare_equal_only_when_every_byte_matches()
        {
            byte[] a = Repeat(7, 32), b = Repeat(7, 32);
            Assert.IsTrue(HmacSha256.TagsEqual(a, 0, b, 0, 32));
            b[31] = 8;
            Assert.IsFalse(HmacSha256.TagsEqual(a, 0, b, 0, 32));
        }

        [TestMethod]
        public void Crc16_ccitt_false_of_123456789_is_29B1()
        {
            byte[] data = Ascii("123456789");
            Assert.AreEqual(0x29B1, (int)Crc16.Compute(data, 0, data.Length));
        }

        [TestMethod]
        public void Cobs_removes_every_zero_and_round_trips()
        {
            byte[] input = new byte[] { 0, 1, 0, 0, 2, 3, 0 };
            byte[] encoded = new byte[16];
            int n = Cobs.Encode(input, 0, input.Length, encoded);
            for (int i = 0; i < n; i++) Assert.IsTrue(encoded[i] != 0, "a zero inside an encoded frame");
            byte[] decoded = new byte[16];
            Assert.AreEqual(input.Length, Cobs.Decode(encoded, n, decoded));
            for (int i = 0; i < input.Length; i++) Assert.AreEqual(input[i], decoded[i]);
        }

        [TestMethod]
        public void A_malformed_cobs_frame_is_refused()
        {
            byte[] output = new byte[16];
            Assert.AreEqual(-1, Cobs.Decode(new byte[] { 5, 1, 2 }, 3, output), "a code that runs past the end");
            Assert.AreEqual(-1, Cobs.Decode(new byte[] { 0, 1 }, 2, output), "a zero code");
        }
    }
}
