using OpenIdds.Firmware.Persistence;
using OpenIdds.Firmware.Protocol;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;
using OpenIdds.Programmer.Link;
using OpenIdds.Tests.Host.Device;

namespace OpenIdds.Tests.Host.Protocol;

/// <summary>
/// The device protocol end to end in one thread: a programmer (the real ProtocolClient of iddsctl)
/// and the whole pump on an in-memory link. Every refusal is tested both ways: the bad frame is
/// answered with its own status and changes nothing; the good one works.
/// </summary>
[TestClass]
public class ProtocolEndpointTests
{
    [TestMethod]
    public void Hello_names_the_device_and_its_counters_without_any_key()
    {
        var linked = new LinkedPump();
        var hello = linked.Client.Connect();
        Assert.AreEqual("TEST-0001", hello.DeviceId);
        Assert.AreEqual(Frame.Version, hello.ProtocolVersion);
        Assert.AreEqual(0b111, hello.DevelopmentKeys, "every role still has its development key");
    }

    [TestMethod]
    public void An_authenticated_status_read_returns_the_therapy_and_its_answer_verifies()
    {
        var linked = new LinkedPump();
        var status = new PumpCommands(linked.Client).Status(Role.Clinician);
        Assert.AreEqual("morphine", status.Prescription.Drug.Name);
        Assert.AreEqual(20_000L, status.Prescription.Rate.Value);
        Assert.IsTrue(status.DevelopmentKeys);
        Assert.IsTrue(status.ReservoirComputed > Nanoliters.FromMilliliters(19).Value);
        Assert.IsFalse(status.ReservoirMeasuredValid, "no level sensor: the measured reservoir is reported as absent, not as the computed one");
        Assert.IsFalse(status.LevelSensorFitted, "and as absent because there is no sensor, not because it failed");
    }

    [TestMethod]
    public void A_clinician_programs_and_a_patient_key_cannot()
    {
        var linked = new LinkedPump();
        var commands = new PumpCommands(linked.Client);
        string before = linked.Fingerprint();
        var e = Assert.ThrowsExactly<LinkException>(() => linked.Client.Send(Role.Patient, CommandTable.Program, new byte[] { 0 }));
        StringAssert.Contains(e.Message, "not allowed for the patient role");
        Assert.AreEqual(before, linked.Fingerprint());
        commands.Program(PumpRig.Continuous(25), confirmed: false, reviewOnly: true);
        var (report, daily, _) = commands.Program(PumpRig.Continuous(25), confirmed: true, reviewOnly: false);
        Assert.IsTrue(report.IsAccepted, string.Join("; ", report.Messages.Take(report.Count)));
        Assert.AreEqual(6_000_000L, daily, "25 uL/h of 10 mg/mL is 6 mg a day");
        Assert.AreEqual(25_000L, linked.Rig.Pump.Therapy.Prescription.Rate.Value);
    }

    [TestMethod]
    public void A_review_reports_soft_limits_and_changes_nothing()
    {
        var linked = new LinkedPump();
        var commands = new PumpCommands(linked.Client);
        string before = linked.Fingerprint(counters: false);
        var (report, _, _) = commands.Program(PumpRig.Continuous(50), confirmed: false, reviewOnly: true);
        Assert.AreEqual(OpenIdds.Firmware.Protocol.Messages.ReportMessage.NeedsConfirmation, report.Verdict);
        Assert.IsTrue(report.Codes.Take(report.Count).Contains((int)TherapyError.DailyDoseAboveSoftLimit));
        Assert.AreEqual(before, linked.Fingerprint(counters: false));
    }

    [TestMethod]
    public void A_wrong_key_is_refused_logged_and_changes_nothing()
    {
        var linked = new LinkedPump();
        linked.Keys[Role.Clinician] = new byte[32];
        string before = linked.Fingerprint();
        var e = Assert.ThrowsExactly<LinkException>(() => new PumpCommands(linked.Client).Program(PumpRig.Continuous(25), true, false));
        StringAssert.Contains(e.Message, "refused the clinician key");
        StringAssert.Contains(e.Message, "iddsctl keys dev --device TEST-0001");
        Assert.AreEqual(before, linked.Fingerprint());
        Assert.IsTrue(Events(linked).Any(x => x.Kind == EventKind.AuthenticationFailed && x.B == (long)ProtocolStatus.BadMac));
    }

