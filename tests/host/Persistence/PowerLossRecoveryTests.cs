using OpenIdds.Firmware.Persistence;
using OpenIdds.Hal.Storage;
using OpenIdds.Tests.Unit.Therapy;

namespace OpenIdds.Tests.Host.Persistence;

[TestClass]
public class PowerLossRecoveryTests
{
    /// <summary>
    /// A representative subset: every write cut before and after it; every 7th write at nine places
    /// (0, 1, 2 bytes, a quarter, half, three quarters, 2 and 1 bytes short, whole); of those, the ones
    /// among the first 60 writes at every 16th byte instead (every byte if the write is 64 bytes or
    /// less) and the last two; every erase half-way. And under the NOR model (NOR-FLASH-TEAR): every
    /// write torn two ways, every 7th eight ways, every erase eight ways, each from its own seed.
    /// </summary>
    [TestMethod]
    public void Every_cut_point_in_a_two_day_therapy_recovers_with_nothing_lost_or_counted_twice()
    {
        var harness = new PowerCutHarness { EveryByte = false, NorTears = 2 };
        harness.Run(days: 2);
        Assert.AreEqual(0, harness.Failures.Count, string.Join(Environment.NewLine, harness.Failures.Take(20)));
        Assert.IsTrue(harness.CutPointsTried > 1000, $"only {harness.CutPointsTried} cut points tried");
        Assert.IsTrue(harness.WithWeakBits > 500, $"only {harness.WithWeakBits} cut points with weak bits");
        Console.WriteLine(Summary("suite subset", harness));
    }

    public static string Summary(string name, PowerCutHarness harness) =>
        $"power-cut harness ({name}): {harness.WritesSeen} writes, {harness.CutPointsTried} cut points ({harness.TearsTried} NOR program tears, {harness.EraseTearsTried} NOR erase tears, {harness.WithWeakBits} with weak bits), " +
        $"{harness.CutPointsTried - harness.Stops - harness.Failures.Count} resumed, {harness.Stops} stopped in the storage fault, {harness.Failures.Count} failures";

    [TestMethod]
    public void Every_single_bit_flip_in_a_stored_record_is_detected_and_the_record_never_used()
    {
        var flash = new RamFlash(4096, 4, 10_000);
        var journal = new Journal(flash, 0, 4, 256);
        var payload = new byte[journal.PayloadBytes];
        for (int r = 1; r <= 3; r++)
        {
            Array.Fill(payload, (byte)r);
            journal.Append(1, payload);
        }
        // Flip every bit of the middle record (slot 1) in turn: it must never be read back, and it counts as damage.
        int flips = 0;
        for (int bit = 0; bit < 256 * 8; bit++)
        {
            flash.FlipBit(0, 256 + bit / 8, bit % 8);
            var again = new Journal(flash, 0, 4, 256);
            var read = new byte[again.PayloadBytes];
            Assert.IsTrue(again.Recover(read, out _));
            Assert.AreEqual((byte)3, read[0], "the newest good record wins");
            Assert.IsFalse(again.TryRead(2, read, out _), $"bit {bit}: the flipped record was read back");
            Assert.AreEqual(1, again.DamagedRecords, $"bit {bit}: not counted as damage");
            flash.FlipBit(0, 256 + bit / 8, bit % 8);
            flips++;
        }
        Assert.AreEqual(2048, flips);
    }

    [TestMethod]
    public void A_flipped_newest_record_falls_back_to_the_one_before()
    {
        var flash = new RamFlash(4096, 4, 10_000);
        var journal = new Journal(flash, 0, 4, 256);
        var payload = new byte[journal.PayloadBytes];
        payload[0] = 1; journal.Append(1, payload);
        payload[0] = 2; journal.Append(1, payload);
        flash.FlipBit(0, 256 + 40, 3);
        var again = new Journal(flash, 0, 4, 256);
        var read = new byte[again.PayloadBytes];
        Assert.IsTrue(again.Recover(read, out _));
        Assert.AreEqual((byte)1, read[0]);
        Assert.AreEqual(1, again.CorruptRecords);
        // Its commit byte was written, so it is not a write the power cut: it is damage (a storage fault).
        Assert.AreEqual(1, again.DamagedRecords);
    }

