namespace OpenIdds.Hal.Storage
{
    /// <summary>
    /// Flash in RAM, for tests and the simulator, with the rules real NOR flash has: an erase sets a
    /// page to 0xFF and wears it by one cycle; programming can only clear bits (a byte written twice is
    /// the AND of both). Power cuts, two ways: a byte-prefix cut stops a write after any number of its
    /// bytes (<see cref="CutAfter"/>); a NOR tear (NOR-FLASH-TEAR, <see cref="NorFlashTear"/>) leaves any
    /// subset of a program's bits cleared and some weak, or an erase's page in any state
    /// (<see cref="TearNext"/>, <see cref="TearWrite"/>, <see cref="TearErase"/>). A weak bit reads 0 or 1
    /// from one read to the next, drawn from the read seed, until a program clears it or an erase.
    /// </summary>
    public sealed class RamFlash : INonVolatileStore
    {
        private readonly byte[] _bytes;
        private readonly byte[] _weak;     // per byte, the bits that are weak
        private readonly int[] _weakBytes; // per page, bytes with a weak bit (0: reads are plain copies)
        private readonly int[] _erases;
        private readonly byte[] _erased;   // one page of 0xFF: an erase is a block copy of it
        private long _cutAfter = -1;
        private long _programmed;
        private int _tearSeed;
        private bool _tearArmed;
        private XorShiftRandom _reads = new XorShiftRandom(1);

