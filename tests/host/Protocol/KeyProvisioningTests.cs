using System.Security.Cryptography;
using OpenIdds.Firmware.Protocol;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Programmer.Cli;
using OpenIdds.Programmer.Keys;
using OpenIdds.Programmer.Link;
using OpenIdds.Tests.Host.Device;
using Spectre.Console;

namespace OpenIdds.Tests.Host.Protocol;

/// <summary>
/// KEY-AGREEMENT-NOT-WRAP and PENDING-KEY-FIRST: `iddsctl keys provision` and `keys recover` against a
/// running pump on an in-memory line, with a listener, a man in the middle and lost answers.
/// </summary>
[TestClass]
public sealed class KeyProvisioningTests
{
    private static readonly string LabelHex = Convert.ToHexString(PumpRig.LabelKey);

    /// <summary>A programmer session holding the device's development keys in a key file of its own.</summary>
    private static ProgrammerSession Session(LinkedPump linked, out string path)
    {
        string folder = Path.Combine(Path.GetTempPath(), "openidds-keys-" + Guid.NewGuid().ToString("N"));
        path = Path.Combine(folder, "keys.json");
        var file = KeyFile.Load(path);
        for (int r = 0; r < RoleName.Count; r++) file.Set(linked.Rig.Setup.DeviceId, (Role)r, KeyFile.DevelopmentKey(linked.Rig.Setup.DeviceId, (Role)r));
        file.Save();
        var console = new ProgrammerConsole(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(new StringWriter()) }), new StringReader(""));
        var options = new GlobalOptions("in-memory", 115200, path, null, TimeSpan.FromMilliseconds(200), true);
        return new ProgrammerSession(options, console, linked.Link);
    }

    /// <summary>A linked pump whose therapy is stopped (PROVISION-WHILE-STOPPED).</summary>
    private static LinkedPump Stopped()
    {
        var linked = new LinkedPump();
        var report = linked.Rig.Pump.Program(Prescription.Stopped(linked.Rig.Pump.Therapy.Prescription.Drug), confirmed: true);
        Assert.IsTrue(report.Accepted, report.ToString());
        return linked;
    }

    /// <summary>The frames the programmer wrote, decoded.</summary>
    private static List<byte[]> Requests(List<byte[]> writes)
    {
        var frames = new List<byte[]>();
        foreach (var w in writes)
        {
            if (w.Length < 2) continue;
            var frame = new byte[Frame.MaxFrame];
            int n = Cobs.Decode(w, w.Length - 1, frame);
            if (n > Frame.RequestHeaderBytes) frames.Add(frame[..n]);
        }
        return frames;
    }

    /// <summary>True if the device accepts a status read under <paramref name="key"/> for <paramref name="role"/>.</summary>
    private static bool DeviceAccepts(LinkedPump linked, Role role, byte[] key)
    {
        linked.Keys[role] = key;
        try
        {
            new PumpCommands(linked.Client).Status(role);
            return true;
        }
        catch (LinkException) { return false; }
    }

    [TestMethod]
    public void A_listener_holding_the_development_keys_cannot_recover_a_provisioned_key()
    {
        var linked = Stopped();
        var sent = new List<byte[]>();
        linked.Link.TamperToDevice = bytes => { sent.Add(bytes); return bytes; };
        string id = linked.Rig.Setup.DeviceId;
        byte[] installed;
        using (var session = Session(linked, out string path))
        {
            KeysCommand.Provision(session, Role.Clinician, LabelHex);
            installed = session.Keys.Key(id, Role.Clinician)!;
        }
        Assert.IsTrue(linked.Rig.Pump.Keys.Provisioned(Role.Clinician));

        // The listener: every frame on the line, the device id, and so every development key.
        byte[] request = Requests(sent).Single(f => f[5] == CommandTable.ProvisionKey);
        uint counter = Frame.GetU32(request, 6);
        byte[] payload = request[Frame.RequestHeaderBytes..(Frame.RequestHeaderBytes + 1 + X25519.Bytes)];
        byte[] programmerPublic = payload[1..];
        var candidates = new List<byte[]> { programmerPublic };
        for (int r = 0; r < RoleName.Count; r++)
        {
            byte[] dev = KeyFile.DevelopmentKey(id, (Role)r);
            // A pad from the development key (HMAC(dev, label || counter || role)) XORed with what was sent.
            var tail = new byte[5];
            Frame.PutU32(tail, 0, counter);
            tail[4] = (byte)Role.Clinician;
            byte[] pad = HMACSHA256.HashData(dev, "OpenIDDS key wrap v1"u8.ToArray().Concat(tail).ToArray());
            candidates.Add(pad.Zip(programmerPublic, (a, b) => (byte)(a ^ b)).ToArray());
            // The development key taken as the device's agreement secret.
            var agreed = new byte[KeyRing.KeyBytes];
            var devPublic = new byte[X25519.Bytes];
            X25519.PublicKey(dev, devPublic);
            if (KeyAgreement.Derive(dev, programmerPublic, programmerPublic, devPublic, Role.Clinician, agreed)) candidates.Add(agreed);
            if (KeyAgreement.Derive(dev, programmerPublic, programmerPublic, PumpRig.LabelKey, Role.Clinician, agreed)) candidates.Add((byte[])agreed.Clone());
        }
        foreach (var candidate in candidates)
        {
            Assert.IsFalse(candidate.SequenceEqual(installed), "the listener derived the provisioned key");
            Assert.IsFalse(DeviceAccepts(linked, Role.Clinician, candidate), "the device accepts a key the listener derived");
            linked.Rig.RunFor(AuthFailureLimiter.MaxLockout);
        }
        Assert.IsTrue(DeviceAccepts(linked, Role.Clinician, installed), "the programmer's key works");
    }

    [TestMethod]
    public void A_man_in_the_middle_who_replaces_the_programmers_value_is_caught_by_the_confirmation()
    {
        var linked = Stopped();
        string id = linked.Rig.Setup.DeviceId;
        byte[] devService = KeyFile.DevelopmentKey(id, Role.Service);
        byte[] mitmSecret = SHA256.HashData("the man in the middle"u8.ToArray());
        var mitmPublic = new byte[X25519.Bytes];
        X25519.PublicKey(mitmSecret, mitmPublic);
        linked.Link.TamperToDevice = bytes =>
        {
            if (bytes.Length < 2) return bytes;
            var frame = new byte[Frame.MaxFrame];
            int n = Cobs.Decode(bytes, bytes.Length - 1, frame);
            if (n <= Frame.RequestHeaderBytes || frame[5] != CommandTable.ProvisionKey) return bytes;
            // It holds the development service key, so it can seal a request of its own.
            byte[] payload = [frame[Frame.RequestHeaderBytes], .. mitmPublic];
            return linked.RawRequest(Role.Service, CommandTable.ProvisionKey, Frame.GetU32(frame, 6), payload, devService, Frame.GetU16(frame, 2));
        };
        using var session = Session(linked, out string path);
        var e = Assert.ThrowsExactly<LinkException>(() => KeysCommand.Provision(session, Role.Clinician, LabelHex));
        StringAssert.Contains(e.Message, "confirmation");
        var file = KeyFile.Load(path);
        CollectionAssert.AreEqual(KeyFile.DevelopmentKey(id, Role.Clinician), file.Key(id, Role.Clinician), "the programmer keeps no key the device did not confirm");
        Assert.IsNull(file.PendingKey(id, Role.Clinician));
    }

    [TestMethod]
    public void A_device_without_a_factory_agreement_secret_refuses_provisioning_naming_it()
    {
        var linked = Stopped();
        linked.Rig.Setup.AgreementSecret = null;
        linked.Rig.PowerCycle();
        linked.Rig.PassSelfTest();
        using var session = Session(linked, out string path);
        var e = Assert.ThrowsExactly<LinkException>(() => KeysCommand.Provision(session, Role.Clinician, LabelHex));
        Assert.AreEqual(LinkFailure.Refused, e.Failure);
        StringAssert.Contains(e.Message, "AgreementSecret");
        Assert.IsFalse(linked.Rig.Pump.Keys.Provisioned(Role.Clinician));
        Assert.IsNull(KeyFile.Load(path).PendingKey(linked.Rig.Setup.DeviceId, Role.Clinician), "a refused key is not kept as pending");
    }

    [TestMethod]
    public void Provisioning_is_refused_while_a_therapy_runs_and_nothing_changes()
    {
        var linked = new LinkedPump();
        using var session = Session(linked, out string path);
        var e = Assert.ThrowsExactly<LinkException>(() => KeysCommand.Provision(session, Role.Clinician, LabelHex));
        Assert.AreEqual(LinkFailure.Refused, e.Failure);
        StringAssert.Contains(e.Message, "program stopped first");
        Assert.IsFalse(linked.Rig.Pump.Keys.Provisioned(Role.Clinician));
        Assert.IsNull(KeyFile.Load(path).PendingKey(linked.Rig.Setup.DeviceId, Role.Clinician));
    }

    [TestMethod]
    public void A_key_file_that_cannot_be_saved_stops_provisioning_before_the_device_changes_its_key()
    {
        var linked = Stopped();
        using var session = Session(linked, out string path);
        // The atomic save's temporary file cannot be created: the save fails.
        Directory.CreateDirectory(path + ".tmp-" + Environment.ProcessId);
        var e = Assert.ThrowsExactly<LinkException>(() => KeysCommand.Provision(session, Role.Clinician, LabelHex));
        Assert.AreEqual(LinkFailure.Usage, e.Failure);
        StringAssert.Contains(e.Message, "nothing was sent");
        Assert.IsFalse(linked.Rig.Pump.Keys.Provisioned(Role.Clinician), "the device keeps the key the programmer still has");
    }

    [TestMethod]
    public void A_lost_answer_keeps_the_pending_key_and_recover_keeps_the_new_key_the_device_holds()
    {
        var linked = Stopped();
        string id = linked.Rig.Setup.DeviceId;
        bool drop = false;
        linked.Link.Tamper = bytes => drop ? [] : bytes;
        using var session = Session(linked, out string path);
        drop = true;
        var e = Assert.ThrowsExactly<LinkException>(() => KeysCommand.Provision(session, Role.Clinician, LabelHex));
        Assert.AreEqual(LinkFailure.AnswerLost, e.Failure);
        StringAssert.Contains(e.Message, "iddsctl keys recover --for clinician");
        Assert.IsTrue(linked.Rig.Pump.Keys.Provisioned(Role.Clinician), "the device took the new key");
        var saved = KeyFile.Load(path);
        byte[] pending = saved.PendingKey(id, Role.Clinician)!;
        Assert.IsNotNull(pending, "the new key was saved before the request went out");
        CollectionAssert.AreEqual(KeyFile.DevelopmentKey(id, Role.Clinician), saved.Key(id, Role.Clinician), "the old key stays in force until confirmed");

        drop = false;
        Assert.AreEqual(0, KeysCommand.Recover(session, Role.Clinician));
        var recovered = KeyFile.Load(path);
        CollectionAssert.AreEqual(pending, recovered.Key(id, Role.Clinician));
        Assert.IsNull(recovered.PendingKey(id, Role.Clinician));
        Assert.IsTrue(DeviceAccepts(linked, Role.Clinician, pending));
    }

    [TestMethod]
    public void A_lost_request_keeps_the_pending_key_and_recover_falls_back_to_the_old_key()
    {
        var linked = Stopped();
        string id = linked.Rig.Setup.DeviceId;
        bool drop = false;
        linked.Link.TamperToDevice = bytes => drop && bytes.Length > 1 ? [] : bytes;
        using var session = Session(linked, out string path);
        drop = true;
        var e = Assert.ThrowsExactly<LinkException>(() => KeysCommand.Provision(session, Role.Clinician, LabelHex));
        Assert.AreEqual(LinkFailure.AnswerLost, e.Failure);
        Assert.IsFalse(linked.Rig.Pump.Keys.Provisioned(Role.Clinician));

        drop = false;
        Assert.AreEqual(0, KeysCommand.Recover(session, Role.Clinician));
        var recovered = KeyFile.Load(path);
        CollectionAssert.AreEqual(KeyFile.DevelopmentKey(id, Role.Clinician), recovered.Key(id, Role.Clinician));
        Assert.IsNull(recovered.PendingKey(id, Role.Clinician));
    }
}
