using System.IO;
using OpenIdds.Hal;

namespace OpenIdds.Hal.Storage
{
    /// <summary>
    /// The non-volatile store as a file - on a board the internal flash drive I:\, on the host any path - with flash rules kept in
    /// software: erase sets a page to 0xFF, writing can only clear bits. (The journal that uses it is the
    /// persistence layer's.)
    /// </summary>
    public sealed class FileFlash : INonVolatileStore
    {
        private readonly FileStream _file;
        private readonly byte[] _page;

        public FileFlash(string path, int pageSize, int pageCount)
        {
            PageSize = pageSize;
            PageCount = pageCount;
            _page = new byte[pageSize];
            bool fresh = !File.Exists(path);
            _file = new FileStream(path, FileMode.OpenOrCreate);
            long length = (long)pageSize * pageCount;
            if (fresh)
            {
                for (int i = 0; i < pageCount; i++) Erase(i);
            }
            else if (_file.Length < length)
            {
                // STORE-LOSS-IS-A-FAULT: a short file is damage, never a reason to erase what is left.
                // The missing tail reads as programmed zeros (no record, no blank slot to write), so the
                // journal finds what survived and the pump's commissioning record tells a lost store
                // from a new one.
                Truncated = true;
                long have = _file.Length;
                _file.Seek(have, SeekOrigin.Begin);
                for (int i = 0; i < _page.Length; i++) _page[i] = 0;
                while (have < length)
                {
                    int n = length - have < _page.Length ? (int)(length - have) : _page.Length;
                    _file.Write(_page, 0, n);
                    have += n;
                }
                SyncToDevice();
            }
        }

        /// <summary>The file was shorter than the layout when opened (damage; its tail was filled with zeros).</summary>
        public bool Truncated { get; private set; }

        public int PageSize { get; private set; }
        public int PageCount { get; private set; }

        /// <summary>ESP32 SPI flash sectors are rated for 100,000 cycles; 10,000 is the conservative figure we budget with.</summary>
        public int RatedEraseCycles { get { return 10000; } }

        public void Read(int page, int offset, byte[] buffer, int index, int count)
        {
            _file.Seek((long)page * PageSize + offset, SeekOrigin.Begin);
            int done = 0;
            while (done < count)
            {
                int n = _file.Read(buffer, index + done, count - done);
                if (n <= 0) throw new IOException("flash file ended at page " + page.ToString() + " offset " + (offset + done).ToString());
                done += n;
            }
        }

        public void Erase(int page)
        {
            for (int i = 0; i < PageSize; i++) _page[i] = 0xFF;
            _file.Seek((long)page * PageSize, SeekOrigin.Begin);
            _file.Write(_page, 0, PageSize);
            SyncToDevice();
        }

        public void Write(int page, int offset, byte[] data, int index, int count)
        {
            Read(page, 0, _page, 0, PageSize);
            for (int i = 0; i < count; i++) _page[offset + i] &= data[index + i];
            _file.Seek((long)page * PageSize + offset, SeekOrigin.Begin);
            _file.Write(_page, offset, count);
            SyncToDevice();
        }

        /// <summary>Device syncs since start-up (one per write and per erase).</summary>
        public long Syncs { get; private set; }

        /// <summary>
        /// SYNC-AT-COMMIT: every write and erase reaches the device before it returns, so the order the
        /// journal relies on (a record's body, then its commit byte; an erase before the page's first
        /// record) survives a power cut, not only a killed process. On .NET that is fsync
        /// (Flush(true)); nanoFramework's Flush writes through its file system driver to the flash.
        /// </summary>
        private void SyncToDevice()
        {
#if NANOFRAMEWORK_1_0
            _file.Flush();
#else
            _file.Flush(true);
#endif
            Syncs++;
        }
    }
}
