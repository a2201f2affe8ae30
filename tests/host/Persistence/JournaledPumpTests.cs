using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Persistence;
using OpenIdds.Firmware.Units;
using OpenIdds.Hal;
using OpenIdds.Hal.Storage;
using OpenIdds.Tests.Unit.Fakes;

namespace OpenIdds.Tests.Host.Persistence;

[TestClass]
public class JournaledPumpTests
{
    private static JournaledPump Boot(INonVolatileStore store, FakeClock clock, FakeMotor motor)
    {
        var board = new FakeBoard();
        var hardware = new PumpHardware(clock, motor, board.Pressure, null, board.Battery, board.Annunciator, board.Button, store, board.Watchdog, board.Link);
        return new JournaledPump(hardware, new Journal(store, 0, 4, 256), new EventLog(store, 4, 4), new Calibration(250_000), JournaledPump.DefaultIntentWindow);
    }

    private static void Run(FakeClock clock, JournaledPump pump, long until)
    {
        while (clock.ElapsedMilliseconds < until)
        {
            clock.ElapsedMilliseconds = Math.Max(clock.ElapsedMilliseconds + 1, Math.Min(pump.NextWake.Value, until));
            pump.Tick();
        }
    }

    [TestMethod]
    public void The_24_hour_total_drug_prescription_and_lockout_survive_a_reset()
    {
        var flash = new RamFlash(4096, 8, 10_000);
        var clock = new FakeClock();
        var pump = Boot(flash, clock, new FakeMotor());
        pump.Refilled(Nanoliters.FromMilliliters(20), "morphine", new MicrogramsPerMilliliter(10_000));
        pump.Program(new ConstantRate(new NanolitersPerHour(100_000)));
        Run(clock, pump, 30 * Milliseconds.PerHour);
        pump.Bolus(Milliseconds.FromMinutes(10), new NanolitersPerHour(300_000), patient: true);
        Run(clock, pump, 31 * Milliseconds.PerHour + 5 * Milliseconds.PerMinute);
        long before24h = pump.StepsInLast24Hours();

        // Power off: a new board clock from zero, the same flash.
        var clock2 = new FakeClock();
        var recovered = Boot(flash, clock2, new FakeMotor());
        Assert.IsTrue(recovered.Recovered);
        Assert.AreEqual("morphine", recovered.Drug);
        Assert.AreEqual(10_000L, recovered.Concentration.Value);
        Assert.IsTrue(recovered.StepsRecorded >= pump.Pump.StepsTaken);
        Assert.IsTrue(recovered.Clock.ElapsedMilliseconds >= clock.ElapsedMilliseconds, "pump time does not go back");
        long after24h = recovered.StepsInLast24Hours();
        Assert.IsTrue(after24h >= before24h && after24h <= before24h + 100, $"24 h total {before24h} steps before the reset, {after24h} after");
        Assert.IsTrue(recovered.ReservoirComputed < Nanoliters.FromMilliliters(20));
        Assert.AreEqual(EventKind.Reset, recovered.LastEvent);
    }

    [TestMethod]
    public void A_file_on_the_host_keeps_the_journal_across_processes()
    {
        string path = Path.Combine(Path.GetTempPath(), $"openidds-{Guid.NewGuid():N}.nv");
        try
        {
            var clock = new FakeClock();
            var first = new FileFlash(path, 4096, 8);
            var pump = Boot(first, clock, new FakeMotor());
            pump.Program(new ConstantRate(new NanolitersPerHour(100_000)));
            Run(clock, pump, Milliseconds.PerHour);
            long recorded = pump.StepsRecorded;
            var reopened = Boot(new FileFlash(path, 4096, 8), new FakeClock(), new FakeMotor());
            Assert.IsTrue(reopened.Recovered);
            Assert.AreEqual(recorded, reopened.StepsRecorded);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

[TestClass]
public class PumpStateRecordTests
{
    [TestMethod]
    public void The_largest_record_fits_one_slot_and_reads_back_whole()
    {
        var journal = new Journal(new RamFlash(4096, 2, 10_000), 0, 2, 256);
        var buffer = new RecordBuffer(journal.PayloadBytes);
        var flex = new FlexSchedule(
            Enumerable.Range(0, PumpStateRecord.MaxFlexSteps).Select(i => Milliseconds.FromHours(i * 3)).ToArray(),
            Enumerable.Range(0, PumpStateRecord.MaxFlexSteps).Select(i => new NanolitersPerHour(1000 + i)).ToArray(),
            Milliseconds.FromHours(7));
        var record = new PumpStateRecord
        {
            PumpTime = 123, Position = new SchedulerPosition(new Milliseconds(456), 7, 8, 9), StepsDelivered = 10,
            PicolitersPerStep = 250_000, Concentration = 10_000, DrugName = "morphine-sulfate", Basal = flex,
            BolusStart = 1, BolusEnd = 2, BolusRate = 3, StepsAtLastHour = 4, NextHourAt = 5,
        };
        record.Encode(buffer);
        var back = new PumpStateRecord();
        back.Decode(buffer);
        Assert.AreEqual("morphine-sulfate", back.DrugName);
        Assert.AreEqual(456L, back.Position.IntegratedTo.Value);
        var basal = (FlexSchedule)back.Basal!;
        Assert.AreEqual(PumpStateRecord.MaxFlexSteps, basal.StepCount);
        Assert.AreEqual(1005L, basal.RateOf(5).Value);
        Assert.AreEqual(Milliseconds.FromHours(7).Value, basal.TimeOfDayAtZero.Value);
    }
}

[TestClass]
public class JournalLimitTests
{
    [TestMethod]
    public void A_basal_the_journal_cannot_hold_is_refused_and_nothing_changes()
    {
        var store = new RamFlash(4096, 8, 10_000);
        var board = new FakeBoard();
        var hardware = new PumpHardware(board.Clock, board.Motor, board.Pressure, null, board.Battery, board.Annunciator, board.Button, store, board.Watchdog, board.Link);
        var pump = new JournaledPump(hardware, new Journal(store, 0, 4, 256), new EventLog(store, 4, 4), new Calibration(250_000), JournaledPump.DefaultIntentWindow);
        var seven = new FlexSchedule(
            Enumerable.Range(0, 7).Select(i => Milliseconds.FromHours(i * 3)).ToArray(),
            Enumerable.Range(0, 7).Select(i => new NanolitersPerHour(1000)).ToArray(), Milliseconds.Zero);
        var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => pump.Program(seven));
        StringAssert.Contains(e.Message, "flex steps 7");
        StringAssert.Contains(e.Message, "limit 6");
        Assert.AreEqual(OpenIdds.Firmware.Control.PumpState.Stopped, pump.Pump.State);
    }
}
