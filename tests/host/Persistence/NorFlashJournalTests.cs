using OpenIdds.Firmware.Persistence;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Units;
using OpenIdds.Hal.Storage;
using OpenIdds.Tests.Host.Device;

namespace OpenIdds.Tests.Host.Persistence;

/// <summary>
/// The journal on NOR flash as it fails (NOR-FLASH-TEAR): a cut program leaves any subset of its bits
/// cleared and some weak, reading 0 or 1 from one read to the next; a cut erase leaves any bits.
/// </summary>
[TestClass]
public class NorFlashJournalTests
{
    private const int SlotBytes = 64;

    /// <summary>
    /// SEQUENCE-NEVER-REPEATS: the slot after the newest record holds a damaged record (numbered 3); the
    /// next append skips the slot and numbers past it, so no two slots ever carry one number and a
    /// later boot cannot take the damaged one for the record written after it.
    /// </summary>
    [TestMethod]
    public void Append_numbers_past_a_damaged_slot_so_no_two_slots_share_a_sequence_number()
    {
        var flash = new RamFlash(256, 2, 10_000);
        var journal = new Journal(flash, 0, 2, SlotBytes);
        var payload = new byte[journal.PayloadBytes];
        for (int r = 1; r <= 3; r++) { payload[0] = (byte)r; journal.Append(1, payload); }
        flash.FlipBit(0, 2 * SlotBytes + 20, 4);   // record 3, committed, damaged
        var again = new Journal(flash, 0, 2, SlotBytes);
        Assert.IsTrue(again.Recover(payload, out _));
        Assert.AreEqual(2u, again.Sequence);
        Assert.AreEqual(1, again.DamagedRecords);
        again.Append(1, payload);
        Assert.AreEqual(3u, BitConverter.ToUInt32(flash.Image(), 2 * SlotBytes + 4), "the damaged slot still says 3");
        Assert.AreEqual(4u, again.Sequence, "the record after the damaged slot is numbered past it, not 3 again");
    }

    /// <summary>
    /// Two boots of one image agree (WEAK-BITS-SETTLED, TORN-COMMIT-COMPLETED): record 3's commit byte
    /// was cut with one bit weak, so it reads 'I' (0x49) or 0x4B from one read to the next. Sixteen
    /// copies of the image, each read with its own seed, and eight boots one after another of one
    /// copy, all recover record 3 with no damage.
    /// </summary>
    [TestMethod]
    public void A_commit_byte_cut_with_a_weak_bit_recovers_the_same_record_at_every_boot()
    {
        for (int seed = 1; seed <= 16; seed++)
        {
            var flash = WeakCommitImage();
            flash.SeedReads(seed);
            var journal = new Journal(flash, 0, 2, SlotBytes);
            var read = new byte[journal.PayloadBytes];
            Assert.IsTrue(journal.Recover(read, out _));
            Assert.AreEqual(3u, journal.Sequence, $"copy read with seed {seed}");
            Assert.AreEqual(0, journal.DamagedRecords, $"copy read with seed {seed}");
        }
        var chip = WeakCommitImage();
        for (int boot = 1; boot <= 8; boot++)
        {
            chip.SeedReads(100 + boot);
            var journal = new Journal(chip, 0, 2, SlotBytes);
            var read = new byte[journal.PayloadBytes];
            Assert.IsTrue(journal.Recover(read, out _));
            Assert.AreEqual(3u, journal.Sequence, $"boot {boot}");
            Assert.AreEqual((byte)3, read[0], $"boot {boot}");
            Assert.AreEqual(0, journal.DamagedRecords, $"boot {boot}");
        }
        Assert.AreEqual(0, chip.WeakBits, "the first boot programmed the commit byte again: solid");
    }

    private static RamFlash WeakCommitImage()
    {
        var flash = new RamFlash(256, 2, 10_000);
        var journal = new Journal(flash, 0, 2, SlotBytes);
        var payload = new byte[journal.PayloadBytes];
        for (int r = 1; r <= 3; r++) { payload[0] = (byte)r; journal.Append(1, payload); }
        flash.MakeWeak(0, 2 * SlotBytes + 1, 1);
        return flash;
    }

