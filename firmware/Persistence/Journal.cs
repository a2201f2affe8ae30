using OpenIdds.Hal;

namespace OpenIdds.Firmware.Persistence
{
    /// <summary>
    /// A log-structured journal of fixed-size records over a range of flash pages. Each record carries a
    /// sequence number and a CRC-32; recovery takes the newest record whose CRC holds
    /// (NEWEST-GOOD-RECORD-WINS). A record is only ever written into erased slots, and a page is erased
    /// only when the journal moves onto it - it then holds the oldest records, never the newest - so a
    /// torn write or a torn erase can destroy at most the record being written, never the last good one
    /// (TORN-WRITE-SAFE). Pages are used in a ring, which spreads the wear evenly.
    /// A record is programmed in two writes: everything but its second magic byte, then that byte
    /// (<see cref="Magic1"/>, the COMMIT byte) on its own. A slot whose commit byte is still erased was
    /// never finished; one whose commit byte was written and fails its check is damage (COMMIT-BYTE-LAST).
    /// </summary>
    public sealed class Journal
    {
        public const int Magic0 = 0x4F;   // 'O'
        public const int Magic1 = 0x49;   // 'I': also the commit byte, programmed last (five bit flips from erased)
        private const int CommitByte = 1;
        private const int HeaderBytes = 8;  // magic (2), version (1), kind (1), sequence (4)
        private const int CrcBytes = 4;

        private readonly INonVolatileStore _store;
        private readonly int _firstPage;
        private readonly int _pageCount;
        private readonly int _slotSize;
        private readonly int _slotsPerPage;
        private readonly byte[] _slot;
        private int _nextSlot;          // global slot index, 0 .. pageCount * slotsPerPage - 1
        private int _newestSlot = -1;   // where the newest good record is (-1: none)
        private uint _sequence;
        private int _corrupt;
        private uint _oldest;
        private int _damaged;

        public Journal(INonVolatileStore store, int firstPage, int pageCount, int slotSize)
        {
            if (pageCount < 2) throw new System.ArgumentOutOfRangeException("pageCount", "journal pages " + pageCount.ToString() + " must be at least 2 (one always keeps the newest record)");
            if (slotSize < HeaderBytes + CrcBytes + 8 || store.PageSize % slotSize != 0)
            {
                throw new System.ArgumentOutOfRangeException("slotSize", "journal slot " + slotSize.ToString() + " bytes must divide the page size " + store.PageSize.ToString() + " and hold a header and a CRC");
            }
            _store = store;
            _firstPage = firstPage;
            _pageCount = pageCount;
            _slotSize = slotSize;
            _slotsPerPage = store.PageSize / slotSize;
            _slot = new byte[slotSize];
        }

        /// <summary>Payload bytes a record can hold.</summary>
        public int PayloadBytes { get { return _slotSize - HeaderBytes - CrcBytes; } }

        /// <summary>Sequence number of the newest good record (0 if none).</summary>
        public uint Sequence { get { return _sequence; } }

        /// <summary>Sequence number of the oldest good record still held (0 if none).</summary>
        public uint OldestSequence { get { return _oldest; } }

        /// <summary>Records the ring holds at most: every page but the one being reused.</summary>
        public int Capacity { get { return (_pageCount - 1) * _slotsPerPage; } }

        /// <summary>Written slots whose CRC failed at the last recovery (torn writes, flipped bits).</summary>
        public int CorruptRecords { get { return _corrupt; } }

        /// <summary>
        /// Corrupt slots other than a torn write: the slot right after the newest record with its commit
        /// byte still erased is where a write was in flight when the power went (expected); any other bad
        /// slot - the newest record itself with a flipped bit included - is damage (a flipped bit, worn
        /// flash) and raises the storage fault.
        /// </summary>
        public int DamagedRecords { get { return _damaged; } }

