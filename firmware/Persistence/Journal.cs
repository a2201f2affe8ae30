using OpenIdds.Hal;

namespace OpenIdds.Firmware.Persistence
{
    /// <summary>
    /// A log-structured journal of fixed-size records over a range of flash pages. Each record carries a
    /// sequence number and a CRC-32; recovery takes the newest record whose CRC holds
    /// (NEWEST-GOOD-RECORD-WINS). A record is only ever written into erased slots, and a page is erased
    /// only when the journal moves onto it - it then holds the oldest records, never the newest - so a
    /// torn write or a torn erase can destroy at most the record being written, never the last good one
    /// (TORN-WRITE-SAFE), also on NOR flash whose cut programs leave any subset of their bits cleared and
    /// some weak, and whose cut erases leave any bits (see <see cref="Recover"/>). Pages are used in a
    /// ring, which spreads the wear evenly. A record is programmed in two writes: everything but its
    /// second magic byte, then that byte (<see cref="Magic1"/>, the COMMIT byte) on its own. A slot whose
    /// commit byte is still erased was never finished; one whose commit byte was written and fails its
    /// check is damage (COMMIT-BYTE-LAST).
    /// </summary>
    public sealed class Journal
    {
        public const int Magic0 = 0x4F;   // 'O'
        public const int Magic1 = 0x49;   // 'I': also the commit byte, programmed last (five bit flips from erased)
        private const int CommitByte = 1;
        private const int HeaderBytes = 8;  // magic (2), version (1), kind (1), sequence (4)
        private const int CrcBytes = 4;
        private const byte Version = 1;
        private const byte SlotEmpty = 0;        // erased, or zeroed (retired)
        private const byte SlotRecord = 1;
        private const byte SlotUncommitted = 2;
        private const byte SlotDamaged = 3;

        private readonly INonVolatileStore _store;
        private readonly int _firstPage;
        private readonly int _pageCount;
        private readonly int _slotSize;
        private readonly int _slotsPerPage;
        private readonly byte[] _slot;
        private readonly byte[] _state;  // per slot, what the last recovery read there
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
            _state = new byte[pageCount * _slotsPerPage];
        }

        /// <summary>Payload bytes a record can hold.</summary>
        public int PayloadBytes { get { return _slotSize - HeaderBytes - CrcBytes; } }

        /// <summary>Sequence number of the newest good record (0 if none).</summary>
        public uint Sequence { get { return _sequence; } }

        /// <summary>Sequence number of the oldest good record still held (0 if none).</summary>
        public uint OldestSequence { get { return _oldest; } }

        /// <summary>Records the ring holds at most: every page but the one being reused.</summary>
        public int Capacity { get { return (_pageCount - 1) * _slotsPerPage; } }

        /// <summary>Written slots that held no good record at the last recovery (uncommitted writes, damage).</summary>
        public int CorruptRecords { get { return _corrupt; } }

        /// <summary>
        /// Bad slots that are not a power cut's work: a slot whose commit byte reads erased was never
        /// committed, a torn commit is finished and a torn erase erased again (see <see cref="Recover"/>);
        /// any other bad slot - the newest record itself with a flipped bit included - is damage (a flipped
        /// bit, worn flash) and raises the storage fault.
        /// </summary>
        public int DamagedRecords { get { return _damaged; } }