    /// <summary>
    /// The ambiguity COMMIT-BYTE-LAST removes: a record's last byte is the CRC's top byte, 0xFF for about
    /// one record in 256. When the torn-write test looked at the last byte, a flipped bit in such a
    /// newest record - or a flip that made its last byte 0xFF - read as an unfinished write and passed
    /// without an alarm. The commit byte is fixed ('I'), so neither can look unfinished.
    /// </summary>
    [TestMethod]
    public void A_flipped_newest_record_whose_last_byte_is_0xFF_is_damage_not_a_torn_write()
    {
        foreach (bool lastByteBecomes0xFF in new[] { false, true })
        {
            var flash = new RamFlash(4096, 4, 10_000);
            var journal = new Journal(flash, 0, 4, 256);
            var payload = new byte[journal.PayloadBytes];
            // Vary the payload until the newest record's last byte is what the case needs.
            int slot = -1;
            for (int r = 1; r < 100_000 && slot < 0; r++)
            {
                if (journal.Sequence > 0 && journal.Sequence % 12 == 0) { flash = new RamFlash(4096, 4, 10_000); journal = new Journal(flash, 0, 4, 256); }
                payload[0] = (byte)(journal.Sequence + 1); BitConverter.TryWriteBytes(payload.AsSpan(4), r);
                journal.Append(1, payload);
                int s = (int)journal.Sequence - 1;
                byte last = flash.Image()[s * 256 + 255];
                if (journal.Sequence >= 2 && (lastByteBecomes0xFF ? System.Numerics.BitOperations.PopCount(last) == 7 : last == 0xFF)) slot = s;
            }
            Assert.IsTrue(slot >= 1, "no record with the last byte the case needs");
            uint newest = journal.Sequence;
            if (lastByteBecomes0xFF)
            {
                byte last = flash.Image()[slot * 256 + 255];
                flash.FlipBit(0, slot * 256 + 255, System.Numerics.BitOperations.TrailingZeroCount((byte)~last));
            }
            else flash.FlipBit(0, slot * 256 + 40, 3);
            Assert.AreEqual((byte)0xFF, flash.Image()[slot * 256 + 255]);
            var again = new Journal(flash, 0, 4, 256);
            var read = new byte[again.PayloadBytes];
            Assert.IsTrue(again.Recover(read, out _));
            Assert.AreEqual(newest - 1, again.Sequence, "the record before the flipped one wins");
            Assert.AreEqual((byte)(newest - 1), read[0]);
            Assert.AreEqual(1, again.DamagedRecords, $"last byte {(lastByteBecomes0xFF ? "flipped to" : "already")} 0xFF: the flip passed as a torn write");
        }
    }

