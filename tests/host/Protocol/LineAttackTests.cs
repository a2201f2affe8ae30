using OpenIdds.Firmware.Units;
using OpenIdds.Firmware.Protocol;
using OpenIdds.Firmware.Protocol.Messages;
using OpenIdds.Programmer.Link;

namespace OpenIdds.Tests.Host.Protocol;

/// <summary>
/// What an attacker on the serial line, holding no key, tries against the pump and the programmer
/// (docs/protocol.md, "What it cannot do"): each attack is played on the in-memory link against the
/// whole pump and the real ProtocolClient, and must change nothing it should not.
/// </summary>
[TestClass]
public class LineAttackTests
{
    [TestMethod]
    public void A_forged_hello_counter_near_the_top_cannot_lock_a_role_out()
    {
        var linked = new LinkedPump();
        uint before = linked.Rig.Pump.ReplayCounters[(int)Role.Clinician];
        // Hello is unauthenticated: the forger tells the programmer the clinician counter is 2^32 - 2, so
        // its next command would carry the last counter there is.
        linked.Link.Tamper = wire => RewriteHello(wire, hello => hello.Counters[(int)Role.Clinician] = uint.MaxValue - 1);
        var e = Assert.ThrowsExactly<LinkException>(() => new PumpCommands(linked.Client).Status(Role.Clinician));
        StringAssert.Contains(e.Message, "more than 1000 above");
        StringAssert.Contains(e.Message, "tampering");
        Assert.AreEqual(before, linked.Rig.Pump.ReplayCounters[(int)Role.Clinician], "the far counter was not accepted");

        // The line is clean again: a new programmer session works, so the role was never locked out.
        linked.Link.Tamper = null;
        var fresh = new ProtocolClient(linked.Link, (_, role) => linked.Keys[role]);
        Assert.AreEqual("morphine", new PumpCommands(fresh).Status(Role.Clinician).Prescription.Drug.Name);
    }

    [TestMethod]
    public void A_counter_within_the_window_is_accepted_and_one_past_it_is_refused_sealed()
    {
        var linked = new LinkedPump();
        uint last = linked.Rig.Pump.ReplayCounters[(int)Role.Clinician];
        byte[] key = linked.Keys[Role.Clinician];
        string before = linked.Fingerprint();
        var far = linked.RawRequest(Role.Clinician, CommandTable.ReadStatus, last + ProtocolEndpoint.MaxCounterAdvance + 1, Array.Empty<byte>(), key);
        CollectionAssert.AreEqual(new[] { ProtocolStatus.CounterAhead }, linked.Feed(far));
        Assert.AreEqual(before, linked.Fingerprint(), "a counter beyond the window changes nothing");
        var edge = linked.RawRequest(Role.Clinician, CommandTable.ReadStatus, last + ProtocolEndpoint.MaxCounterAdvance, Array.Empty<byte>(), key);
        CollectionAssert.AreEqual(new[] { ProtocolStatus.Ok }, linked.Feed(edge));
    }

    [TestMethod]
    public void An_unsealed_replay_refusal_does_not_make_the_programmer_send_the_command_again()
    {
        var linked = new LinkedPump();
        linked.Client.Connect();
        // A forger answers the programmer's bolus request with "replay" (while, say, holding the real
        // frame back): a programmer that retried on it would have the pump run two requests.
        bool forged = false;
        linked.Link.Tamper = wire =>
        {
            var frame = new byte[Frame.MaxFrame];
            int n = Cobs.Decode(wire, wire.Length - 1, frame);
            if (forged || n < Frame.MinResponse || frame[5] != CommandTable.RequestBolus) return wire;
            forged = true;
            frame[10] = (byte)ProtocolStatus.Replay;
            int length = Frame.Seal(frame, Frame.ResponseHeaderBytes, Frame.GetU16(frame, 11), null);
            return LinkedPump.Stuff(frame, length);
        };
        var therapy = linked.Rig.Pump.Therapy;
        int requestsBefore = therapy.PatientBolusesGranted + therapy.PatientBolusesRefused;
        var e = Assert.ThrowsExactly<LinkException>(() => new PumpCommands(linked.Client).PatientBolus());
        StringAssert.Contains(e.Message, "did not verify");
        Assert.AreEqual(requestsBefore + 1, therapy.PatientBolusesGranted + therapy.PatientBolusesRefused, "the pump saw the request once");
    }

    [TestMethod]
    public void A_sealed_replay_refusal_is_retried_once_with_the_counter_the_device_reports()
    {
        var linked = new LinkedPump();
        var first = new ProtocolClient(linked.Link, (_, role) => linked.Keys[role]);
        var second = new ProtocolClient(linked.Link, (_, role) => linked.Keys[role]);
        first.Connect();
        second.Connect();
        new PumpCommands(second).Status(Role.Clinician);   // moves the clinician counter past first's hello
        Assert.AreEqual("morphine", new PumpCommands(first).Status(Role.Clinician).Prescription.Drug.Name, "first re-read the counter and got through");
    }

