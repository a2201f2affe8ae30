using OpenIdds.Firmware.Protocol;
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
}
