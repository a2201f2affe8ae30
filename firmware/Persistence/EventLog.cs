using OpenIdds.Firmware.Units;
using OpenIdds.Hal;

namespace OpenIdds.Firmware.Persistence
{
    /// <summary>
    /// The append-only event log: typed, timestamped 32-byte records (kind, pump time, two values, e.g.
    /// steps and microliters, or an alarm code and a reason code) in a ring of flash pages, each record
    /// with its own CRC. Capacity: (pages - 1) x records per page - 8 pages of 4 KiB hold 896 events, a
    /// month of hourly delivery lines plus the events between. Readable oldest to newest by sequence
    /// number for export.
    /// </summary>
    public sealed class EventLog
    {
        public const int RecordBytes = 32;
        private readonly Journal _ring;
        private readonly RecordBuffer _buffer;

        public EventLog(INonVolatileStore store, int firstPage, int pageCount)
        {
            _ring = new Journal(store, firstPage, pageCount, RecordBytes);
            _buffer = new RecordBuffer(_ring.PayloadBytes);
            int kind;
            _ring.Recover(_buffer.Bytes, out kind);
        }

        public int Capacity { get { return _ring.Capacity; } }
        public uint Newest { get { return _ring.Sequence; } }
        public uint Oldest { get { return _ring.OldestSequence; } }

        /// <summary>Records found damaged at start-up (a torn append, the power cut in the middle of it, is not damage): see <see cref="Journal.DamagedRecords"/>.</summary>
        public int DamagedRecords { get { return _ring.DamagedRecords; } }

        public void Append(EventKind kind, Milliseconds pumpTime, long a, long b)
        {
            _buffer.Clear();
            _buffer.PutInt64(pumpTime.Value);
            _buffer.PutInt64(a);
            _buffer.PutUInt32((uint)b);
            _ring.Append((int)kind, _buffer.Bytes);
        }

        /// <summary>Reads event <paramref name="sequence"/> (Oldest..Newest); false if it was overwritten or failed its CRC.</summary>
        public bool Read(uint sequence, out EventKind kind, out Milliseconds pumpTime, out long a, out long b)
        {
            int k;
            bool ok = _ring.TryRead(sequence, _buffer.Bytes, out k);
            _buffer.Position = 0;
            kind = (EventKind)k;
            pumpTime = new Milliseconds(ok ? _buffer.GetInt64() : 0);
            a = ok ? _buffer.GetInt64() : 0;
            b = ok ? _buffer.GetUInt32() : 0;
            return ok;
        }
    }
}