        public RamFlash(int pageSize, int pageCount, int ratedEraseCycles)
        {
            PageSize = pageSize;
            PageCount = pageCount;
            RatedEraseCycles = ratedEraseCycles;
            _bytes = new byte[pageSize * pageCount];
            _weak = new byte[pageSize * pageCount];
            _weakBytes = new int[pageCount];
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

        /// <summary>Weak bits on the chip now.</summary>
        public int WeakBits
        {
            get
            {
                int n = 0;
                for (int i = 0; i < _weak.Length; i++) for (int b = _weak[i]; b != 0; b &= b - 1) n++;
                return n;
            }
        }

        /// <summary>True when any bit on the chip is weak (as <see cref="WeakBits"/> > 0, without counting them).</summary>
        public bool HasWeakBits
        {
            get
            {
                for (int page = 0; page < PageCount; page++) if (_weakBytes[page] != 0) return true;
                return false;
            }
        }

        /// <summary>Arms a cut: after <paramref name="bytes"/> more programmed bytes the write stops and <see cref="PowerCut"/> is thrown. -1 disarms.</summary>
        public void CutAfter(long bytes) { _cutAfter = bytes < 0 ? -1 : _programmed + bytes; }

        /// <summary>Arms a NOR tear: the next write or erase is torn as <paramref name="seed"/> draws it, and <see cref="PowerCut"/> is thrown.</summary>
        public void TearNext(int seed)
        {
            _tearSeed = seed;
            _tearArmed = true;
        }

        /// <summary>Starts the weak bits' reads afresh from <paramref name="seed"/> (each boot of a sweep reads with its own).</summary>
        public void SeedReads(int seed) { _reads = new XorShiftRandom(seed); }

        /// <summary>A copy of the whole chip, as a power cut leaves it (weak bits as they read now).</summary>
        public byte[] Image()
        {
            byte[] copy = new byte[_bytes.Length];
            Read(0, 0, copy, 0, copy.Length);
            return copy;
        }

        /// <summary>Loads an image (a chip after a cut) into this flash: every bit solid.</summary>
        public void Load(byte[] image)
        {
            System.Array.Copy(image, _bytes, _bytes.Length);
            System.Array.Clear(_weak, 0, _weak.Length);
            System.Array.Clear(_weakBytes, 0, _weakBytes.Length);
        }

        /// <summary>Flips one bit, as wear or radiation would.</summary>
        public void FlipBit(int page, int offset, int bit) { _bytes[page * PageSize + offset] ^= (byte)(1 << bit); }

        /// <summary>Makes one bit weak, as a cut program or erase leaves it.</summary>
        public void MakeWeak(int page, int offset, int bit)
        {
            _weak[page * PageSize + offset] |= (byte)(1 << bit);
            Recount(page);
        }

        /// <summary>Applies a program cut by the power, as <paramref name="seed"/> draws it (no exception: the harness tears copies).</summary>
        public void TearWrite(int page, int offset, byte[] data, int index, int count, int seed)
        {
            NorFlashTear.Program(_bytes, _weak, page * PageSize + offset, data, index, count, seed);
            Recount(page);
        }

        /// <summary>Applies an erase cut by the power, as <paramref name="seed"/> draws it.</summary>
        public void TearErase(int page, int seed)
        {
            NorFlashTear.Erase(_bytes, _weak, page * PageSize, PageSize, seed);
            Recount(page);
        }

        public void Read(int page, int offset, byte[] buffer, int index, int count)
        {
            int start = page * PageSize + offset;
            System.Array.Copy(_bytes, start, buffer, index, count);
            int last = (start + count - 1) / PageSize;
            for (int p = start / PageSize; p <= last && p < PageCount; p++)
            {
                if (_weakBytes[p] == 0) continue;
                int from = p * PageSize > start ? p * PageSize : start;
                int to = (p + 1) * PageSize < start + count ? (p + 1) * PageSize : start + count;
                for (int at = from; at < to; at++)
                {
                    int w = _weak[at];
                    if (w != 0) buffer[index + at - start] = (byte)((buffer[index + at - start] & ~w) | ((int)_reads.NextUInt() & w));
                }
            }
        }

        public void Erase(int page)
        {
            if (_tearArmed)
            {
                _tearArmed = false;
                TearErase(page, _tearSeed);
                throw new PowerCut("power cut during the erase of page " + page.ToString() + " (tear seed " + _tearSeed.ToString() + ")");
            }
            if (_cutAfter >= 0 && _programmed >= _cutAfter)
            {
                // Half-erased: the first half is 0xFF, the rest keeps what it had.
                System.Array.Copy(_erased, 0, _bytes, page * PageSize, PageSize / 2);
                _cutAfter = -1;
                Recount(page);
                throw new PowerCut("power cut during the erase of page " + page.ToString());
            }
            System.Array.Copy(_erased, 0, _bytes, page * PageSize, PageSize);
            System.Array.Clear(_weak, page * PageSize, PageSize);
            _weakBytes[page] = 0;
            _erases[page]++;
        }

        public void Write(int page, int offset, byte[] data, int index, int count)
        {
            if (_tearArmed)
            {
                _tearArmed = false;
                TearWrite(page, offset, data, index, count, _tearSeed);
                throw new PowerCut("power cut during a write of " + count.ToString() + " bytes to page " + page.ToString() + " (tear seed " + _tearSeed.ToString() + ")");
            }
            // Bytes are programmed in order; an armed cut stops the write after the bytes it allows.
            int written = count;
            if (_cutAfter >= 0 && _cutAfter - _programmed < count) written = _cutAfter > _programmed ? (int)(_cutAfter - _programmed) : 0;
            int start = page * PageSize + offset;
            if (_weakBytes[page] == 0 && Erased(start, written) && index >= 0 && index + written <= data.Length) System.Array.Copy(data, index, _bytes, start, written);
            else
            {
                // A whole program pulse clears its bits for good: a weak bit programmed to 0 is solid.
                for (int i = 0; i < written; i++)
                {
                    _bytes[start + i] &= data[index + i];
                    _weak[start + i] &= data[index + i];
                }
                if (_weakBytes[page] != 0) Recount(page);
            }
            _programmed += written;
            if (written < count)
            {
                _cutAfter = -1;
                throw new PowerCut("power cut after " + written.ToString() + " of " + count.ToString() + " bytes written to page " + page.ToString());
            }
        }

        private void Recount(int page)
        {
            int n = 0;
            for (int at = page * PageSize; at < (page + 1) * PageSize; at++) if (_weak[at] != 0) n++;
            _weakBytes[page] = n;
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
