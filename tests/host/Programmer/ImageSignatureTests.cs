using OpenIdds.Programmer.Cli;

namespace OpenIdds.Tests.Host.Programmer;

/// <summary>SIGNED-IMAGES: `iddsctl image` signs a release and verifies it before a deploy; any other bytes or key fail.</summary>
[TestClass]
public class ImageSignatureTests
{
    private static (int Exit, string Output) Iddsctl(params string[] args)
    {
        var output = new StringWriter();
        int exit = IddsCtl.Run(args, output, new StringReader(""));
        return (exit, output.ToString());
    }

    [TestMethod]
    public void A_signed_image_verifies_and_a_changed_byte_or_another_key_does_not()
    {
        string folder = Directory.CreateTempSubdirectory("openidds-image-").FullName;
        try
        {
            string image = Path.Combine(folder, "OpenIdds.bin"), key = Path.Combine(folder, "release.key"), pub = Path.Combine(folder, "release.pub");
            var bytes = new byte[4096];
            new Random(7).NextBytes(bytes);
            File.WriteAllBytes(image, bytes);
            Assert.AreEqual(0, Iddsctl("image", "keygen", "--private", key, "--public", pub).Exit);
            var signed = Iddsctl("image", "sign", image, "--private", key);
            Assert.AreEqual(0, signed.Exit, signed.Output);
            var good = Iddsctl("image", "verify", image, "--public", pub);
            Assert.AreEqual(0, good.Exit, good.Output);
            StringAssert.Contains(good.Output, "signature verifies");

            bytes[1234] ^= 0x10;   // one flipped bit: a damaged download, or a patched image
            File.WriteAllBytes(image, bytes);
            var changed = Iddsctl("image", "verify", image, "--public", pub);
            Assert.AreEqual(1, changed.Exit, changed.Output);
            StringAssert.Contains(changed.Output, "Do not flash it");

            bytes[1234] ^= 0x10;
            File.WriteAllBytes(image, bytes);
            string otherKey = Path.Combine(folder, "other.key"), otherPub = Path.Combine(folder, "other.pub");
            Iddsctl("image", "keygen", "--private", otherKey, "--public", otherPub);
            Assert.AreEqual(1, Iddsctl("image", "verify", image, "--public", otherPub).Exit, "a signature under another key");

            File.Delete(image + ".sig");
            var unsigned = Iddsctl("image", "verify", image, "--public", pub);
            Assert.AreEqual(2, unsigned.Exit, unsigned.Output);
            StringAssert.Contains(unsigned.Output, "OpenIdds.bin.sig does not exist");
            Assert.AreEqual(2, Iddsctl("image", "keygen", "--private", key, "--public", pub).Exit, "a release key is never overwritten");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