    /// <summary>
    /// H-BIT-FLIP on the whole pump: a bit flips in the newest pump-state record the pump really wrote.
    /// That record is never used - the pump comes back exactly as the record before it left it - the
    /// storage fault is raised and logged, and the pump stays in the safe state with the motor off.
    /// The cases: a payload bit; the commit byte; a payload bit of a record whose last byte (the CRC's
    /// top byte) is 0xFF; and the flip that turns a last byte of 0xFE-like into 0xFF.
    /// </summary>
    [TestMethod]
    [DataRow("payload")]
    [DataRow("commit-byte")]
    [DataRow("last-byte-is-0xFF")]
    [DataRow("flip-makes-last-byte-0xFF")]
    public void A_flipped_bit_in_the_newest_pump_state_record_is_never_used_and_raises_the_storage_fault(string flip)
    {
        var rig = OpenIdds.Tests.Host.Device.PumpRig.Running();
        int slotBytes = PumpStateRecord.SlotBytes;
        int slot = -1;
        for (int i = 0; i < 4000 && slot < 0; i++)
        {
            rig.RunFor(OpenIdds.Firmware.Units.Milliseconds.FromMinutes(10));
            int s = NewestSlot(rig.Flash.Image(), rig.Setup.JournalPages, slotBytes, out uint sequence);
            byte last = rig.Flash.Image()[s * slotBytes + slotBytes - 1];
            bool fits = flip switch
            {
                "last-byte-is-0xFF" => last == 0xFF,
                "flip-makes-last-byte-0xFF" => System.Numerics.BitOperations.PopCount(last) == 7,
                _ => true,
            };
            if (fits && sequence > 2) slot = s;
        }
        Assert.IsTrue(slot >= 0, "no record with the last byte the case needs");
        NewestSlot(rig.Flash.Image(), rig.Setup.JournalPages, slotBytes, out uint newest);
        byte[] image = rig.Flash.Image();
        int at = slot * slotBytes;
        switch (flip)
        {
            case "payload": case "last-byte-is-0xFF": image[at + 8 + 40] ^= 1 << 3; break;
            case "commit-byte": image[at + 1] ^= 1 << 0; break;
            default: image[at + slotBytes - 1] = 0xFF; break;   // the one zero bit flips
        }
        if (flip.Contains("0xFF")) Assert.AreEqual((byte)0xFF, image[at + slotBytes - 1]);

        // What the record before the flipped one holds: the same chip with the newest slot retired (zeros, no record).
        byte[] without = (byte[])rig.Flash.Image().Clone();
        Array.Clear(without, at, slotBytes);
        var before = Boot(without);
        Assert.IsTrue(before.Recovered && before.StorageValid);
        var flipped = new RamFlash(PumpRigPageSize, rig.Setup.PagesNeeded, 10_000);
        flipped.Load(image);
        var journal = new Journal(flipped, rig.Setup.JournalFirstPage, rig.Setup.JournalPages, slotBytes);
        Assert.IsTrue(journal.Recover(new byte[journal.PayloadBytes], out _));
        Assert.AreEqual(newest - 1, journal.Sequence, "the flipped record is not used: the one before it is the newest good one");
        Assert.AreEqual(1, journal.DamagedRecords);

        var copy = new OpenIdds.Tests.Host.Device.PumpRig();
        copy.Flash.Load(image);
        var pump = copy.Boot();
        Assert.IsTrue(pump.Recovered, "the record before the flipped one is used");
        Assert.AreEqual(before.Now.Value, pump.Now.Value, "the pump resumes from the record before the flipped one");
        Assert.AreEqual(before.StepsRecorded, pump.StepsRecorded);
        Assert.IsFalse(pump.StorageValid, $"{flip}: a flipped newest record passed without a storage fault");
        copy.PassSelfTest();
        Assert.AreEqual(OpenIdds.Firmware.Safety.SafetyState.SafeState, pump.Supervisor.State);
        Assert.IsTrue(pump.Supervisor.Alarms.IsShown(OpenIdds.Firmware.Safety.AlarmCode.StorageFault));
        Assert.IsFalse(copy.Motor.Enabled);
        bool logged = false;
        for (uint e = pump.Events.Oldest; e != 0 && e <= pump.Events.Newest; e++)
            if (pump.Events.Read(e, out var kind, out _, out var damaged, out _) && kind == EventKind.StorageFault && damaged == 1) logged = true;
        Assert.IsTrue(logged, "storage-fault with 1 damaged record logged");
    }

    private static OpenIdds.Firmware.Device.InfusionPump Boot(byte[] image)
    {
        var rig = new OpenIdds.Tests.Host.Device.PumpRig();
        rig.Flash.Load(image);
        return rig.Boot();
    }

    /// <summary>The journal slot holding the newest good pump-state record (the journal's pages come first).</summary>
    private static int NewestSlot(byte[] image, int pages, int slotBytes, out uint sequence)
    {
        int newest = -1;
        sequence = 0;
        for (int s = 0; s < pages * PumpRigPageSize / slotBytes; s++)
        {
            int at = s * slotBytes;
            if (image[at] != Journal.Magic0 || image[at + 1] != Journal.Magic1) continue;
            if (BitConverter.ToUInt32(image, at + slotBytes - 4) != Crc32.Compute(image, at, slotBytes - 4)) continue;
            uint q = BitConverter.ToUInt32(image, at + 4);
            if (q > sequence) { sequence = q; newest = s; }
        }
        return newest;
    }

