using OpenIdds.Firmware.Persistence;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Units;
using OpenIdds.Hal.Storage;
using OpenIdds.Tests.Host.Device;

namespace OpenIdds.Tests.Host.Persistence;

/// <summary>
/// Bit flips the journal's structure proves, though the slot they hit no longer reads as a record:
/// a committed record whose commit byte reads erased again (COMMIT-LOSS-IS-DAMAGE, TORN-COMMIT-COMPLETED
/// past torn bodies), and a newest record first on its page whose header no longer reads as the record
/// after the one before (ERASED-PAGE-RECORD-IS-DAMAGE). Charge loss in NOR flash turns programmed bits
/// (0) back to erased (1), so the commit byte 'I' (0x49) reads 0xFF once its five zero bits are lost.
/// </summary>
[TestClass]
public class SilentDamageTests
{
    private const int SlotBytes = 64;
    private const int PageBytes = 256;   // four slots a page

    /// <summary>Bits 1, 2, 4, 5 and 7 of 'I' are the programmed ones: all five lost, the commit byte reads 0xFF.</summary>
    private static void LoseCommit(RamFlash flash, int page, int slotOffset)
    {
        foreach (int bit in new[] { 1, 2, 4, 5, 7 }) flash.FlipBit(page, slotOffset + 1, bit);
        Assert.AreEqual((byte)0xFF, flash.Image()[page * flash.PageSize + slotOffset + 1]);
    }

    private static (RamFlash Flash, Journal Journal) Ring(int records)
    {
        var flash = new RamFlash(PageBytes, 2, 10_000);
        var journal = new Journal(flash, 0, 2, SlotBytes);
        var payload = new byte[journal.PayloadBytes];
        for (int r = 1; r <= records; r++) { payload[0] = (byte)r; journal.Append(1, payload); }
        return (flash, journal);
    }

    private static Journal Recovered(RamFlash flash, out byte[] payload)
    {
        var journal = new Journal(flash, 0, 2, SlotBytes);
        payload = new byte[journal.PayloadBytes];
        Assert.IsTrue(journal.Recover(payload, out _));
        return journal;
    }

    /// <summary>
    /// COMMIT-LOSS-IS-DAMAGE: record 2 of 3 lost its commit byte. It holds a whole record, and it is not
    /// the torn commit after the newest: damage, at this boot and the next.
    /// </summary>
    [TestMethod]
    public void A_committed_record_whose_commit_byte_reads_erased_is_damage_not_a_record_gone()
    {
        var (flash, _) = Ring(3);
        LoseCommit(flash, 0, 1 * SlotBytes);
        for (int boot = 1; boot <= 2; boot++)
        {
            var journal = Recovered(flash, out var read);
            Assert.AreEqual(3u, journal.Sequence, $"boot {boot}: the newest record is 3");
            Assert.AreEqual((byte)3, read[0]);
            Assert.AreEqual(1, journal.DamagedRecords, $"boot {boot}: record 2 vanished without a trace");
        }
    }

    /// <summary>
    /// TORN-COMMIT-COMPLETED past torn bodies: record 3's body was cut (an uncommitted slot), the next boot
    /// wrote record 4 after it, and record 4's commit byte then reads erased - as it would after a second
    /// power cut between its body and its commit byte. Record 4 is whole: it is finished and the pump
    /// resumes from it, not silently from record 2.
    /// </summary>
    [TestMethod]
    [DataRow("commit byte lost")]
    [DataRow("power cut before the commit byte")]
    public void A_whole_record_after_a_torn_slot_whose_commit_byte_reads_erased_is_finished_not_lost(string how)
    {
        var (flash, journal) = Ring(2);
        var payload = new byte[journal.PayloadBytes];
        payload[0] = 3;
        flash.CutAfter(20);
        Assert.ThrowsExactly<PowerCut>(() => journal.Append(1, payload));
        var second = Recovered(flash, out _);
        Assert.AreEqual(2u, second.Sequence);
        Assert.AreEqual(0, second.DamagedRecords, "a torn body is no damage");
        payload[0] = 4;
        if (how == "commit byte lost")
        {
            second.Append(1, payload);
            LoseCommit(flash, 0, 3 * SlotBytes);
        }
        else
        {
            flash.CutAfter(SlotBytes);   // the body whole, then the cut before the commit byte
            Assert.ThrowsExactly<PowerCut>(() => second.Append(1, payload));
        }
        for (int boot = 1; boot <= 2; boot++)
        {
            var third = Recovered(flash, out var read);
            Assert.AreEqual(4u, third.Sequence, $"{how}, boot {boot}: record 4 is whole and numbered after 2, but record 2 was taken");
            Assert.AreEqual((byte)4, read[0]);
            Assert.AreEqual(0, third.DamagedRecords, $"{how}, boot {boot}");
        }
    }

    /// <summary>
    /// ERASED-PAGE-RECORD-IS-DAMAGE: record 5 is the first on page 1, with nothing after it, and a flip in
    /// its header (the magic 'O', the layout version, or its number moved out of the lap after record 4)
    /// makes it read as no record after the newest. Its commit byte is 'I' and the rest of its page is
    /// erased: a record written after the page's erase finished, not erase residue. Damage, and the page
    /// is kept for the next boot, which agrees.
    /// </summary>
    [TestMethod]
    [DataRow(0, 0)]   // magic 'O'
    [DataRow(2, 1)]   // layout version
    [DataRow(4, 0)]   // sequence 5 reads 4
    [DataRow(7, 7)]   // sequence 5 reads 2^31 + 5
    public void A_header_flip_in_a_newest_record_first_on_its_page_is_damage(int offset, int bit)
    {
        var (flash, _) = Ring(5);
        flash.FlipBit(1, offset, bit);
        for (int boot = 1; boot <= 2; boot++)
        {
            var journal = Recovered(flash, out var read);
            Assert.AreEqual(4u, journal.Sequence, $"byte {offset} bit {bit}, boot {boot}");
            Assert.AreEqual((byte)4, read[0]);
            Assert.AreEqual(1, journal.DamagedRecords, $"byte {offset} bit {bit}, boot {boot}: record 5 was erased as residue, and the pump fell back to record 4 in silence");
        }
    }