    [TestMethod]
    public void A_replayed_bolus_request_is_refused_and_the_counter_survives_a_reset()
    {
        var linked = new LinkedPump();
        linked.Client.Connect();
        uint counter = linked.Rig.Pump.ReplayCounters[(int)Role.Patient] + 1;
        byte[] captured = linked.RawRequest(Role.Patient, CommandTable.RequestBolus, counter, Array.Empty<byte>(), linked.Keys[Role.Patient]);
        CollectionAssert.AreEqual(new[] { ProtocolStatus.Ok }, linked.Feed(captured));
        Assert.AreEqual(1, linked.Rig.Pump.Therapy.PatientBolusesGranted);
        string before = linked.Fingerprint();
        CollectionAssert.AreEqual(new[] { ProtocolStatus.Replay }, linked.Feed(captured));
        Assert.AreEqual(before, linked.Fingerprint());

        // A reset: the counter was journaled with the grant, so the capture is still a replay.
        linked.Rig.PowerCycle();
        linked.Rig.PassSelfTest();
        linked.Rig.RunFor(Milliseconds.FromHours(3));
        CollectionAssert.AreEqual(new[] { ProtocolStatus.Replay }, linked.Feed(captured));
        Assert.AreEqual(1, linked.Rig.Pump.Therapy.PatientBolusesGranted);
    }

    [TestMethod]
    public void Repeated_authentication_failures_start_a_logged_lockout_and_the_right_key_still_works_at_once()
    {
        var linked = new LinkedPump();
        var bad = new byte[32];
        for (int i = 0; i < AuthFailureLimiter.FailuresAllowed + 1; i++)
            CollectionAssert.AreEqual(new[] { ProtocolStatus.BadMac }, linked.Feed(linked.RawRequest(Role.Clinician, CommandTable.ReadStatus, 100 + (uint)i, Array.Empty<byte>(), bad)));
        Assert.IsTrue(Events(linked).Any(x => x.Kind == EventKind.AuthenticationLockout), "the lockout is logged");
        uint newest = linked.Rig.Pump.Events.Newest;
        linked.Feed(linked.RawRequest(Role.Clinician, CommandTable.ReadStatus, 300, Array.Empty<byte>(), bad));
        Assert.AreEqual(newest, linked.Rig.Pump.Events.Newest, "a failure during the lockout is not logged");
        // VALID-KEY-NEVER-LOCKED-OUT: the right key is not refused because someone else guessed wrong.
        var good = linked.RawRequest(Role.Clinician, CommandTable.ReadStatus, 200, Array.Empty<byte>(), linked.Keys[Role.Clinician]);
        CollectionAssert.AreEqual(new[] { ProtocolStatus.Ok }, linked.Feed(good));
    }

    [TestMethod]
    public void Each_kind_of_bad_frame_gets_its_own_status_and_changes_nothing()
    {
        var linked = new LinkedPump();
        byte[] key = linked.Keys[Role.Clinician];
        string before = linked.Fingerprint();
        byte[] Sealed(Action<byte[]> edit, int payload = 0, bool fixCrc = true)
        {
            var frame = new byte[Frame.MaxFrame];
            Frame.RequestHeader(frame, 7, Role.Clinician, CommandTable.ReadStatus, 50);
            int length = Frame.Seal(frame, Frame.RequestHeaderBytes, payload, new HmacSha256(key));
            edit(frame);
            if (fixCrc) Frame.PutU16(frame, length - 2, Crc16.Compute(frame, 0, length - 2));
            return LinkedPump.Stuff(frame, length);
        }
        var cases = new (string Name, byte[] Wire, ProtocolStatus Expected)[]
        {
            ("broken COBS", new byte[] { 5, 1, 2, 0 }, ProtocolStatus.Malformed),
            ("too short", LinkedPump.Stuff(new byte[] { 1, 0, 1, 0 }, 4), ProtocolStatus.Truncated),
            ("bad CRC", Sealed(f => f[20] ^= 1, fixCrc: false), ProtocolStatus.BadCrc),
            ("version 2", Sealed(f => f[0] = 2), ProtocolStatus.UnsupportedVersion),
            ("a response, not a request", Sealed(f => f[1] = Frame.ResponseType), ProtocolStatus.Malformed),
            ("unknown command", Sealed(f => f[5] = 0x7E), ProtocolStatus.UnknownCommand),
            ("role 9", Sealed(f => f[4] = 9), ProtocolStatus.WrongRole),
            ("stated payload longer than the frame", Sealed(f => Frame.PutU16(f, 10, 40)), ProtocolStatus.Truncated),
            ("a payload beyond the limit", Sealed(f => Frame.PutU16(f, 10, Frame.MaxPayload + 1)), ProtocolStatus.Oversize),
            ("MAC over other bytes", Sealed(f => f[6] ^= 0x40), ProtocolStatus.BadMac),
            ("oversize on the wire", Enumerable.Repeat((byte)0x55, Frame.MaxEncoded + 10).Append((byte)0).ToArray(), ProtocolStatus.Oversize),
        };
        foreach (var (name, wire, expected) in cases)
        {
            var answers = linked.Feed(wire);
            CollectionAssert.AreEqual(new[] { expected }, answers, name);
            Assert.AreEqual(before, linked.Fingerprint(), name + " changed the pump");
            linked.Rig.RunFor(AuthFailureLimiter.FirstLockout + AuthFailureLimiter.MaxLockout);
        }
    }