    private const int PumpRigPageSize = OpenIdds.Tests.Host.Device.PumpRig.PageSize;

    /// <summary>
    /// UNCOMMITTED-IS-NO-RECORD and TORN-COMMIT-COMPLETED, at every byte: an append cut after any number
    /// of its body bytes is no record and no damage, and the record before it wins; one cut between its
    /// whole body and its commit byte is finished at the next start; and the writes that start makes,
    /// cut after any number of bytes, change neither. The next record is numbered past the cut slot
    /// (SEQUENCE-NEVER-REPEATS).
    /// </summary>
    [TestMethod]
    public void An_append_or_a_recovery_cut_at_any_byte_is_a_torn_write_never_damage()
    {
        const int slotSize = 64;
        for (int cut = 0; cut <= slotSize; cut++)
        {
            uint expected = cut == slotSize ? 3u : 2u;
            for (int recoveryCut = -1; recoveryCut <= slotSize; recoveryCut++)
            {
                var flash = new RamFlash(256, 2, 10_000);
                var journal = new Journal(flash, 0, 2, slotSize);
                var payload = new byte[journal.PayloadBytes];
                Array.Fill(payload, (byte)0xA5);
                journal.Append(1, payload);
                journal.Append(1, payload);
                flash.CutAfter(cut);
                Assert.ThrowsExactly<PowerCut>(() => journal.Append(1, payload), $"cut after {cut}");
                if (recoveryCut >= 0)
                {
                    // The power goes again while the start-up settles the chip.
                    flash.CutAfter(recoveryCut);
                    try { new Journal(flash, 0, 2, slotSize).Recover(new byte[payload.Length], out _); } catch (PowerCut) { }
                    flash.CutAfter(-1);
                }
                var again = new Journal(flash, 0, 2, slotSize);
                Assert.IsTrue(again.Recover(new byte[payload.Length], out _));
                Assert.AreEqual(expected, again.Sequence, $"cut after {cut}, recovery cut after {recoveryCut}");
                Assert.AreEqual(0, again.DamagedRecords, $"cut after {cut}, recovery cut after {recoveryCut}: taken for damage");
                again.Append(1, payload);
                var third = new Journal(flash, 0, 2, slotSize);
                Assert.IsTrue(third.Recover(new byte[payload.Length], out _));
                Assert.AreEqual(cut == 0 ? 3u : 4u, third.Sequence, $"cut after {cut}, recovery cut after {recoveryCut}: numbered by slot, past the cut one");
                Assert.AreEqual(0, third.DamagedRecords, $"cut after {cut}, recovery cut after {recoveryCut}: the cut slot taken for damage later");
            }
        }
    }
}

/// <summary>
/// The full sweep: every byte of one write in <see cref="SweepSlice.Stride"/> of a seven-day therapy, every
/// other write at its boundary bytes, every erase half-way; OPENIDDS_SWEEP_PHASE picks which writes (the
/// phases together cut every byte of every write). Minutes, not seconds, so it runs on request:
/// OPENIDDS_FULL_SWEEP=1 dotnet test --filter FullPowerCutSweep
/// </summary>
[TestClass]
public class FullPowerCutSweep
{
    [TestMethod]
    public void Every_byte_of_every_write_over_seven_days_recovers()
    {
        if (Environment.GetEnvironmentVariable("OPENIDDS_FULL_SWEEP") != "1")
            Assert.Inconclusive("the full sweep runs with OPENIDDS_FULL_SWEEP=1 (docs/persistence.md)");
        var (first, last) = SweepSlice.Writes();
        var harness = new PowerCutHarness { EveryByte = true, Stride = SweepSlice.Stride, Phase = SweepSlice.Phase(SweepSlice.Stride), FirstWrite = first, LastWrite = last, ProgressFile = Environment.GetEnvironmentVariable("OPENIDDS_SWEEP_PROGRESS") };
        harness.Run(days: 7);
        Console.WriteLine(PowerLossRecoveryTests.Summary($"full sweep, phase {harness.Phase} of {harness.Stride}", harness) + $"; every byte of every write and every erase: {harness.ByteCutPointsInAll} cut points");
        Assert.AreEqual(0, harness.Failures.Count, string.Join(Environment.NewLine, harness.Failures.Take(20)));
    }
}

