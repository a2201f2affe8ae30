using System.Text.RegularExpressions;
using OpenIdds.Firmware.Protocol;
using OpenIdds.Tests.Host.Device;

namespace OpenIdds.Tests.Host.Docs;

/// <summary>
/// The provisioning transcript in docs/protocol.md (KEY-AGREEMENT-NOT-WRAP) is what the code computes:
/// the label key from the test device's agreement secret, the key and the confirmation the device derives
/// from the programmer's A, and the listener's development service key, which gives no key.
/// </summary>
[TestClass]
public class ProvisioningTranscriptTests
{
    /// <summary>The backticked hex values of the transcript row whose first cell is <paramref name="step"/>.</summary>
    private static string[] Values(string step)
    {
        string doc = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "protocol.md"));
        string row = doc.Split('\n').SingleOrDefault(l => l.StartsWith($"| {step} |", StringComparison.Ordinal))
            ?? throw new AssertFailedException($"docs/protocol.md: no transcript row '{step}'");
        return Regex.Matches(row, "`([0-9a-f]{6,64})(?:\\.\\.\\.([0-9a-f]{6}))?`").Select(m => m.Value.Trim('`')).ToArray();
    }

    private static byte[] Hex(string text) => Convert.FromHexString(text);

    private static string Text(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

    [TestMethod]
    public void The_transcript_in_the_protocol_doc_is_what_the_device_computes_and_the_development_key_gives_no_key()
    {
        Assert.AreEqual(1, (int)Role.Clinician, "the transcript provisions role 1, the clinician");
        Assert.AreEqual("TEST-0001", PumpRig.SmallSetup(OpenIdds.Firmware.Therapy.PumpStage.Implanted).DeviceId);
        byte[] s = PumpRig.AgreementSecret;
        var label = new byte[X25519.Bytes];
        X25519.PublicKey(s, label);
        Assert.AreEqual(Text(label), Values("label").Single(), "S = X25519(s, 9)");

        byte[] a = Hex(Values("programmer -> device").Single());
        var k = new byte[KeyRing.KeyBytes];
        Assert.IsTrue(KeyAgreement.Derive(s, a, a, label, Role.Clinician, k));
        Assert.AreEqual(Text(k), Values("both, never sent").Single(), "K as the device derives it from s and A");

        var confirmation = new byte[32];
        KeyAgreement.Confirmation(k, a, confirmation);
        Assert.AreEqual(Text(confirmation), Values("device -> programmer").Single(), "the device's confirmation");

        // The listener holds the development service key (the doc abbreviates it): X25519 with it is not Z,
        // and no key it derives is K.
        var dev = new byte[KeyRing.KeyBytes];
        KeyRing.DevelopmentKey("TEST-0001", Role.Service, dev, 0);
        string shown = Values("listener").Single();
        string devText = Text(dev);
        Assert.IsTrue(shown.StartsWith(devText[..8], StringComparison.Ordinal) && shown.EndsWith(devText[^6..], StringComparison.Ordinal), $"the development service key is {devText}, the doc shows {shown}");
        var z = new byte[X25519.Bytes];
        X25519.ScalarMultiply(s, a, z);
        var listenerZ = new byte[X25519.Bytes];
        X25519.ScalarMultiply(dev, a, listenerZ);
        CollectionAssert.AreNotEqual(z, listenerZ, "X25519(development key, A) is not Z");
        var listenerK = new byte[KeyRing.KeyBytes];
        Assert.IsTrue(KeyAgreement.Derive(dev, a, a, label, Role.Clinician, listenerK));
        CollectionAssert.AreNotEqual(k, listenerK, "the development key derives no K");
    }
}