    /// <summary>
    /// The torn erase ERASED-PAGE-RECORD-IS-DAMAGE must not take for a record: page 1 was being erased
    /// (power cut) with its old records' bits all over it, many of them with a commit byte still 'I' and a
    /// failing check. 64 tears: never damage, the page erased again.
    /// </summary>
    [TestMethod]
    public void A_torn_erase_of_the_next_page_is_never_taken_for_a_committed_record()
    {
        int stops = 0, committedResidue = 0;
        for (int seed = 1; seed <= 64; seed++)
        {
            var (flash, journal) = Ring(8);
            var payload = new byte[journal.PayloadBytes];
            for (int r = 9; r <= 12; r++) { payload[0] = (byte)r; journal.Append(1, payload); }   // page 0 holds 9-12, page 1 holds 5-8
            flash.TearNext(seed);
            payload[0] = 13;
            Assert.ThrowsExactly<PowerCut>(() => journal.Append(1, payload));
            byte[] torn = flash.Image();
            for (int s = 0; s < PageBytes / SlotBytes; s++)
            {
                int at = PageBytes + s * SlotBytes;
                if (torn[at + 1] == Journal.Magic1 && BitConverter.ToUInt32(torn, at + SlotBytes - 4) != Crc32.Compute(torn, at, SlotBytes - 4)) { committedResidue++; break; }
            }
            flash.SeedReads(seed);
            var again = Recovered(flash, out var read);
            Assert.AreEqual(12u, again.Sequence, $"seed {seed}");
            if (again.DamagedRecords > 0) stops++;
        }
        Assert.AreEqual(0, stops, "torn erases taken for a committed record");
        Assert.IsTrue(committedResidue >= 8, $"only {committedResidue} of 64 tears left a slot reading 'I' that fails its check: the rule's case not tried");
    }

    /// <summary>
    /// COMMIT-LOSS-IS-DAMAGE on the whole pump: an old event's commit byte reads erased. The event log
    /// shows the gap as log-damaged (LOG-DAMAGE-KEEPS-DELIVERING): logged, raised, and delivery goes on.
    /// </summary>
    [TestMethod]
    public void An_event_whose_commit_byte_reads_erased_raises_log_damaged_and_delivery_goes_on()
    {
        var rig = PumpRig.Running();
        rig.RunFor(Milliseconds.FromHours(2));
        LoseCommit(rig.Flash, rig.Setup.EventFirstPage, 0);
        var pump = rig.PowerCycle();
        Assert.IsFalse(pump.LogValid, "the first event vanished and nothing was raised");
        Assert.IsTrue(pump.StorageValid, "the journal that runs the therapy is intact");
        rig.PassSelfTest();
        Assert.IsTrue(pump.Supervisor.Alarms.IsShown(AlarmCode.LogDamaged));
        Assert.AreNotEqual(SafetyState.SafeState, pump.Supervisor.State);
        long steps = rig.Motor.CompletedSteps;
        rig.RunFor(Milliseconds.FromHours(1));
        Assert.IsTrue(rig.Motor.CompletedSteps > steps, "delivery goes on");
    }

    /// <summary>
    /// ERASED-PAGE-RECORD-IS-DAMAGE on the whole pump: the newest pump-state record sits first on its
    /// journal page and its magic byte flips. The pump does not fall back to the record before it in
    /// silence: storage-fault, the safe state, and the latch still shown at the next boot.
    /// </summary>
    [TestMethod]
    public void A_header_flip_in_the_newest_pump_state_record_first_on_its_page_raises_the_storage_fault()
    {
        var rig = PumpRig.Running();
        int slotBytes = PumpStateRecord.SlotBytes;
        int perPage = PumpRig.PageSize / slotBytes;
        int slot = -1;
        for (int i = 0; i < 2000 && slot < 0; i++)
        {
            rig.RunFor(Milliseconds.FromSeconds(20));
            int s = NewestSlot(rig.Flash, rig.Setup.JournalPages, slotBytes);
            if (s > 0 && s % perPage == 0) slot = s;
        }
        Assert.IsTrue(slot > 0, "the newest record never sat first on a page");
        var copy = new PumpRig(boot: false);
        copy.Flash.Load(rig.Flash.Image());
        copy.Flash.FlipBit(rig.Setup.JournalFirstPage + slot / perPage, 0, 0);   // its magic 'O'
        var pump = copy.Boot();
        Assert.IsTrue(pump.Recovered);
        Assert.IsFalse(pump.StorageValid, "the newest record was erased as residue and the pump fell back in silence");
        copy.PassSelfTest();
        Assert.AreEqual(SafetyState.SafeState, pump.Supervisor.State);
        Assert.IsFalse(copy.Motor.Enabled);
        var after = copy.PowerCycle();
        copy.PassSelfTest();
        Assert.IsTrue(after.Supervisor.Alarms.IsShown(AlarmCode.StorageFault), "the storage fault is latched at the next boot");
    }

    private static int NewestSlot(RamFlash flash, int pages, int slotBytes)
    {
        byte[] image = flash.Image();
        int newest = -1;
        uint sequence = 0;
        for (int s = 0; s < pages * PumpRig.PageSize / slotBytes; s++)
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