/// <summary>
/// The NOR sweep (NOR-FLASH-TEAR): one write in <see cref="SweepSlice.NorStride"/> of a seven-day therapy
/// torn 16 ways (every 7th 64 ways) and the erase after it 64 ways, each from its own seed, every cut
/// point booted twice; OPENIDDS_SWEEP_PHASE picks which (the phases together tear every write and
/// erase). Minutes, so on request: OPENIDDS_FULL_SWEEP=1 dotnet test --filter FullNorTearSweep
/// </summary>
[TestClass]
public class FullNorTearSweep
{
    [TestMethod]
    public void Every_write_and_erase_of_seven_days_torn_as_nor_flash_tears_recovers()
    {
        if (Environment.GetEnvironmentVariable("OPENIDDS_FULL_SWEEP") != "1")
            Assert.Inconclusive("the NOR sweep runs with OPENIDDS_FULL_SWEEP=1 (docs/persistence.md)");
        var (first, last) = SweepSlice.Writes();
        var harness = new PowerCutHarness { NorOnly = true, NorTears = 16, Stride = SweepSlice.NorStride, Phase = SweepSlice.Phase(SweepSlice.NorStride), FirstWrite = first, LastWrite = last, ProgressFile = Environment.GetEnvironmentVariable("OPENIDDS_SWEEP_PROGRESS") };
        harness.Run(days: 7);
        Console.WriteLine(PowerLossRecoveryTests.Summary($"NOR sweep, phase {harness.Phase} of {harness.Stride}", harness));
        Assert.AreEqual(0, harness.Failures.Count, string.Join(Environment.NewLine, harness.Failures.Take(20)));
    }
}

/// <summary>
/// Ten years of an implanted pump on one 4-page journal, with a power cut every 97 days: pump time never
/// goes back before the newest record (at most an hour), nothing is lost, nothing is counted beyond one
/// window per cut, and the flash wear stays inside its budget. Runs on request, with the full sweep:
/// OPENIDDS_FULL_SWEEP=1 dotnet test --filter TenYearJournalRun
/// </summary>
[TestClass]
public class TenYearJournalRun
{
    [TestMethod]
    public void Ten_years_with_a_power_cut_every_97_days_keep_every_record()
    {
        if (Environment.GetEnvironmentVariable("OPENIDDS_FULL_SWEEP") != "1")
            Assert.Inconclusive("the ten-year run goes with the full sweep: OPENIDDS_FULL_SWEEP=1 (docs/persistence.md)");
        // The boards' flash layout (a 32-page journal), so the wear figure is the boards'.
        var rig = new OpenIdds.Tests.Host.Device.PumpRig(setup: new OpenIdds.Firmware.Device.PumpSetup { DeviceId = "TEN-YEARS", HasPressureSensor = false });
        rig.PassSelfTest();
        rig.Fill(20, 10_000);
        Assert.IsTrue(rig.Pump.Program(OpenIdds.Tests.Host.Device.PumpRig.Continuous(2), true).Accepted);
        long tenYears = 3650 * OpenIdds.Firmware.Units.Milliseconds.PerDay;
        long cuts = 0;
        while (rig.Pump.Now.Value < tenYears)
        {
            rig.RunTo(Math.Min(tenYears, rig.Pump.Now.Value + 97 * OpenIdds.Firmware.Units.Milliseconds.PerDay));
            long before = rig.Pump.Now.Value;
            long truth = rig.Motor.CompletedSteps;
            var pump = rig.PowerCycle();
            cuts++;
            // Pump time resumes at the newest record, written at least every hour.
            Assert.IsTrue(pump.Now.Value >= before - OpenIdds.Firmware.Units.Milliseconds.PerHour, $"pump time went back {before - pump.Now.Value} ms after a reset");
            Assert.IsTrue(pump.StepsRecorded >= truth, $"after {cuts} cuts: {truth} steps made, {pump.StepsRecorded} recorded");
            Assert.IsTrue(pump.StepsRecorded <= truth + 2, $"after {cuts} cuts: {pump.StepsRecorded} recorded for {truth} made (one 10-minute window at 2 uL/h is 1.3 steps)");
            rig.PassSelfTest();
            // The reservoir runs dry in 416 days at 2 uL/h: refill it at each visit, as a clinic would every 97 days.
            var expected = pump.BeginRefill();
            Assert.IsTrue(pump.CompleteRefill(expected, OpenIdds.Firmware.Units.Nanoliters.FromMilliliters(20), TherapyFixture.Morphine(10_000), OpenIdds.Firmware.Therapy.PumpConfiguration.DefaultLowReservoir, true).Report.Accepted);
        }
        long steps = rig.Motor.CompletedSteps;
        // The priming bolus fills the line at 1 mL/h first; then 2 uL/h is 8 steps of 250 nL an hour.
        long line = rig.Setup.ImplantedConfiguration.LineVolume.Value;
        long priming = line * OpenIdds.Firmware.Units.Milliseconds.PerHour / rig.Setup.ImplantedConfiguration.PrimingRate.Value;
        long ideal = line / 250 + (tenYears - priming) * 8 / OpenIdds.Firmware.Units.Milliseconds.PerHour;
        int worstPage = Enumerable.Range(rig.Setup.JournalFirstPage, rig.Setup.JournalPages).Max(rig.Flash.EraseCount);
        Console.WriteLine($"ten-year journal run: {cuts} power cuts, {steps} steps ({ideal} ideal at 2 uL/h), {rig.Pump.RecordsWritten} records since the last boot, worst journal page erased {worstPage} times (rated 10,000)");
        Assert.IsTrue(Math.Abs(steps - ideal) <= cuts * 2 + 20, $"{steps} steps over ten years against {ideal} ideal");
        Assert.IsTrue(worstPage < 10_000);
    }
}

