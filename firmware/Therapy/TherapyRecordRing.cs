using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Therapy
{
    /// <summary>
    /// The latest therapy records in a preallocated ring; the oldest is overwritten when full and
    /// <see cref="Written"/> keeps counting, so a reader can tell how many it missed. An optional
    /// next recorder (the persistent event log) receives every record too.
    /// </summary>
    public sealed class TherapyRecordRing : ITherapyRecorder
    {
        private readonly TherapyRecord[] _records;
        private long _written;
        private ITherapyRecorder? _next;

        public TherapyRecordRing(int capacity)
        {
            if (capacity < 1) throw new System.ArgumentOutOfRangeException("capacity", "record ring capacity " + capacity.ToString() + " must be at least 1");
            _records = new TherapyRecord[capacity];
        }

        public int Capacity { get { return _records.Length; } }

        /// <summary>Records ever written (held or overwritten).</summary>
        public long Written { get { return _written; } }

        /// <summary>Records held now.</summary>
        public int Count { get { return _written < _records.Length ? (int)_written : _records.Length; } }

        /// <summary>The record <paramref name="age"/> places back from the newest (0 = newest).</summary>
        public TherapyRecord Newest(int age)
        {
            long index = (_written - 1 - age) % _records.Length;
            return _records[(int)index];
        }

        /// <summary>The persistent log (issue 5) hooks in here.</summary>
        public ITherapyRecorder? Next { get { return _next; } set { _next = value; } }

        public void RecordLimit(Milliseconds at, TherapyRecordKind kind, CheckReason reason)
        {
            _records[(int)(_written % _records.Length)] = new TherapyRecord(at, kind, reason.Code, reason.Message);
            _written++;
            if (_next != null) _next.RecordLimit(at, kind, reason);
        }

        public void Record(Milliseconds at, TherapyRecordKind kind, TherapyError code, long amount, string message)
        {
            _records[(int)(_written % _records.Length)] = new TherapyRecord(at, kind, code, message);
            _written++;
            if (_next != null) _next.Record(at, kind, code, amount, message);
        }
    }
}