        /// <summary>
        /// Scans every slot; copies the newest good record's payload into <paramref name="payload"/> and
        /// returns true, or returns false when there is none. Positions the journal after it. Before it
        /// returns, recovery settles what a power cut can have left half-done, so that every later
        /// recovery of the chip reads the same records whatever its weak bits read
        /// (WEAK-BITS-SETTLED): the newest record's commit byte is programmed again; a record whose body
        /// is whole but whose commit byte was cut is finished (TORN-COMMIT-COMPLETED); a page the ring was
        /// erasing is erased again (TORN-ERASE-REERASED). A slot whose commit byte reads erased was never
        /// committed (UNCOMMITTED-IS-NO-RECORD): never used, never damage, never written again. Any other
        /// bad slot is damage.
        /// </summary>
        public bool Recover(byte[] payload, out int kind)
        {
            kind = 0;
            int total = _pageCount * _slotsPerPage;
            int newest = -1;
            uint best = 0;
            for (int s = 0; s < total; s++)
            {
                ReadSlot(s);
                byte state;
                if (Blank() || Retired()) state = SlotEmpty;
                else if (Valid()) state = SlotRecord;
                else state = Uncommitted() ? SlotUncommitted : SlotDamaged;
                _state[s] = state;
                if (state != SlotRecord) continue;
                uint sequence = SequenceOf();
                if (newest < 0 || sequence > best)
                {
                    best = sequence;
                    newest = s;
                    kind = _slot[3];
                    System.Array.Copy(_slot, HeaderBytes, payload, 0, PayloadBytes);
                }
            }

            // TORN-COMMIT-COMPLETED: the first slot after the newest record, past torn bodies (uncommitted slots
            // whose content is not whole), with a whole body numbered after it and a commit byte that is erased
            // or part-way to 'I', is the record a power cut stopped between its body and its commit byte (or
            // inside the commit byte). Its content is proved by the CRC, so it is finished: the body programmed
            // again (a weak bit the cut left is then solid) and the commit byte.
            int next = newest < 0 ? 0 : (newest + 1) % total;
            bool finished = false;
            for (int probe = next, probed = 0; probed < total; probed++, probe = (probe + 1) % total)
            {
                if (_state[probe] == SlotRecord || _state[probe] == SlotEmpty) break;
                ReadSlot(probe);
                if (Whole(best, total))
                {
                    best = SequenceOf();
                    newest = probe;
                    kind = _slot[3];
                    System.Array.Copy(_slot, HeaderBytes, payload, 0, PayloadBytes);
                    ProgramSlot(probe);
                    _state[probe] = SlotRecord;
                    next = (probe + 1) % total;
                    finished = true;
                    break;
                }
                if (_state[probe] != SlotUncommitted) break;
            }
            if (!finished && newest >= 0)
            {
                // WEAK-BITS-SETTLED: a commit byte cut part-way can read 'I' now and not at the next start;
                // programmed again it is solid (programming the same bits again changes no solid bit).
                _slot[CommitByte] = Magic1;
                _store.Write(_firstPage + newest / _slotsPerPage, (newest % _slotsPerPage) * _slotSize + CommitByte, _slot, CommitByte, 1);
            }

            // The ring goes on past uncommitted slots; the first page it reaches is the one it erases next.
            int walked = 0;
            while (next % _slotsPerPage != 0 && walked < _slotsPerPage && _state[next] == SlotUncommitted)
            {
                next = (next + 1) % total;
                walked++;
            }
            if (next % _slotsPerPage == 0 && (newest < 0 || next / _slotsPerPage != newest / _slotsPerPage)) ReeraseIfTorn(next / _slotsPerPage, best, total);

            _corrupt = 0;
            _damaged = 0;
            _oldest = 0;
            for (int s = 0; s < total; s++)
            {
                if (_state[s] == SlotUncommitted && LostItsCommit(s)) _state[s] = SlotDamaged;
                if (_state[s] == SlotUncommitted) _corrupt++;
                else if (_state[s] == SlotDamaged) { _corrupt++; _damaged++; }
                else if (_state[s] == SlotRecord)
                {
                    // The sequence number alone: the slot was checked whole above.
                    _store.Read(_firstPage + s / _slotsPerPage, (s % _slotsPerPage) * _slotSize + 4, _slot, 4, 4);
                    uint sequence = SequenceOf();
                    if (_oldest == 0 || sequence < _oldest) _oldest = sequence;
                }
            }
            if (newest < 0)
            {
                _sequence = 0;
                _nextSlot = next;
                _newestSlot = -1;
                return false;
            }
            _sequence = best;
            _nextSlot = next;
            _newestSlot = newest;
            return true;
        }

