using OpenIdds.Firmware.Protocol;
using OpenIdds.Firmware.Protocol.Messages;
using OpenIdds.Programmer.Cli;
using OpenIdds.Programmer.Keys;
using Spectre.Console;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;
using OpenIdds.Programmer.Link;
using OpenIdds.Tests.Host.Device;
using OpenIdds.Tests.Unit.Therapy;

namespace OpenIdds.Tests.Host.Protocol;

/// <summary>WIRE-FIT-OR-REFUSE and PROGRAMMED-AS-REVIEWED: what the clinician reviewed is what the pump runs, or iddsctl says so.</summary>
[TestClass]
public class ProgramAsReviewedTests
{
    [TestMethod]
    [DataRow("lockout")]
    [DataRow("concentration")]
    [DataRow("dose")]
    [DataRow("max")]
    [DataRow("drug")]
    public void A_value_the_wire_cannot_carry_is_refused_naming_the_field_and_nothing_is_sent(string what)
    {
        var linked = new LinkedPump();
        var pb = PumpRig.Pca();
        var drug = TherapyFixture.Morphine(10_000);
        string field;
        switch (what)
        {
            case "lockout": pb = new PatientBolusSettings(pb.Dose, pb.Duration, Milliseconds.FromDays(50), pb.MaxPer24Hours); field = "prescription.patient_bolus.lockout_ms: 4320000000"; break;
            case "concentration": drug = TherapyFixture.Morphine(5_000_000_000); field = "prescription.concentration_ug_per_ml: 5000000000"; break;
            case "dose": pb = new PatientBolusSettings(new Micrograms(4_294_967_296), pb.Duration, pb.Lockout, pb.MaxPer24Hours); field = "prescription.patient_bolus.dose_ug: 4294967296"; break;
            case "max": pb = new PatientBolusSettings(pb.Dose, pb.Duration, pb.Lockout, 300); field = "prescription.patient_bolus.max_per_24h: 300"; break;
            default: drug = new Drug(new string('m', 408), new MicrogramsPerMilliliter(10_000)); field = "prescription.drug: a name of 408 characters is above the limit 255"; break;
        }
        var p = Prescription.Continuous(drug, NanolitersPerHour.FromMicrolitersPerHour(20), pb);
        string before = linked.Fingerprint();
        int sent = linked.Link.FramesFromDevice;
        var e = Assert.ThrowsExactly<LinkException>(() => new PumpCommands(linked.Client).Program(p, confirmed: true, reviewOnly: false));
        StringAssert.Contains(e.Message, field);
        Assert.AreEqual(before, linked.Fingerprint(), "nothing changed");
        Assert.AreEqual(sent, linked.Link.FramesFromDevice, "nothing was sent: the device answered nothing");
    }

    [TestMethod]
    public void A_committed_prescription_is_answered_as_the_pump_runs_it_and_matches_the_reviewed_one_on_the_wire()
    {
        var linked = new LinkedPump();
        var next = PumpRig.Continuous(25, PumpRig.Pca());
        new PumpCommands(linked.Client).Program(next, confirmed: false, reviewOnly: true);
        var (report, _, running) = new PumpCommands(linked.Client).Program(next, confirmed: true, reviewOnly: false);
        Assert.IsTrue(report.IsAccepted);
        Assert.IsNotNull(running, "the pump answers with the prescription it runs");
        Assert.IsTrue(PumpCommands.SameOnTheWire(next, running));
        Assert.IsFalse(PumpCommands.SameOnTheWire(PumpRig.Continuous(26, PumpRig.Pca()), running), "a different rate is not a match");
    }

    /// <summary>
    /// PROGRAMMED-AS-REVIEWED end to end: `iddsctl program` on a line where every `program` frame is
    /// altered on its way (the rate 25 uL/h read as 26, re-sealed with the clinician key, review and commit
    /// alike, as a firmware that read a field differently would run it). The pump accepts and runs 26;
    /// iddsctl says so and exits 1 instead of reporting success.
    /// </summary>
    [TestMethod]
    public void Iddsctl_reports_a_commit_the_pump_runs_differently_from_the_review_and_exits_1()
    {
        var linked = new LinkedPump();
        byte[] clinician = linked.Keys[Role.Clinician];
        linked.Link.TamperToDevice = bytes =>
        {
            var output = new List<byte>();
            int start = 0;
            for (int i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] != 0) continue;
                var chunk = bytes[start..(i + 1)];
                start = i + 1;
                var frame = new byte[Frame.MaxFrame];
                int n = chunk.Length < 2 ? 0 : Cobs.Decode(chunk, chunk.Length - 1, frame);
                if (n <= Frame.RequestHeaderBytes || frame[5] != CommandTable.Program) { output.AddRange(chunk); continue; }
                int length = frame[10] | frame[11] << 8;
                var r = new PayloadReader(frame, Frame.RequestHeaderBytes, length);
                int flags = r.U8("flags");
                var sent = PrescriptionMessage.Read(r, "prescription")!;
                var altered = Prescription.Continuous(sent.Drug, NanolitersPerHour.FromMicrolitersPerHour(26), sent.PatientBolus);
                var w = new PayloadWriter(Frame.MaxPayload);
                w.U8(flags);
                PrescriptionMessage.Write(w, altered);
                output.AddRange(linked.RawRequest(Role.Clinician, CommandTable.Program, Frame.GetU32(frame, 6), w.Buffer[..w.Length], clinician, frame[2] | frame[3] << 8));
            }
            output.AddRange(bytes[start..]);
            return output.ToArray();
        };
        string folder = Directory.CreateTempSubdirectory("openidds-program-").FullName;
        try
        {
            string keys = Path.Combine(folder, "keys.json");
            var file = KeyFile.Load(keys);
            for (int role = 0; role < RoleName.Count; role++) file.Set(linked.Rig.Setup.DeviceId, (Role)role, linked.Keys[(Role)role]);
            file.Save();
            string rx = Path.Combine(folder, "rx.json");
            File.WriteAllText(rx, "{ \"drug\": \"morphine\", \"concentration_ug_per_ml\": 10000, \"mode\": \"continuous\", \"rate_ul_per_h\": 25 }");
            var said = new StringWriter();
            var console = new ProgrammerConsole(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(said) }), new StringReader(""));
            using var session = new ProgrammerSession(new GlobalOptions("in-memory", 115200, keys, null, TimeSpan.FromMilliseconds(200), true), console, linked.Link);
            int exit = ProgramCommand.Execute(session, rx, confirmSoftLimits: true);
            string text = System.Text.RegularExpressions.Regex.Replace(said.ToString(), @"\s+", " ");
            Assert.AreEqual(26_000L, linked.Rig.Pump.Therapy.Prescription.Rate.Value, "the altered commit ran: " + text);
            Assert.AreEqual(1, exit, text);
            StringAssert.Contains(text, "does not match the reviewed prescription");
        }
        finally { Directory.Delete(folder, recursive: true); }
    }
}
