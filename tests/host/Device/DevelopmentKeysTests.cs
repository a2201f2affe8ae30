using OpenIdds.Firmware.Protocol;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Tests.Unit.Therapy;

namespace OpenIdds.Tests.Host.Device;

/// <summary>DEV-KEYS-NO-THERAPY: a board build delivers nothing on development keys unless told to, and says so in status.</summary>
[TestClass]
public class DevelopmentKeysTests
{
    [TestMethod]
    public void A_board_build_refuses_to_program_a_therapy_on_the_development_clinician_key_and_shows_the_setting_in_status()
    {
        var rig = new PumpRig();
        rig.Setup.DevelopmentKeysMayDeliver = false;
        rig.Boot();
        rig.PassSelfTest();
        rig.Fill();
        var refused = rig.Pump.Program(PumpRig.Continuous(), confirmed: true);
        Assert.IsTrue(refused.Refused);
        StringAssert.Contains(refused.MessageOf(TherapyError.PumpNotReady), "development clinician key");
        Assert.IsFalse(rig.Pump.Status().DevelopmentKeysMayDeliver);
        Assert.IsTrue(rig.Pump.Program(Prescription.Stopped(TherapyFixture.Morphine(10_000)), confirmed: true).Accepted, "stopping is always allowed");

        var key = Enumerable.Range(1, 32).Select(i => (byte)(i * 3)).ToArray();
        rig.Pump.Keys.Set(Role.Clinician, key, 0, provisioned: true);
        Assert.IsTrue(rig.Pump.Program(PumpRig.Continuous(), confirmed: true).Accepted, "a provisioned clinician key may program");
    }

    [TestMethod]
    public void The_development_setting_lets_therapy_run_on_development_keys_and_status_shows_it()
    {
        var rig = PumpRig.Running();
        Assert.IsTrue(rig.Setup.DevelopmentKeysMayDeliver);
        Assert.IsTrue(rig.Pump.Status().DevelopmentKeysMayDeliver);
    }
}
