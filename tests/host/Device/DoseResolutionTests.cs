using OpenIdds.Firmware.Device;
using OpenIdds.Firmware.Persistence;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Tests.Host.Device;

/// <summary>DOSE-TO-THE-NANOGRAM: a micro-dose drug's daily dose reaches the exported log to the nanogram.</summary>
[TestClass]
public class DoseResolutionTests
{
    [TestMethod]
    [DataRow(2400L, "1.440 ug")]   // 2.4 uL/h of 25 ug/mL: 1.44 ug a day
    [DataRow(2000L, "1.200 ug")]
    public void A_ziconotide_daily_dose_is_logged_to_the_nanogram(long nanolitersPerHour, string expected)
    {
        var rig = new PumpRig();
        rig.PassSelfTest();
        var drug = new Drug(DrugLibrary.Ziconotide, new MicrogramsPerMilliliter(25));
        Nanoliters residual = rig.Pump.BeginRefill();
        Assert.IsTrue(rig.Pump.CompleteRefill(residual, Nanoliters.FromMilliliters(20), drug, PumpConfiguration.DefaultLowReservoir, confirmed: true).Report.Accepted);
        var report = rig.Pump.Program(Prescription.Continuous(drug, new NanolitersPerHour(nanolitersPerHour), null), confirmed: true);
        Assert.IsTrue(report.Accepted, report.ToString());
        string? text = null;
        for (uint s = rig.Pump.Events.Oldest; s != 0 && s <= rig.Pump.Events.Newest; s++)
            if (rig.Pump.Events.Read(s, out var kind, out _, out var a, out var b) && kind == EventKind.Programmed) text = EventText.Describe(kind, a, b);
        Assert.IsNotNull(text);
        StringAssert.Contains(text, "daily dose " + expected);
    }

    [TestMethod]
    public void The_programmer_shows_a_dose_to_the_nanogram()
    {
        Assert.AreEqual("0.600 ug", OpenIdds.Programmer.Cli.Units.Dose(600));
        Assert.AreEqual("1.440 ug", OpenIdds.Programmer.Cli.Units.Dose(1440));
        Assert.AreEqual("12.500125 mg", OpenIdds.Programmer.Cli.Units.Dose(12_500_125));
        Assert.AreEqual("15.000 mg", OpenIdds.Programmer.Cli.Units.Dose(15_000_000));
    }
}
