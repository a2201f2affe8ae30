using OpenIdds.Firmware.Device;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;
using OpenIdds.Hal;
using OpenIdds.Hal.Storage;
using OpenIdds.Tests.Unit.Fakes;
using OpenIdds.Tests.Unit.Therapy;

namespace OpenIdds.Tests.Host.Device;

[TestClass]
public class DeviceFlashTests
{
    [TestMethod]
    public void A_file_on_the_host_keeps_the_whole_pump_across_processes()
    {
        string path = Path.Combine(Path.GetTempPath(), $"openidds-{Guid.NewGuid():N}.nv");
        try
        {
            var setup = PumpRig.SmallSetup(PumpStage.Implanted);
            var board = new FakeBoard();
            var motor = new FakeMotor();
            InfusionPump Boot(FakeBoard b) => new(new PumpHardware(b.Clock, motor, b.Pressure, null, b.Battery, b.Annunciator, b.Button, new FileFlash(path, 4096, setup.PagesNeeded), b.Watchdog, b.Link), setup);
            var pump = Boot(board);
            pump.Tick(); board.Clock.ElapsedMilliseconds = 1; pump.Tick();
            var expected = pump.BeginRefill();
            Assert.IsTrue(pump.CompleteRefill(expected, Nanoliters.FromMilliliters(20), TherapyFixture.Morphine(10_000), PumpConfiguration.DefaultLowReservoir, true).Report.Accepted);
            Assert.IsTrue(pump.Program(PumpRig.Continuous(), true).Accepted);
            while (pump.Now.Value < Milliseconds.PerHour) { board.Clock.ElapsedMilliseconds = Math.Max(board.Clock.ElapsedMilliseconds + 1, pump.NextWake.Value); pump.Tick(); }
            long recorded = pump.StepsRecorded;
            var reopened = Boot(new FakeBoard());
            Assert.IsTrue(reopened.Recovered);
            Assert.AreEqual(recorded, reopened.StepsRecorded);
            Assert.AreEqual(DeliveryMode.SimpleContinuous, reopened.Therapy.Prescription.Mode);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void A_flex_table_the_journal_cannot_hold_is_refused_naming_the_limit_and_nothing_changes()
    {
        var rig = PumpRig.Running();
        var thirteen = Prescription.Flex(TherapyFixture.Morphine(10_000), Enumerable.Range(0, 13).Select(i => Milliseconds.FromHours(i)).ToArray(),
            Enumerable.Range(0, 13).Select(_ => NanolitersPerHour.FromMicrolitersPerHour(20)).ToArray(), null);
        var report = rig.Pump.Program(thirteen, true);
        Assert.IsTrue(report.Refused);
        OpenIdds.Tests.Unit.Expect.Mentions(report.MessageOf(TherapyError.FlexStepCountOutOfRange), new[] { "flex steps", "13", "1..12" });
        Assert.AreEqual(DeliveryMode.SimpleContinuous, rig.Pump.Therapy.Prescription.Mode);
    }
}
