namespace OpenIdds.Hal.Storage
{
    /// <summary>
    /// Flash in RAM, for tests and the simulator, with the rules real NOR flash has: an erase sets a
    /// page to 0xFF and wears it by one cycle; programming can only clear bits (a byte written twice is
    /// the AND of both). A power cut can be armed to stop after any number of further programmed bytes
    /// (a torn write) or at the next erase (a half-erased page is left with garbage).
    /// </summary>
    public sealed class RamFlash : INonVolatileStore
    {
        private readonly byte[] _bytes;
        private readonly int[] _erases;
        private readonly byte[] _erased;   // one page of 0xFF: an erase is a block copy of it
        private long _cutAfter = -1;
        private long _programmed;

        public RamFlash(int pageSize, int pageCount, int ratedEraseCycles)
        {
            PageSize = pageSize;
            PageCount = pageCount;
            RatedEraseCycles = ratedEraseCycles;
            _bytes = new byte[pageSize * pageCount];
            _erases = new int[pageCount];
            _erased = new byte[pageSize];
            for (int i = 0; i < _erased.Length; i++) _erased[i] = 0xFF;
            for (int page = 0; page < pageCount; page++) System.Array.Copy(_erased, 0, _bytes, page * pageSize, pageSize);
        }

        public int PageSize { get; private set; }
        public int PageCount { get; private set; }
        public int RatedEraseCycles { get; private set; }

        /// <summary>Bytes programmed since creation: the harness's clock for "cut at any byte".</summary>
        public long ProgrammedBytes { get { return _programmed; } }

        public int EraseCount(int page) { return _erases[page]; }

        /// <summary>Arms a cut: after <paramref name="bytes"/> more programmed bytes the write stops and <see cref="PowerCut"/> is thrown. -1 disarms.</summary>
        public void CutAfter(long bytes) { _cutAfter = bytes < 0 ? -1 : _programmed + bytes; }

        /// <summary>A copy of the whole chip, as a power cut leaves it.</summary>
        public byte[] Image()
        {
            byte[] copy = new byte[_bytes.Length];
            System.Array.Copy(_bytes, copy, _bytes.Length);
            return copy;
        }

        /// <summary>Loads an image (a chip after a cut) into this flash.</summary>
        public void Load(byte[] image) { System.Array.Copy(image, _bytes, _bytes.Length); }

        /// <summary>Flips one bit, as wear or radiation would.</summary>
        public void FlipBit(int page, int offset, int bit) { _bytes[page * PageSize + offset] ^= (byte)(1 << bit); }

        public void Read(int page, int offset, byte[] buffer, int index, int count)
        {
            System.Array.Copy(_bytes, page * PageSize + offset, buffer, index, count);
        }

        public void Erase(int page)
        {
            if (_cutAfter >= 0 && _programmed >= _cutAfter)
            {
                // Half-erased: the first half is 0xFF, the rest keeps what it had.
                System.Array.Copy(_erased, 0, _bytes, page * PageSize, PageSize / 2);
                _cutAfter = -1;
                throw new PowerCut("power cut during the erase of page " + page.ToString());
            }
            System.Array.Copy(_erased, 0, _bytes, page * PageSize, PageSize);
            _erases[page]++;
        }

        public void Write(int page, int offset, byte[] data, int index, int count)
        {
            // Bytes are programmed in order; an armed cut stops the write after the bytes it allows.
            int written = count;
            if (_cutAfter >= 0 && _cutAfter - _programmed < count) written = _cutAfter > _programmed ? (int)(_cutAfter - _programmed) : 0;
            int start = page * PageSize + offset;
            if (Erased(start, written) && index >= 0 && index + written <= data.Length) System.Array.Copy(data, index, _bytes, start, written);
            else for (int i = 0; i < written; i++) _bytes[start + i] &= data[index + i];
            _programmed += written;
            if (written < count)
            {
                _cutAfter = -1;
                throw new PowerCut("power cut after " + written.ToString() + " of " + count.ToString() + " bytes written to page " + page.ToString());
            }
        }

        /// <summary>
        /// True when <paramref name="count"/> bytes from <paramref name="start"/> are all 0xFF (and inside
        /// the chip): programming them leaves exactly the new bytes, a block copy - what every journal
        /// write into its erased slot is. Anything else takes the byte-by-byte AND above.
        /// </summary>
        private bool Erased(int start, int count)
        {
            if (start < 0 || count < 0 || start + count > _bytes.Length) return false;
            int i = 0;
            for (; i + 8 <= count; i += 8) if (System.BitConverter.ToUInt64(_bytes, start + i) != ulong.MaxValue) return false;
            for (; i < count; i++) if (_bytes[start + i] != 0xFF) return false;
            return true;
        }
    }
}
