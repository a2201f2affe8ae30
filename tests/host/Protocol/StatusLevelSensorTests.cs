using OpenIdds.Firmware.Protocol;
using OpenIdds.Firmware.Protocol.Messages;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Units;
using OpenIdds.Hal;
using OpenIdds.Programmer.Cli;
using OpenIdds.Tests.Host.Device;
using OpenIdds.Tests.Unit.Fakes;

namespace OpenIdds.Tests.Host.Protocol;

/// <summary>
/// RESERVOIR-COMPUTED-AND-MEASURED on the status screen: "not measured" must say why - no level
/// sensor, or a fitted one that failed (the status carries a fitted flag, bit 3 of its flags byte).
/// </summary>
[TestClass]
public class StatusLevelSensorTests
{
    /// <summary>A running implanted pump with a level sensor reading what the reservoir holds.</summary>
    private static (PumpRig Rig, FakeLevelSensor Sensor) RunningWithLevelSensor()
    {
        var sensor = new FakeLevelSensor { Nanoliters = Nanoliters.FromMilliliters(20).Value, Status = SensorStatus.Ok };
        var rig = new PumpRig { LevelSensor = sensor };
        rig.Boot();
        rig.PassSelfTest();
        rig.Fill();
        Assert.IsTrue(rig.Pump.Program(PumpRig.Continuous(), confirmed: true).Accepted);
        rig.RunFor(Milliseconds.FromMinutes(5));
        return (rig, sensor);
    }

    /// <summary>The status as the programmer receives it: written by the pump, read back off the wire.</summary>
    private static StatusMessage OverTheWire(StatusMessage sent)
    {
        var w = new PayloadWriter(4096);
        sent.Write(w);
        Assert.IsFalse(w.Overflow);
        var r = new PayloadReader(w.Buffer, w.Start, w.Length);
        StatusMessage received = StatusMessage.Read(r);
        Assert.IsTrue(r.Ok);
        return received;
    }

    private static string Screen(StatusMessage s)
    {
        var output = new StringWriter();
        StatusView.Show(ProgrammerConsole.Over(output, new StringReader(""), color: false), s, DateTimeOffset.UnixEpoch);
        return string.Join(" ", output.ToString().Split((char[])['\n', '\r', ' ', '│'], StringSplitOptions.RemoveEmptyEntries));
    }

    [TestMethod]
    public void A_fitted_level_sensor_that_failed_is_shown_as_a_fault_not_as_no_sensor()
    {
        var (rig, sensor) = RunningWithLevelSensor();
        StatusMessage healthy = OverTheWire(rig.Pump.Status());
        Assert.IsTrue(healthy.LevelSensorFitted && healthy.ReservoirMeasuredValid);
        StringAssert.Contains(Screen(healthy), "(level sensor)");

        sensor.Status = SensorStatus.Disconnected;
        rig.RunFor(Milliseconds.FromMinutes(5));
        Assert.IsTrue(rig.Pump.Supervisor.Reservoir.SensorFaulty);
        StatusMessage faulted = OverTheWire(rig.Pump.Status());
        Assert.IsTrue(faulted.LevelSensorFitted, "the sensor is still fitted");
        Assert.IsFalse(faulted.ReservoirMeasuredValid, "a faulted sensor's reading is not passed off as a measurement");
        string screen = Screen(faulted);
        StringAssert.Contains(screen, "reservoir (computed)");
        StringAssert.Contains(screen, "not measured (level sensor fault)");
        Assert.IsFalse(screen.Contains("no level sensor"), screen);
        StringAssert.Contains(rig.Pump.Supervisor.Reservoir.Describe(), "not measured (level sensor fault)", "the status screen and the pump's own text agree");
    }

    [TestMethod]
    public void A_pump_without_a_level_sensor_says_so()
    {
        var rig = PumpRig.Running();
        StatusMessage s = OverTheWire(rig.Pump.Status());
        Assert.IsFalse(s.LevelSensorFitted || s.ReservoirMeasuredValid);
        string screen = Screen(s);
        StringAssert.Contains(screen, "not measured (no level sensor)");
        Assert.IsFalse(screen.Contains("level sensor fault"), screen);
        StringAssert.Contains(rig.Pump.Supervisor.Reservoir.Describe(), "not measured (no level sensor)");
    }
}