    [TestMethod]
    public void Silence_and_refill_begin_journal_their_counters_so_a_capture_replayed_after_a_reset_is_refused()
    {
        var linked = new LinkedPump();
        linked.Client.Connect();
        var silence = linked.RawRequest(Role.Patient, CommandTable.SilenceAlarms, linked.Rig.Pump.ReplayCounters[(int)Role.Patient] + 1, Array.Empty<byte>(), linked.Keys[Role.Patient]);
        var refill = linked.RawRequest(Role.Clinician, CommandTable.RefillBegin, linked.Rig.Pump.ReplayCounters[(int)Role.Clinician] + 1, Array.Empty<byte>(), linked.Keys[Role.Clinician]);
        CollectionAssert.AreEqual(new[] { ProtocolStatus.Ok }, linked.Feed(silence));
        CollectionAssert.AreEqual(new[] { ProtocolStatus.Ok }, linked.Feed(refill));

        linked.Rig.PowerCycle();
        linked.Rig.PassSelfTest();
        Assert.IsFalse(linked.Rig.Pump.RefillOpen, "a reset closes the refill session");
        CollectionAssert.AreEqual(new[] { ProtocolStatus.Replay }, linked.Feed(silence));
        CollectionAssert.AreEqual(new[] { ProtocolStatus.Replay }, linked.Feed(refill));
        Assert.IsFalse(linked.Rig.Pump.RefillOpen, "the replayed refill-begin opened nothing");
    }

    [TestMethod]
    public void A_flood_of_keyless_frames_writes_a_lockouts_worth_of_lines_to_the_event_log_not_one_per_frame()
    {
        var linked = new LinkedPump();
        uint newest = linked.Rig.Pump.Events.Newest;
        // A patient may not program: without any key, each of these is a wrong-role failure.
        int answers = 0;
        for (int i = 0; i < 200; i++)
        {
            var statuses = linked.Feed(linked.RawRequest(Role.Patient, CommandTable.Program, 1, Array.Empty<byte>(), null));
            Assert.IsTrue(statuses.All(s => s == ProtocolStatus.WrongRole));
            answers += statuses.Count;
        }
        Assert.IsTrue(answers <= AnswerBudget.Burst, $"{answers} answers: keyless refusals are rate-limited (KEYLESS-ANSWERS-RATE-LIMITED)");
        long lines = linked.Rig.Pump.Events.Newest - newest;
        Assert.IsTrue(lines <= AuthFailureLimiter.FailuresAllowed + 2, $"{lines} event-log lines for 200 keyless frames: the failures before the lockout and the lockout");
    }

    [TestMethod]
    public void Keyless_wrong_role_frames_every_three_seconds_never_lock_out_the_patient_or_the_clinician()
    {
        var linked = new LinkedPump();
        var patient = new PumpCommands(new ProtocolClient(linked.Link, (_, role) => linked.Keys[role]));
        for (int round = 0; round < 20 * 40; round++)   // 40 minutes
        {
            for (int i = 0; i < 6; i++) linked.Feed(linked.RawRequest(Role.Patient, CommandTable.Program, 1, Array.Empty<byte>(), null));
            linked.Rig.RunFor(Milliseconds.FromSeconds(3));
            if (round % 200 != 199) continue;
            Assert.AreEqual("morphine", patient.Status(Role.Patient).Prescription.Drug.Name, $"patient at round {round}");
            Assert.AreEqual("morphine", patient.Status(Role.Clinician).Prescription.Drug.Name, $"clinician at round {round}");
        }
    }

    [TestMethod]
    public void Bad_macs_claiming_the_clinician_role_do_not_lock_out_the_clinician_or_the_patient()
    {
        var linked = new LinkedPump();
        var bad = new byte[32];
        for (int i = 0; i < 50; i++) linked.Feed(linked.RawRequest(Role.Clinician, CommandTable.ReadStatus, 5000 + (uint)i, Array.Empty<byte>(), bad));
        var commands = new PumpCommands(new ProtocolClient(linked.Link, (_, role) => linked.Keys[role]));
        Assert.AreEqual("morphine", commands.Status(Role.Patient).Prescription.Drug.Name);
        Assert.AreEqual("morphine", commands.Status(Role.Clinician).Prescription.Drug.Name);
    }

    /// <summary>Decodes a Hello answer, lets <paramref name="change"/> alter it, and re-seals it (Hello carries no MAC, only a CRC).</summary>
    private static byte[] RewriteHello(byte[] wire, Action<HelloMessage> change)
    {
        var frame = new byte[Frame.MaxFrame];
        int n = Cobs.Decode(wire, wire.Length - 1, frame);
        if (n < Frame.MinResponse || frame[5] != CommandTable.Hello) return wire;
        int payload = Frame.GetU16(frame, 11);
        var hello = HelloMessage.Read(new PayloadReader(frame, Frame.ResponseHeaderBytes, payload));
        change(hello);
        var writer = new PayloadWriter(frame, Frame.ResponseHeaderBytes, Frame.MaxPayload);
        hello.Write(writer);
        int length = Frame.Seal(frame, Frame.ResponseHeaderBytes, writer.Length, null);
        return LinkedPump.Stuff(frame, length);
    }
}
