using OpenIdds.Firmware.Persistence;
using OpenIdds.Firmware.Protocol;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Units;
using OpenIdds.Programmer.Link;

namespace OpenIdds.Tests.Host.Protocol;

/// <summary>CATHETER-RELEARN-ON-REVISION over the wire: a clinician's authenticated command; a patient's key cannot send it.</summary>
[TestClass]
public sealed class CatheterRevisedCommandTests
{
    [TestMethod]
    public void A_clinician_reports_a_revision_and_a_patient_key_cannot()
    {
        var linked = new LinkedPump();
        uint newest = linked.Rig.Pump.Events.Newest;
        var e = Assert.ThrowsExactly<LinkException>(() => linked.Client.Send(Role.Patient, CommandTable.CatheterRevised, Array.Empty<byte>()));
        StringAssert.Contains(e.Message, "not allowed for the patient role");
        Assert.IsFalse(Revisions(linked, newest), "a refused command changes nothing");

        var (discarded, left) = new PumpCommands(linked.Client).CatheterRevised();
        Assert.IsFalse(discarded, "this pump had learned no baseline");
        Assert.AreEqual(CatheterIntegrityMonitor.BaselineBursts, left);
        Assert.IsTrue(Revisions(linked, newest), "the revision is in the event log");
    }

    private static bool Revisions(LinkedPump linked, uint after)
    {
        for (uint s = after + 1; s <= linked.Rig.Pump.Events.Newest; s++)
            if (linked.Rig.Pump.Events.Read(s, out EventKind kind, out Milliseconds _, out long _, out long _) && kind == EventKind.CatheterRevised) return true;
        return false;
    }
}
