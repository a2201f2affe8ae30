using OpenIdds.Firmware.Protocol;
using OpenIdds.Firmware.Protocol.Messages;
using OpenIdds.Firmware.Units;
using OpenIdds.Programmer.Records;
using OpenIdds.Tests.Host.Device;

namespace OpenIdds.Tests.Host.Protocol;

/// <summary>
/// The status carries the calibration, so the programmer turns the pump's steps into the volume the
/// pump counts (docs/records.md); a status from a pump that does not send it still reads, as unknown.
/// </summary>
[TestClass]
public class StatusCalibrationTests
{
    private static byte[] Payload(StatusMessage m)
    {
        var w = new PayloadWriter(4096);
        m.Write(w);
        return w.Buffer[w.Start..(w.Start + w.Length)];
    }

    [TestMethod]
    public void The_status_carries_the_calibration_and_a_status_without_it_reads_as_unknown()
    {
        var rig = new PumpRig();
        rig.Boot();
        rig.PassSelfTest();
        rig.Fill();
        Assert.IsTrue(rig.Pump.Program(PumpRig.Continuous(), confirmed: true).Accepted);
        rig.RunFor(Milliseconds.FromHours(3));
        var sent = rig.Pump.Status();
        Assert.AreEqual(rig.Pump.Calibration.PicolitersPerStep, sent.PicolitersPerStep);
        Assert.IsTrue(sent.StepsTaken > 0);

        byte[] payload = Payload(sent);
        var r = new PayloadReader(payload, 0, payload.Length);
        var received = StatusMessage.Read(r);
        Assert.IsTrue(r.Ok);
        Assert.AreEqual(sent.PicolitersPerStep, received.PicolitersPerStep);
        var report = SessionReport.From(new PumpSnapshot("PUMP", "", DateTimeOffset.UnixEpoch, received, null, 50, []));
        Assert.AreEqual(rig.Pump.Controller.Delivered.Value, report.DeliveredNanoliters);

        // An older pump sends neither the calibration nor, after it, the unconfirmed lead (8 bytes each),
        // nor the sum over past restarts (16 bytes).
        var older = new PayloadReader(payload, 0, payload.Length - 32);
        var withoutIt = StatusMessage.Read(older);
        Assert.IsTrue(older.Ok, older.FailedField + ": " + older.FailedWhy);
        Assert.AreEqual(0, withoutIt.PicolitersPerStep);
        Assert.AreEqual(-1, withoutIt.StepsUnconfirmed, "unknown");
        Assert.AreEqual(-1, withoutIt.StepsUnconfirmedPastRestarts, "unknown");
        Assert.AreEqual(sent.StepsTaken, withoutIt.StepsTaken);
        Assert.IsNull(SessionReport.From(new PumpSnapshot("PUMP", "", DateTimeOffset.UnixEpoch, withoutIt, null, 50, [])).DeliveredNanoliters);
    }
}