/// <summary>
/// A slice of a full sweep, for timing it or replaying a failure: OPENIDDS_SWEEP_WRITES=100..140 tries cut
/// points only in those writes (and the erases after them); OPENIDDS_SWEEP_PHASE=3 gives the whole
/// treatment to the writes numbered 3 modulo the stride (<see cref="Stride"/>, <see cref="NorStride"/>;
/// default 0; the phases together cover every write); OPENIDDS_SWEEP_PROGRESS=FILE appends a line of progress to FILE every 500 writes.
/// </summary>
public static class SweepSlice
{
    /// <summary>
    /// The byte-prefix sweep cuts every byte of one write in this many per run (the others at their boundary
    /// bytes): a run takes minutes on one core. Odd, and prime to 7: a record is two writes (body, commit
    /// byte), so an even stride would give one phase only bodies and the next only commit bytes.
    /// </summary>
    public const int Stride = 31;

    /// <summary>The NOR sweep tears one write in this many per run, and the erases right after them (odd, and prime to 7, as <see cref="Stride"/>).</summary>
    public const int NorStride = 5;

    public static int Phase(int stride)
    {
        string? phase = Environment.GetEnvironmentVariable("OPENIDDS_SWEEP_PHASE");
        if (string.IsNullOrEmpty(phase)) return 0;
        if (!int.TryParse(phase, out int n) || n < 0 || n >= stride) throw new ArgumentException($"OPENIDDS_SWEEP_PHASE '{phase}' must be 0 to {stride - 1}");
        return n;
    }

    public static (int First, int Last) Writes()
    {
        string? range = Environment.GetEnvironmentVariable("OPENIDDS_SWEEP_WRITES");
        if (string.IsNullOrEmpty(range)) return (1, int.MaxValue);
        string[] ends = range.Split("..");
        if (ends.Length != 2 || !int.TryParse(ends[0], out int first) || !int.TryParse(ends[1], out int last) || first < 1 || last < first)
            throw new ArgumentException($"OPENIDDS_SWEEP_WRITES '{range}' must be FIRST..LAST, 1 <= FIRST <= LAST");
        return (first, last);
    }
}