        /// <summary>
        /// TORN-ERASE-REERASED: the ring erases a page only when it moves onto it, right before the record
        /// after the newest. If that page holds bad slots and none of them reads as a record numbered after
        /// the newest (magic, layout version and a sequence number in the lap after it), it is the erase a
        /// power cut stopped: what it held were the oldest records, so the newest good record is the truth.
        /// It is erased again and its slots are no damage. A slot that reads as a later record is a record
        /// the pump may have acted on: damage, and the storage fault - unless it reads so only some of the
        /// time (<see cref="ClaimsAtEveryRead"/>).
        /// </summary>
        private void ReeraseIfTorn(int pageInRing, uint newest, int total)
        {
            int first = pageInRing * _slotsPerPage;
            bool bad = false;
            for (int i = 0; i < _slotsPerPage; i++)
            {
                int s = first + i;
                if (_state[s] == SlotEmpty) continue;
                ReadSlot(s);
                if (Claims(newest, total) && ClaimsAtEveryRead(s, newest, total)) return;
                if (_state[s] == SlotRecord) continue;
                bad = true;
                if (CommittedOnErasedPage(s)) { _state[s] = SlotDamaged; return; }
            }
            if (!bad) return;
            _store.Erase(_firstPage + pageInRing);
            for (int i = 0; i < _slotsPerPage; i++) _state[first + i] = SlotEmpty;
        }

        /// <summary>
        /// ERASED-PAGE-RECORD-IS-DAMAGE: a bad slot on the page the ring erases next whose commit byte reads
        /// 'I' at every one of eight reads, with every later slot of the page blank, is a record the pump
        /// wrote and committed on the page after its erase finished (the newest record, first on its page,
        /// with a flipped header): erase residue leaves bits all over the page, never a committed byte
        /// before an erased tail. It is damage, and the page is kept.
        /// </summary>
        private bool CommittedOnErasedPage(int s)
        {
            int end = (s / _slotsPerPage + 1) * _slotsPerPage;
            if (s + 1 >= end) return false;
            int page = _firstPage + s / _slotsPerPage;
            int offset = (s % _slotsPerPage) * _slotSize + CommitByte;
            for (int read = 0; read < 8; read++)
            {
                _store.Read(page, offset, _slot, CommitByte, 1);
                if (_slot[CommitByte] != Magic1) return false;
            }
            for (int later = s + 1; later < end; later++)
            {
                ReadSlot(later);
                if (!Blank()) return false;
            }
            return true;
        }

        /// <summary>
        /// COMMIT-LOSS-IS-DAMAGE: a slot whose commit byte reads erased but which holds a whole record (magic
        /// 'O', layout version and a CRC that holds with 'I' in the commit byte, at every one of eight reads)
        /// and is not the torn commit recovery finishes is a committed record whose commit byte lost its
        /// bits: damage, never a record silently gone. (A torn body is not whole; a weak bit a cut left in
        /// one does not read whole eight times.)
        /// </summary>
        private bool LostItsCommit(int s)
        {
            for (int read = 0; read < 8; read++)
            {
                ReadSlot(s);
                if (_slot[0] != Magic0 || _slot[2] != Version || !Uncommitted()) return false;
                _slot[CommitByte] = Magic1;
                if (!CrcHolds()) return false;
            }
            return true;
        }

        /// <summary>
        /// A record the pump wrote and committed has solid bits (its body was whole before its commit byte
        /// was programmed; a flip after that is solid too); a weak bit is the residue of a cut. So a header
        /// that reads as a later record only some of the time is erase residue, and the page is erased
        /// again: the choice the next boot then finds made (eight reads: a weak bit that matches all of
        /// them, one time in 256, leaves the stop).
        /// </summary>
        private bool ClaimsAtEveryRead(int s, uint newest, int total)
        {
            for (int read = 1; read < 8; read++)
            {
                _store.Read(_firstPage + s / _slotsPerPage, (s % _slotsPerPage) * _slotSize, _slot, 0, HeaderBytes);
                if (!Claims(newest, total)) return false;
            }
            return true;
        }