        /// <summary>
        /// Scans every slot; copies the newest good record's payload into <paramref name="payload"/> and
        /// returns true, or returns false when there is none. Positions the journal after it.
        /// A slot cut by the power (TORN-WRITE-SAFE: it can only be the one right after the newest record,
        /// and its commit byte is still erased, since that byte is programmed after all the others) is
        /// retired - programmed to zeros, which flash allows without an erase - so it is never taken for
        /// damage at a later reset. A bad slot anywhere else, or one whose commit byte was written, is
        /// damage: a flipped bit. (The commit byte, 'I', is five bit flips away from erased.)
        /// </summary>
        public bool Recover(byte[] payload, out int kind)
        {
            kind = 0;
            int total = _pageCount * _slotsPerPage;
            int newest = -1;
            uint best = 0;
            int firstCorrupt = -1;
            _corrupt = 0;
            _oldest = 0;
            for (int s = 0; s < total; s++)
            {
                ReadSlot(s);
                if (Blank() || Retired()) continue;
                if (!Valid())
                {
                    _corrupt++;
                    if (firstCorrupt < 0) firstCorrupt = s;
                    continue;
                }
                uint sequence = SequenceOf();
                if (_oldest == 0 || sequence < _oldest) _oldest = sequence;
                if (newest < 0 || sequence > best)
                {
                    best = sequence;
                    newest = s;
                }
            }
            _damaged = _corrupt;
            int inFlight = newest < 0 ? firstCorrupt : (newest + 1) % total;
            if (inFlight >= 0)
            {
                ReadSlot(inFlight);
                if (!Blank() && !Retired() && !Valid() && _slot[CommitByte] == 0xFF)
                {
                    _damaged--;
                    Retire(inFlight);
                }
            }
            if (newest < 0)
            {
                _sequence = 0;
                _nextSlot = 0;
                return false;
            }
            ReadSlot(newest);
            kind = _slot[3];
            System.Array.Copy(_slot, HeaderBytes, payload, 0, PayloadBytes);
            _sequence = best;
            _nextSlot = inFlight;
            _newestSlot = newest;
            return true;
        }

        /// <summary>Appends a record. On a power cut part-way the previous record stays the newest good one.</summary>
        public void Append(int kind, byte[] payload)
        {
            int total = _pageCount * _slotsPerPage;
            // Find an erased slot at or after the next position; move onto (and erase) the next page if needed.
            for (int guard = 0; guard <= total; guard++)
            {
                if (_nextSlot % _slotsPerPage == 0)
                {
                    _store.Erase(_firstPage + _nextSlot / _slotsPerPage);
                    ForgetErased();
                }
                ReadSlot(_nextSlot);
                if (Blank()) break;
                _nextSlot = (_nextSlot + 1) % total;
            }
            uint sequence = _sequence + 1;
            _slot[0] = Magic0;
            _slot[1] = Magic1;
            _slot[2] = 1;
            _slot[3] = (byte)kind;
            for (int i = 0; i < 4; i++) _slot[4 + i] = (byte)(sequence >> (8 * i));
            System.Array.Copy(payload, 0, _slot, HeaderBytes, PayloadBytes);
            uint crc = Crc32.Compute(_slot, 0, _slotSize - CrcBytes);
            for (int i = 0; i < 4; i++) _slot[_slotSize - CrcBytes + i] = (byte)(crc >> (8 * i));
            int page = _firstPage + _nextSlot / _slotsPerPage;
            int offset = (_nextSlot % _slotsPerPage) * _slotSize;
            // COMMIT-BYTE-LAST: the body first with the commit byte left erased (programming 0xFF changes
            // nothing), then the commit byte on its own. A cut anywhere before leaves it erased: torn.
            _slot[CommitByte] = 0xFF;
            _store.Write(page, offset, _slot, 0, _slotSize);
            _slot[CommitByte] = Magic1;
            _store.Write(page, offset + CommitByte, _slot, CommitByte, 1);
            if (_oldest == 0) _oldest = sequence;
            _sequence = sequence;
            _newestSlot = _nextSlot;
            _nextSlot = (_nextSlot + 1) % total;
        }

