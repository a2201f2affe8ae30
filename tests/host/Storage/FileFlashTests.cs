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
}