    [TestMethod]
    public void A_payload_that_does_not_parse_is_answered_naming_the_field_and_changes_nothing()
    {
        var linked = new LinkedPump();
        string before = linked.Fingerprint(counters: false);
        var e = Assert.ThrowsExactly<LinkException>(() => linked.Client.Send(Role.Clinician, CommandTable.Program, new byte[] { 1, 7 }));
        StringAssert.Contains(e.Message, "program.prescription.mode");
        StringAssert.Contains(e.Message, "7 is outside the limit 0..3");
        Assert.AreEqual(before, linked.Fingerprint(counters: false));
    }

    [TestMethod]
    public void A_provisioned_key_replaces_the_development_key_and_survives_a_reset()
    {
        var linked = new LinkedPump();
        var commands = new PumpCommands(linked.Client);
        Assert.IsTrue(linked.Rig.Pump.Program(Prescription.Stopped(linked.Rig.Pump.Therapy.Prescription.Drug), confirmed: true).Accepted, "PROVISION-WHILE-STOPPED");
        var agreement = OpenIdds.Programmer.Keys.ProgrammerKeyAgreement.Derive(PumpRig.LabelKey, Role.Clinician);
        Assert.IsTrue(agreement.Confirms(commands.ProvisionKey(Role.Clinician, agreement.ProgrammerPublic)), "the device confirms the agreed key");
        var newKey = agreement.Key;
        Assert.IsTrue(linked.Rig.Pump.Keys.Provisioned(Role.Clinician));
        Assert.ThrowsExactly<LinkException>(() => commands.Status(Role.Clinician), "the development key no longer works");
        linked.Keys[Role.Clinician] = newKey;
        Assert.AreEqual("morphine", commands.Status(Role.Clinician).Prescription.Drug.Name);
        linked.Rig.RunFor(AuthFailureLimiter.MaxLockout);
        linked.Rig.PowerCycle();
        linked.Rig.PassSelfTest();
        Assert.IsTrue(linked.Rig.Pump.Keys.Provisioned(Role.Clinician), "the key store survives a reset");
        Assert.AreEqual("morphine", commands.Status(Role.Clinician).Prescription.Drug.Name);
    }

    [TestMethod]
    public void A_forged_answer_is_refused_by_the_programmer()
    {
        var linked = new LinkedPump();
        linked.Client.Connect();
        // An impostor rewrites the pump's answer (a different reservoir, say) and fixes the CRC: only the MAC can tell.
        linked.Link.Tamper = wire =>
        {
            var frame = new byte[OpenIdds.Firmware.Protocol.Frame.MaxFrame];
            int n = Cobs.Decode(wire, wire.Length - 1, frame);
            if (n < Frame.MinResponse) return wire;
            frame[Frame.ResponseHeaderBytes + 12] ^= 0x01;
            Frame.PutU16(frame, n - 2, Crc16.Compute(frame, 0, n - 2));
            return LinkedPump.Stuff(frame, n);
        };
        var e = Assert.ThrowsExactly<LinkException>(() => new PumpCommands(linked.Client).Status(Role.Clinician));
        StringAssert.Contains(e.Message, "did not verify under the clinician key");
        linked.Link.Tamper = null;
        Assert.AreEqual("morphine", new PumpCommands(linked.Client).Status(Role.Clinician).Prescription.Drug.Name, "the untampered answer verifies");
    }

    [TestMethod]
    public void The_event_log_exports_page_by_page_oldest_first()
    {
        var linked = new LinkedPump();
        linked.Rig.RunFor(Milliseconds.FromDays(3));
        var events = new PumpCommands(linked.Client).ExportAll(Role.Clinician);
        Assert.IsTrue(events.Count > OpenIdds.Firmware.Protocol.Messages.EventPageMessage.MaxEvents, $"{events.Count} events: more than one page");
        CollectionAssert.AreEqual(events.Select(e => e.Sequence).OrderBy(s => s).ToList(), events.Select(e => e.Sequence).ToList());
        Assert.AreEqual(events.Count, events.Select(e => e.Sequence).Distinct().Count());
        Assert.IsTrue(events.Count(e => e.Kind == (int)EventKind.HourlyDelivery) >= 70);
    }

    private static List<(EventKind Kind, long A, long B)> Events(LinkedPump linked)
    {
        var log = linked.Rig.Pump.Events;
        var list = new List<(EventKind, long, long)>();
        for (uint s = log.Oldest; s != 0 && s <= log.Newest; s++)
            if (log.Read(s, out var kind, out _, out var a, out var b)) list.Add((kind, a, b));
        return list;
    }
}