        /// <summary>
        /// Reads the record with <paramref name="sequence"/> if it is still held and good. Records are
        /// written in slot order, so it is looked for where it must be - the newest record's slot minus
        /// the difference in sequence - and before that (a retired slot in between moves later records
        /// on by one): an export of the whole log reads each slot a few times, not every slot per record.
        /// </summary>
        public bool TryRead(uint sequence, byte[] payload, out int kind)
        {
            kind = 0;
            int total = _pageCount * _slotsPerPage;
            if (_newestSlot < 0 || sequence == 0 || sequence > _sequence || sequence < _oldest || _sequence - sequence >= (uint)total) return false;
            int s = (int)((_newestSlot - (long)(_sequence - sequence)) % total);
            if (s < 0) s += total;
            for (int tried = 0; tried < total; tried++)
            {
                ReadSlot(s);
                if (!Blank() && Valid())
                {
                    uint found = SequenceOf();
                    if (found == sequence)
                    {
                        kind = _slot[3];
                        System.Array.Copy(_slot, HeaderBytes, payload, 0, PayloadBytes);
                        return true;
                    }
                    if (found < sequence) return false;   // went past where it would be: it is gone
                }
                s = s == 0 ? total - 1 : s - 1;
            }
            return false;
        }

        /// <summary>The page just erased held the oldest records: the oldest still held is now the first good one on the page after it.</summary>
        private void ForgetErased()
        {
            int total = _pageCount * _slotsPerPage;
            int next = ((_nextSlot / _slotsPerPage + 1) % _pageCount) * _slotsPerPage;
            for (int i = 0; i < _slotsPerPage; i++)
            {
                ReadSlot((next + i) % total);
                if (Blank()) return;
                if (Valid()) { _oldest = SequenceOf(); return; }
            }
        }

        /// <summary>
        /// Programs a torn slot to zeros: not blank, never valid, and known to be no record. The commit byte
        /// goes last here too, so a retirement cut by the power still reads as torn and is retired again.
        /// </summary>
        private void Retire(int s)
        {
            int page = _firstPage + s / _slotsPerPage;
            int offset = (s % _slotsPerPage) * _slotSize;
            for (int i = 0; i < _slotSize; i++) _slot[i] = 0;
            _slot[CommitByte] = 0xFF;
            _store.Write(page, offset, _slot, 0, _slotSize);
            _slot[CommitByte] = 0;
            _store.Write(page, offset + CommitByte, _slot, CommitByte, 1);
        }

        private bool Retired()
        {
            for (int i = 0; i < _slotSize; i++) if (_slot[i] != 0) return false;
            return true;
        }

        private void ReadSlot(int s)
        {
            _store.Read(_firstPage + s / _slotsPerPage, (s % _slotsPerPage) * _slotSize, _slot, 0, _slotSize);
        }

        private bool Blank()
        {
            // Eight bytes per comparison: every append checks a whole slot (1 KiB for the pump's state).
            int i = 0;
            for (; i + 8 <= _slotSize; i += 8) if (System.BitConverter.ToUInt64(_slot, i) != ulong.MaxValue) return false;
            for (; i < _slotSize; i++) if (_slot[i] != 0xFF) return false;
            return true;
        }

        private bool Valid()
        {
            if (_slot[0] != Magic0 || _slot[1] != Magic1) return false;
            uint stored = 0;
            for (int i = 0; i < 4; i++) stored |= (uint)_slot[_slotSize - CrcBytes + i] << (8 * i);
            return stored == Crc32.Compute(_slot, 0, _slotSize - CrcBytes);
        }

        private uint SequenceOf()
        {
            uint v = 0;
            for (int i = 0; i < 4; i++) v |= (uint)_slot[4 + i] << (8 * i);
            return v;
        }
    }
}
