using OpenIdds.Firmware.Device;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;
using OpenIdds.Hal;
using OpenIdds.Hal.Storage;
using OpenIdds.Tests.Unit.Fakes;
using OpenIdds.Tests.Unit.Therapy;

namespace OpenIdds.Tests.Host.Device;

/// <summary>STORE-LOSS-IS-A-FAULT: a commissioned pump never takes a lost store for a new one.</summary>
[TestClass]
public class StoreLossTests
{
    private sealed class Device : IDisposable
    {
        public readonly string Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"openidds-{Guid.NewGuid():N}.nv");
        public readonly PumpSetup Setup = PumpRig.SmallSetup(PumpStage.Implanted);
        public readonly FakeMotor Motor = new();
        public FakeBoard Board = new();

        public Device() { Setup.Commissioning = new CommissioningFile(Path + ".commissioned"); }

        public InfusionPump Boot()
        {
            Board = new FakeBoard();
            var pump = new InfusionPump(new PumpHardware(Board.Clock, Motor, Board.Pressure, null, Board.Battery, Board.Annunciator, Board.Button, new FileFlash(Path, 4096, Setup.PagesNeeded), Board.Watchdog, Board.Link), Setup);
            return PumpRig.PassSelfTest(pump, Board.Clock);
        }

        public void RunFor(InfusionPump pump, long milliseconds) => PumpRig.RunTo(pump, Board.Clock, pump.Now.Value + milliseconds);

        public void Dispose()
        {
            File.Delete(Path);
            File.Delete(Path + ".commissioned");
        }
    }

    private static InfusionPump Commissioned(Device device)
    {
        var pump = device.Boot();
        Assert.IsTrue(device.Setup.Commissioning!.Commissioned, "the first boot commissions the device");
        var expected = pump.BeginRefill();
        Assert.IsTrue(pump.CompleteRefill(expected, Nanoliters.FromMilliliters(20), TherapyFixture.Morphine(10_000), PumpConfiguration.DefaultLowReservoir, true).Report.Accepted);
        Assert.IsTrue(pump.Program(PumpRig.Continuous(), true).Accepted);
        device.RunFor(pump, Milliseconds.FromHours(1).Value);
        return pump;
    }

    [TestMethod]
    [DataRow("missing")]
    [DataRow("empty")]
    [DataRow("zeros")]
    [DataRow("erased")]
    public void A_commissioned_pump_whose_store_is_lost_stays_in_the_safe_state_through_every_later_boot(string damage)
    {
        using var device = new Device();
        Commissioned(device);
        long length = new FileInfo(device.Path).Length;
        switch (damage)
        {
            case "missing": File.Delete(device.Path); break;
            case "empty": File.WriteAllBytes(device.Path, Array.Empty<byte>()); break;
            case "zeros": File.WriteAllBytes(device.Path, new byte[length]); break;
            default: File.WriteAllBytes(device.Path, Enumerable.Repeat((byte)0xFF, (int)length).ToArray()); break;
        }
        for (int boot = 0; boot < 3; boot++)
        {
            var pump = device.Boot();
            device.RunFor(pump, Milliseconds.FromMinutes(10).Value);
            Assert.IsTrue(pump.Supervisor.Alarms.IsShown(AlarmCode.StorageFault), $"boot {boot}: storage-fault shown");
            Assert.IsTrue(pump.Supervisor.State is SafetyState.SafeState or SafetyState.AlarmStopped, $"boot {boot}: {pump.Supervisor.State}");
            Assert.IsFalse(pump.Supervisor.State == SafetyState.Running);
        }
    }

    [TestMethod]
    public void A_store_one_byte_short_keeps_its_therapy_and_is_no_factory_reset()
    {
        using var device = new Device();
        Commissioned(device);
        using (var f = new FileStream(device.Path, FileMode.Open)) f.SetLength(f.Length - 1);
        var pump = device.Boot();
        Assert.IsTrue(pump.Recovered, "the journal's records survive: nothing was erased");
        Assert.AreEqual(DeliveryMode.SimpleContinuous, pump.Therapy.Prescription.Mode);
    }

    [TestMethod]
    public void A_device_never_commissioned_starts_new_on_a_blank_store_and_is_commissioned_by_it()
    {
        using var device = new Device();
        Assert.IsFalse(device.Setup.Commissioning!.Commissioned);
        var pump = device.Boot();
        Assert.IsTrue(pump.StorageValid);
        Assert.IsFalse(pump.StoreLost);
        Assert.AreEqual(SafetyState.Stopped, pump.Supervisor.State);
        Assert.IsTrue(device.Setup.Commissioning.Commissioned);
    }
}