    /// <summary>
    /// TORN-ERASE-REERASED and TORN-COMMIT-COMPLETED over 600 seeds: the ring has wrapped, and the append
    /// that moves onto the page of the oldest records is torn - at its erase, its body or its commit
    /// byte. Two boots one after another agree on the newest record (and a stop turns into a resume at
    /// most, never the other way); the record before it, or (a torn commit) the record
    /// itself, is the newest; a torn program is never damage; a torn erase ends in the storage fault only
    /// when a slot of the page reads as a record after the newest.
    /// </summary>
    [TestMethod]
    public void An_erase_or_append_torn_any_way_never_loses_the_newest_record_and_two_boots_agree()
    {
        int stops = 0, completed = 0, stopThenResume = 0;
        for (int seed = 1; seed <= 600; seed++)
        {
            var flash = new RamFlash(256, 3, 10_000);
            var journal = new Journal(flash, 0, 3, SlotBytes);
            var payload = new byte[journal.PayloadBytes];
            for (int r = 1; r <= 12; r++) { payload[0] = (byte)r; journal.Append(1, payload); }   // slots full: the next append erases page 0
            int op = seed % 3;   // 0: the erase, 1: the body, 2: the commit byte
            if (op == 0) flash.TearNext(seed);
            else
            {
                // Let the erase (and for the commit byte, the body) through: tear the next write.
                var probe = new TearOnWrite(flash, op, seed);
                journal = new Journal(probe, 0, 3, SlotBytes);
                Assert.IsTrue(journal.Recover(new byte[payload.Length], out _));
                probe.Armed = true;
                payload[0] = 13;
                Assert.ThrowsExactly<PowerCut>(() => journal.Append(1, payload));
            }
            if (op == 0) { payload[0] = 13; Assert.ThrowsExactly<PowerCut>(() => journal.Append(1, payload)); }

            flash.SeedReads(seed);
            var first = new Journal(flash, 0, 3, SlotBytes);
            var read = new byte[payload.Length];
            Assert.IsTrue(first.Recover(read, out _), $"seed {seed}");
            flash.SeedReads(seed + 50_000);
            var second = new Journal(flash, 0, 3, SlotBytes);
            var again = new byte[payload.Length];
            Assert.IsTrue(second.Recover(again, out _), $"seed {seed}");
            Assert.AreEqual(first.Sequence, second.Sequence, $"seed {seed}: two boots disagree");
            // A stop can only turn into a resume, when the header that read as a later record reads otherwise
            // (weak bits) and the page is erased again; a boot that resumed erased the page, so never back.
            Assert.IsFalse(first.DamagedRecords == 0 && second.DamagedRecords > 0, $"seed {seed}: resumed, then stopped ({first.DamagedRecords}, {second.DamagedRecords})");
            if (first.DamagedRecords > 0 && second.DamagedRecords == 0) stopThenResume++;
            Assert.AreEqual(read[0], again[0], $"seed {seed}");
            Assert.IsTrue(first.Sequence == 12 || first.Sequence == 13, $"seed {seed}: newest {first.Sequence}");
            Assert.AreEqual((byte)first.Sequence, read[0], $"seed {seed}");
            if (op == 1) Assert.AreEqual(0, first.DamagedRecords, $"seed {seed}: a torn body taken for damage");
            if (op == 2) Assert.AreEqual(13u, first.Sequence, $"seed {seed}: a torn commit not finished");
            if (op == 2) Assert.AreEqual(0, first.DamagedRecords, $"seed {seed}: a torn commit taken for damage");
            if (first.DamagedRecords > 0) stops++;
            if (first.Sequence == 13) completed++;
            // The ring goes on: the next record is numbered past everything the chip holds.
            payload[0] = 14;
            second.Append(1, payload);
            var third = new Journal(flash, 0, 3, SlotBytes);
            Assert.IsTrue(third.Recover(read, out _));
            Assert.AreEqual((byte)14, read[0], $"seed {seed}: the record written after the recovery is the newest");
        }
        Console.WriteLine($"600 torn appends: {completed} torn commits (or whole bodies) finished, {stops} torn erases stopped in the storage fault, {stopThenResume} of them resumed at the second boot");
        Assert.IsTrue(stops < 20, $"{stops} of 200 torn erases stopped the pump");
    }

    /// <summary>Passes the erase through and tears the first write (op 1, the body) or the second (op 2, the commit byte).</summary>
    private sealed class TearOnWrite(RamFlash flash, int op, int seed) : OpenIdds.Hal.INonVolatileStore
    {
        private int _writes;
        public bool Armed { get; set; }
        public int PageSize => flash.PageSize;
        public int PageCount => flash.PageCount;
        public int RatedEraseCycles => flash.RatedEraseCycles;
        public void Read(int page, int offset, byte[] buffer, int index, int count) => flash.Read(page, offset, buffer, index, count);
        public void Erase(int page) => flash.Erase(page);
        public void Write(int page, int offset, byte[] data, int index, int count)
        {
            if (Armed && ++_writes == op) flash.TearNext(seed);
            flash.Write(page, offset, data, index, count);
        }
    }

