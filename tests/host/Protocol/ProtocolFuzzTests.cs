using OpenIdds.Simulator.Device;

namespace OpenIdds.Tests.Host.Protocol;

/// <summary>
/// The fuzzing harness in the suite (the measurement runs a million: `dotnet run -c Release --project
/// measurements -- fuzz`). 10,000 random and mutated frames change nothing, crash nothing, hang nothing;
/// 2,000 authenticated frames with random payloads answer Ok or BadPayload, and a BadPayload changes nothing.
/// </summary>
[TestClass]
public class ProtocolFuzzTests
{
    [TestMethod]
    [Timeout(120_000)]
    public void Ten_thousand_random_and_mutated_frames_change_nothing_and_crash_nothing()
    {
        var fuzzer = new FrameFuzzer(seed: 20261201);
        var result = fuzzer.Unauthenticated(10_000);
        Console.WriteLine("protocol fuzz (suite): " + result);
        Assert.AreEqual(0, result.Failures.Count, string.Join(Environment.NewLine, result.Failures.Take(10)));
        Assert.AreEqual(10_000, result.Frames);
        // The mix must reach every layer, or it proves little.
        foreach (var status in new[] { OpenIdds.Firmware.Protocol.ProtocolStatus.BadCrc, OpenIdds.Firmware.Protocol.ProtocolStatus.Malformed, OpenIdds.Firmware.Protocol.ProtocolStatus.BadMac,
                     OpenIdds.Firmware.Protocol.ProtocolStatus.UnknownCommand, OpenIdds.Firmware.Protocol.ProtocolStatus.WrongRole, OpenIdds.Firmware.Protocol.ProtocolStatus.Truncated,
                     OpenIdds.Firmware.Protocol.ProtocolStatus.UnsupportedVersion })
            Assert.IsTrue(result.ByStatus.GetValueOrDefault(status) > 0, $"no frame reached {status}: {result}");
    }

    [TestMethod]
    [Timeout(120_000)]
    public void Authenticated_frames_with_random_payloads_answer_ok_or_bad_payload_and_bad_payloads_change_nothing()
    {
        var fuzzer = new FrameFuzzer(seed: 7);
        var result = fuzzer.AuthenticatedPayloads(2_000);
        Console.WriteLine("protocol payload fuzz (suite): " + result);
        Assert.AreEqual(0, result.Failures.Count, string.Join(Environment.NewLine, result.Failures.Take(10)));
        Assert.IsTrue(result.ByStatus.GetValueOrDefault(OpenIdds.Firmware.Protocol.ProtocolStatus.BadPayload) > 100, result.ToString());
        Assert.IsTrue(result.ByStatus.GetValueOrDefault(OpenIdds.Firmware.Protocol.ProtocolStatus.Ok) > 100, result.ToString());
    }

    [TestMethod]
    public void The_fuzzer_would_see_a_change_made_without_authentication()
    {
        // The harness checked by mutation: change the pump behind its back and the fingerprint moves.
        var fuzzer = new FrameFuzzer(seed: 1);
        string before = fuzzer.Fingerprint(counters: true);
        fuzzer.Session.Pump.Pump.RequestPatientBolus();
        Assert.AreNotEqual(before, fuzzer.Fingerprint(counters: true));
    }
}
