using OpenIdds.Firmware.Protocol;

namespace OpenIdds.Tests.Unit.Protocol
{
    /// <summary>X25519 against RFC 7748: the two scalar-multiplication vectors and the first iteration of section 5.2, and the Diffie-Hellman example of section 6.1.</summary>
    [TestClass]
    public class X25519VectorTests
    {
        private static string Multiply(string scalar, string u)
        {
            byte[] into = new byte[X25519.Bytes];
            X25519.ScalarMultiply(HexText.Parse(scalar), HexText.Parse(u), into);
            return HexText.Of(into);
        }

        [TestMethod]
        public void X25519_matches_the_rfc_7748_section_5_2_vectors()
        {
            Assert.AreEqual("c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552",
                Multiply("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4", "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c"));
            // The top bit of this u is set: X25519 ignores it.
            Assert.AreEqual("95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957",
                Multiply("4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d", "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493"));
        }

        [TestMethod]
        public void X25519_matches_the_first_iteration_of_rfc_7748_section_5_2()
        {
            string nine = "0900000000000000000000000000000000000000000000000000000000000000";
            Assert.AreEqual("422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079", Multiply(nine, nine));
        }

        [TestMethod]
        public void X25519_matches_the_rfc_7748_section_6_1_key_exchange()
        {
            string alice = "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a";
            string bob = "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb";
            byte[] alicePublic = new byte[X25519.Bytes];
            byte[] bobPublic = new byte[X25519.Bytes];
            X25519.PublicKey(HexText.Parse(alice), alicePublic);
            X25519.PublicKey(HexText.Parse(bob), bobPublic);
            Assert.AreEqual("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a", HexText.Of(alicePublic));
            Assert.AreEqual("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f", HexText.Of(bobPublic));
            string shared = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";
            Assert.AreEqual(shared, Multiply(alice, HexText.Of(bobPublic)));
            Assert.AreEqual(shared, Multiply(bob, HexText.Of(alicePublic)));
        }

        [TestMethod]
        public void A_small_order_point_gives_the_all_zero_output_that_key_agreement_refuses()
        {
            byte[] into = new byte[X25519.Bytes];
            X25519.ScalarMultiply(HexText.Parse("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"), new byte[X25519.Bytes], into);
            Assert.IsTrue(X25519.IsZero(into));
        }
    }
}