    /// <summary>
    /// The pump on the image: its newest pump-state record's commit byte has one weak bit. Every
    /// boot, eight in a row, each reading the bit afresh, resumes from that record with no storage fault,
    /// and the therapy runs on.
    /// </summary>
    [TestMethod]
    public void A_weak_bit_in_the_newest_commit_byte_keeps_the_therapy_running_at_every_boot()
    {
        var rig = PumpRig.Running();
        rig.RunFor(Milliseconds.FromMinutes(45));
        int slot = NewestSlot(rig, out _);
        var copy = new PumpRig();
        copy.Flash.Load(rig.Flash.Image());
        int at = slot * OpenIdds.Firmware.Persistence.PumpStateRecord.SlotBytes + 1;
        copy.Flash.MakeWeak(at / PumpRig.PageSize, at % PumpRig.PageSize, 1);
        long recorded = -1;
        for (int boot = 1; boot <= 8; boot++)
        {
            copy.Flash.SeedReads(boot);
            var pump = copy.PowerCycle();
            Assert.IsTrue(pump.Recovered && pump.StorageValid, $"boot {boot}: storage fault");
            if (boot == 1) recorded = pump.StepsRecorded;
            Assert.AreEqual(recorded, pump.StepsRecorded, $"boot {boot} resumed from another record");
        }
        copy.PassSelfTest();
        long steps = copy.Motor.CompletedSteps;
        copy.RunFor(Milliseconds.FromMinutes(30));
        Assert.IsTrue(copy.Motor.CompletedSteps > steps, "the therapy runs on");
    }

    /// <summary>
    /// A latched storage fault survives every later boot (SEQUENCE-NEVER-REPEATS, LATCHES-SURVIVE-RESET):
    /// the newest pump-state record reads damaged at one boot, which raises and journals the fault in the
    /// slot after it; at the next boot the bit reads right (the damaged record is whole again, and the
    /// field report's pump resumed from it, latch gone), then it is weak and reads either way. Nine
    /// boots: the fault stays shown and the motor off.
    /// </summary>
    [TestMethod]
    public void A_latched_storage_fault_survives_every_reboot_while_a_weak_bit_reads_either_way()
    {
        var rig = PumpRig.Running();
        int slot = -1;
        for (int i = 0; i < 200; i++)
        {
            rig.RunFor(Milliseconds.FromMinutes(10));
            slot = NewestSlot(rig, out uint sequence);
            // Not the last slot of a page: the record after it stays on the same page, as in the field report.
            if (sequence > 3 && slot % 4 != 3) break;
        }
        var copy = new PumpRig();
        copy.Flash.Load(rig.Flash.Image());
        int at = slot * OpenIdds.Firmware.Persistence.PumpStateRecord.SlotBytes + 8 + 40;
        copy.Flash.FlipBit(at / PumpRig.PageSize, at % PumpRig.PageSize, 3);
        var faulted = copy.PowerCycle();
        Assert.IsFalse(faulted.StorageValid);
        copy.PassSelfTest();
        Assert.IsTrue(faulted.Supervisor.Alarms.IsShown(AlarmCode.StorageFault));
        Assert.AreEqual(1L, faulted.RecordsWritten, "one record journals the latch, in the slot after the damaged one");
        // The bit reads as programmed at the next boot (the damaged record is whole again: it is the one
        // the record of the latch came after), then it is weak and reads either way.
        copy.Flash.FlipBit(at / PumpRig.PageSize, at % PumpRig.PageSize, 3);
        long steps = copy.Motor.CompletedSteps;
        for (int boot = 0; boot <= 8; boot++)
        {
            if (boot == 1) copy.Flash.MakeWeak(at / PumpRig.PageSize, at % PumpRig.PageSize, 3);
            copy.Flash.SeedReads(boot);
            var pump = copy.PowerCycle();
            copy.PassSelfTest();
            copy.RunFor(Milliseconds.FromMinutes(20));
            Assert.IsTrue(pump.Supervisor.Alarms.IsShown(AlarmCode.StorageFault), $"boot {boot}: the latched storage fault is gone");
            Assert.AreEqual(steps, copy.Motor.CompletedSteps, $"boot {boot}: the motor ran with the storage fault latched");
        }
    }

    /// <summary>The journal slot of the newest good pump-state record (the journal's pages come first).</summary>
    private static int NewestSlot(PumpRig rig, out uint sequence)
    {
        byte[] image = rig.Flash.Image();
        int slotBytes = OpenIdds.Firmware.Persistence.PumpStateRecord.SlotBytes;
        int newest = -1;
        sequence = 0;
        for (int s = 0; s < rig.Setup.JournalPages * PumpRig.PageSize / slotBytes; s++)
        {
            int at = s * slotBytes;
            if (image[at] != Journal.Magic0 || image[at + 1] != Journal.Magic1) continue;
            if (BitConverter.ToUInt32(image, at + slotBytes - 4) != Crc32.Compute(image, at, slotBytes - 4)) continue;
            uint q = BitConverter.ToUInt32(image, at + 4);
            if (q > sequence) { sequence = q; newest = s; }
        }
        return newest;
    }
}
