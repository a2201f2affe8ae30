using OpenIdds.Firmware.Persistence;
using OpenIdds.Hal.Storage;

namespace OpenIdds.Tests.Host.Persistence;

/// <summary>Reading records back by sequence (the event log's export) after the ring wrapped and with an uncommitted torn slot in it.</summary>
[TestClass]
public class JournalReadTests
{
    [TestMethod]
    public void Every_held_record_reads_back_by_sequence_after_wraps_and_a_torn_slot()
    {
        var flash = new RamFlash(256, 4, 10_000);
        var journal = new Journal(flash, 0, 4, 32);          // 8 slots a page, 32 in all, 24 held
        var payload = new byte[journal.PayloadBytes];
        for (int i = 1; i <= 50; i++) { payload[0] = (byte)i; journal.Append(1, payload); }
        // A write cut after 5 bytes, then a reset: the torn slot is skipped, and its number (51) with it.
        flash.CutAfter(5);
        Assert.ThrowsExactly<PowerCut>(() => journal.Append(1, payload));
        journal = new Journal(flash, 0, 4, 32);
        Assert.IsTrue(journal.Recover(payload, out _));
        Assert.AreEqual(0, journal.DamagedRecords, "a torn write is not damage");
        for (int i = 52; i <= 71; i++) { payload[0] = (byte)i; journal.Append(1, payload); }
        var again = new Journal(flash, 0, 4, 32);
        Assert.IsTrue(again.Recover(payload, out _));
        Assert.AreEqual(0, again.DamagedRecords, "the torn slot is still not damage after the ring moved past it");
        Assert.AreEqual(71u, again.Sequence);
        int read = 0;
        for (uint s = again.OldestSequence; s <= again.Sequence; s++)
        {
            if (s == 51) { Assert.IsFalse(again.TryRead(s, payload, out _), "the torn slot's number is no record"); continue; }
            Assert.IsTrue(again.TryRead(s, payload, out int kind), $"record {s} (oldest held {again.OldestSequence})");
            Assert.AreEqual((byte)s, payload[0]);
            Assert.AreEqual(1, kind);
            read++;
        }
        Assert.IsTrue(read >= 20, $"{read} records held");
        Assert.IsFalse(again.TryRead(again.OldestSequence - 1, payload, out _), "an overwritten record is gone");
        Assert.IsFalse(again.TryRead(72, payload, out _), "a record not written yet");
    }
}
