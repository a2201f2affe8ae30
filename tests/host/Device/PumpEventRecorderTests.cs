using OpenIdds.Firmware.Device;
using OpenIdds.Firmware.Persistence;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;
using OpenIdds.Hal.Storage;

namespace OpenIdds.Tests.Host.Device;

/// <summary>One event path: every record the therapy reports reaches the event log from PumpEventRecorder.</summary>
[TestClass]
public sealed class PumpEventRecorderTests
{
    [TestMethod]
    public void Every_therapy_record_kind_is_logged_with_its_figure()
    {
        foreach (TherapyRecordKind kind in Enum.GetValues<TherapyRecordKind>())
        {
            var log = new EventLog(new RamFlash(4096, 4, 100_000), 0, 4);
            var recorder = new PumpEventRecorder(log, new JournalRequest());
            recorder.Record(new Milliseconds(1_000), kind, TherapyError.None, 12_345, "a record of " + kind);
            Assert.AreEqual(1u, log.Newest, kind + " was not logged");
        }
    }

    [TestMethod]
    public void A_granted_bolus_is_logged_with_the_volume_the_therapy_granted()
    {
        var log = new EventLog(new RamFlash(4096, 4, 100_000), 0, 4);
        var recorder = new PumpEventRecorder(log, new JournalRequest());
        recorder.Record(new Milliseconds(1_000), TherapyRecordKind.ClinicianBolusGranted, TherapyError.None, 25_000, "clinician bolus");
        Assert.IsTrue(log.Read(log.Newest, out EventKind kind, out _, out long who, out long volume));
        Assert.AreEqual(EventKind.BolusGranted, kind);
        Assert.AreEqual(2L, who);
        Assert.AreEqual(25_000L, volume);
    }
}
