using OpenIdds.Firmware.Device;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Tests.Host.Device;

/// <summary>The stage says which sensors the pump is meant to have, the board which it has: the supervisor uses a sensor only when both say so.</summary>
[TestClass]
public class PumpSetupTests
{
    private static PumpConfiguration ImplantWithout(SensorSet sensors) => new(PumpStage.Implanted, Nanoliters.FromMilliliters(20),
        NanolitersPerHour.FromMicrolitersPerHour(2), NanolitersPerHour.FromMicrolitersPerHour(1000), Nanoliters.FromMicroliters(120), Nanoliters.FromMicroliters(30),
        NanolitersPerHour.FromMicrolitersPerHour(1000), PumpConfiguration.DefaultLowReservoir, sensors, AlarmSet.LowReservoir);

    [TestMethod]
    public void The_pressure_sensor_is_used_only_where_the_stage_declares_it_and_the_board_has_it()
    {
        Assert.IsTrue(new PumpSetup().SupervisorSettingsFor(PumpStage.Trial).HasPressureSensor);
        Assert.IsTrue(new PumpSetup().SupervisorSettingsFor(PumpStage.Implanted).HasPressureSensor, "the default implant declares one");
        Assert.IsFalse(new PumpSetup { HasPressureSensor = false }.SupervisorSettingsFor(PumpStage.Implanted).HasPressureSensor, "a board without one");
        var setup = new PumpSetup { ImplantedConfiguration = ImplantWithout(SensorSet.Battery) };
        Assert.IsFalse(setup.SupervisorSettingsFor(PumpStage.Implanted).HasPressureSensor, "a stage that does not declare one, on a board that has one");
        Assert.IsTrue(setup.SupervisorSettingsFor(PumpStage.Trial).HasPressureSensor, "the other stage is unaffected");
    }
}