        /// <summary>The slot in <see cref="_slot"/> reads as a record numbered after <paramref name="newest"/>, in the lap after it.</summary>
        private bool Claims(uint newest, int total)
        {
            if (_slot[0] != Magic0 || _slot[2] != Version) return false;
            uint sequence = SequenceOf();
            return sequence > newest && sequence - newest <= (uint)total;
        }

        /// <summary>The slot in <see cref="_slot"/> is a whole record after <paramref name="newest"/> whose commit byte is erased or part-way to 'I'.</summary>
        private bool Whole(uint newest, int total)
        {
            byte commit = _slot[CommitByte];
            if ((commit & Magic1) != Magic1 || !Claims(newest, total)) return false;
            _slot[CommitByte] = Magic1;
            bool whole = CrcHolds();
            _slot[CommitByte] = commit;
            return whole;
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
            // SEQUENCE-NEVER-REPEATS: a record is numbered by its distance from the newest, so a slot the ring
            // skips (uncommitted, damaged) keeps a number no later record takes: two slots never share one.
            int distance = _newestSlot < 0 ? _nextSlot + 1 : (_nextSlot - _newestSlot + total) % total;
            if (distance == 0) distance = total;
            uint sequence = _sequence + (uint)distance;
            _slot[0] = Magic0;
            _slot[1] = Magic1;
            _slot[2] = Version;
            _slot[3] = (byte)kind;
            for (int i = 0; i < 4; i++) _slot[4 + i] = (byte)(sequence >> (8 * i));
            System.Array.Copy(payload, 0, _slot, HeaderBytes, PayloadBytes);
            uint crc = Crc32.Compute(_slot, 0, _slotSize - CrcBytes);
            for (int i = 0; i < 4; i++) _slot[_slotSize - CrcBytes + i] = (byte)(crc >> (8 * i));
            ProgramSlot(_nextSlot);
            if (_oldest == 0) _oldest = sequence;
            _sequence = sequence;
            _newestSlot = _nextSlot;
            _nextSlot = (_nextSlot + 1) % total;
        }

        /// <summary>
        /// Reads the record with <paramref name="sequence"/> if it is still held and good. Records are
        /// written in slot order, so it is looked for where it must be - the newest record's slot minus
        /// the difference in sequence (SEQUENCE-NEVER-REPEATS numbers records by slot), and before that
        /// (a slot an older firmware skipped without numbering past it moves later records on by one): an export of the whole log reads each slot a few times, not every slot per record.
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
        /// Programs the record in <see cref="_slot"/> into slot <paramref name="s"/> (COMMIT-BYTE-LAST): the
        /// body first with the commit byte left erased (programming 0xFF changes nothing), then the commit
        /// byte on its own. A cut anywhere before leaves the commit byte erased or part-way.
        /// </summary>
        private void ProgramSlot(int s)
        {
            int page = _firstPage + s / _slotsPerPage;
            int offset = (s % _slotsPerPage) * _slotSize;
            _slot[CommitByte] = 0xFF;
            _store.Write(page, offset, _slot, 0, _slotSize);
            _slot[CommitByte] = Magic1;
            _store.Write(page, offset + CommitByte, _slot, CommitByte, 1);
        }

        /// <summary>Zeros everywhere but the commit byte: a slot an older firmware retired (or a store's missing tail), no record.</summary>
        private bool Retired()
        {
            for (int i = 0; i < _slotSize; i++) if (i != CommitByte && _slot[i] != 0) return false;
            return true;
        }

        /// <summary>UNCOMMITTED-IS-NO-RECORD: the commit byte reads erased, so the append never finished and nothing acted on it.</summary>
        private bool Uncommitted() { return _slot[CommitByte] == 0xFF; }

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
            return CrcHolds();
        }

        private bool CrcHolds()
        {
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
