using OpenIdds.Firmware.Persistence;
using OpenIdds.Firmware.Protocol;
using OpenIdds.Programmer.Link;
using OpenIdds.Programmer.Records;

namespace OpenIdds.Tests.Host.Records;

/// <summary>An authentication failure in the export names its protocol status, not only its number (ProtocolEventText).</summary>
[TestClass]
public class AuthenticationFailedTextTests
{
    [TestMethod]
    public void An_exported_authentication_failure_names_its_status()
    {
        var failures = new[] { ProtocolStatus.WrongRole, ProtocolStatus.BadMac, ProtocolStatus.Replay, ProtocolStatus.CounterAhead };
        var events = failures.Select((status, i) => new LoggedEvent((uint)(i + 1), (int)EventKind.AuthenticationFailed, 1_000 * i, 1, (long)status)).ToList();
        var snapshot = new PumpSnapshot("d", "f", DateTimeOffset.UnixEpoch, null, null, 50, events);
        var details = SnapshotFile.Rows(snapshot).Select(r => r.Detail).ToList();
        CollectionAssert.AreEqual(new[]
        {
            "clinician, status 7 (wrong-role)", "clinician, status 8 (bad-mac)", "clinician, status 9 (replay)", "clinician, status 12 (counter-ahead)",
        }, details);
    }
}
