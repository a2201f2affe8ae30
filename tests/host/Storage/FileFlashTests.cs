using OpenIdds.Hal.Storage;

namespace OpenIdds.Tests.Host.Storage;

[TestClass]
public class FileFlashTests
{
    [TestMethod]
    public void A_file_shorter_than_the_layout_keeps_what_it_holds_and_its_tail_reads_programmed()
    {
        string path = Path.Combine(Path.GetTempPath(), $"openidds-{Guid.NewGuid():N}.nv");
        try
        {
            var flash = new FileFlash(path, 256, 4);
            flash.Write(0, 0, new byte[] { 0x12, 0x34 }, 0, 2);
            flash.Write(3, 254, new byte[] { 0x56 }, 0, 1);
            using (var f = new FileStream(path, FileMode.Open)) f.SetLength(f.Length - 1);
            // (FileFlash keeps its FileStream open; a board reopens the file at the next boot.)
            var reopened = new FileFlash(path, 256, 4);
            Assert.IsTrue(reopened.Truncated);
            var page = new byte[256];
            reopened.Read(0, 0, page, 0, 256);
            Assert.AreEqual(0x12, page[0], "what the file held is not erased (STORE-LOSS-IS-A-FAULT)");
            Assert.AreEqual(0x34, page[1]);
            reopened.Read(3, 0, page, 0, 256);
            Assert.AreEqual(0x56, page[254]);
            Assert.AreEqual(0x00, page[255], "the lost byte reads programmed, not erased");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void Every_write_and_erase_is_synced_to_the_device_before_it_returns()
    {
        string path = Path.Combine(Path.GetTempPath(), $"openidds-{Guid.NewGuid():N}.nv");
        try
        {
            var flash = new FileFlash(path, 256, 4);
            long afterFormat = flash.Syncs;
            Assert.AreEqual(4L, afterFormat, "the four erases of a new file");
            flash.Write(1, 0, new byte[] { 1, 2, 3 }, 0, 3);
            flash.Write(1, 3, new byte[] { 0x49 }, 0, 1);   // a commit byte on its own
            flash.Erase(2);
            Assert.AreEqual(afterFormat + 3, flash.Syncs, "SYNC-AT-COMMIT: one sync per write and per erase");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
