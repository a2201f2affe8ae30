using System.IO;

namespace OpenIdds.Hal.Storage
{
    /// <summary>
    /// The commissioning record as a small file beside the store (STORE-LOSS-IS-A-FAULT): present
    /// means commissioned. A file that cannot be read counts as commissioned (a lost store is then a
    /// fault, the safe direction); one that cannot be written leaves the device uncommissioned, and
    /// the firmware tries again at the next boot.
    /// </summary>
    public sealed class CommissioningFile : ICommissioningRecord
    {
        private readonly string _path;

        public CommissioningFile(string path) { _path = path; }

        public string Path { get { return _path; } }

        public bool Commissioned
        {
            get
            {
                try
                {
                    return File.Exists(_path);
                }
                catch (IOException)
                {
                    return true;
                }
            }
        }

        public void RecordCommissioned()
        {
            try
            {
                FileStream file = new FileStream(_path, FileMode.Create);
                file.Write(new byte[] { (byte)'C' }, 0, 1);
                file.Flush();
                file.Dispose();
            }
            catch (IOException)
            {
                // Not recorded: the next boot, finding the journal's record, records it again.
            }
        }
    }
}
