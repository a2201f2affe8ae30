using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Safety
{
    /// <summary>The latest alarm events in preallocated arrays (no allocation per event); forwards each to an optional next sink.</summary>
    public sealed class AlarmEventRing : IAlarmEventSink
    {
        private readonly long[] _at;
        private readonly AlarmEventKind[] _kind;
        private readonly AlarmCode[] _code;
        private long _written;

        public AlarmEventRing(int capacity)
        {
            if (capacity < 1) throw new System.ArgumentOutOfRangeException("capacity", "alarm event ring capacity " + capacity.ToString() + " must be at least 1");
            _at = new long[capacity];
            _kind = new AlarmEventKind[capacity];
            _code = new AlarmCode[capacity];
        }

        public IAlarmEventSink? Next { get; set; }

        public long Written { get { return _written; } }

        public int Count { get { return _written < _at.Length ? (int)_written : _at.Length; } }

        /// <summary>The event <paramref name="age"/> places back from the newest (0 = newest).</summary>
        public void Newest(int age, out Milliseconds at, out AlarmEventKind kind, out AlarmCode code)
        {
            int i = (int)((_written - 1 - age) % _at.Length);
            at = new Milliseconds(_at[i]);
            kind = _kind[i];
            code = _code[i];
        }

        /// <summary>How many held events match (for tests and status screens).</summary>
        public int CountOf(AlarmEventKind kind, AlarmCode code)
        {
            int n = 0;
            for (int age = 0; age < Count; age++)
            {
                int i = (int)((_written - 1 - age) % _at.Length);
                if (_kind[i] == kind && _code[i] == code) n++;
            }
            return n;
        }

        public void Record(Milliseconds at, AlarmEventKind kind, AlarmCode code)
        {
            int i = (int)(_written % _at.Length);
            _at[i] = at.Value;
            _kind[i] = kind;
            _code[i] = code;
            _written++;
            if (Next != null) Next.Record(at, kind, code);
        }
    }
}
