namespace OpenIdds.Firmware.Protocol.Messages
{
    /// <summary>
    /// One page of the event log for export: the oldest and newest sequence numbers the device holds,
    /// then up to <see cref="MaxEvents"/> events from the requested one on (sequence, kind, pump time,
    /// the time of day fixed when the event was written or -1 before the first clock sync, two values). The programmer asks again from the last sequence + 1 until it reaches the newest.
    /// </summary>
    public sealed class EventPageMessage
    {
        /// <summary>29 bytes an event: 35 fit the 1,024-byte payload after its 9-byte header.</summary>
        public const int MaxEvents = 35;

        public uint Oldest;
        public uint Newest;
        public int Count;
        public readonly uint[] Sequence = new uint[MaxEvents];
        public readonly int[] Kind = new int[MaxEvents];
        public readonly long[] PumpTime = new long[MaxEvents];
        public readonly long[] TimeOfDay = new long[MaxEvents];
        public readonly long[] A = new long[MaxEvents];
        public readonly long[] B = new long[MaxEvents];

        public void Write(PayloadWriter w)
        {
            w.U32(Oldest);
            w.U32(Newest);
            w.U8(Count);
            for (int i = 0; i < Count; i++)
            {
                w.U32(Sequence[i]);
                w.U8(Kind[i]);
                w.I64(PumpTime[i]);
                w.U32((uint)TimeOfDay[i]);
                w.I64(A[i]);
                w.U32((uint)B[i]);
            }
        }

        public static EventPageMessage Read(PayloadReader r)
        {
            EventPageMessage m = new EventPageMessage();
            m.Oldest = r.U32("events.oldest");
            m.Newest = r.U32("events.newest");
            m.Count = (int)r.InRange("events.count", r.U8("events.count"), 0, MaxEvents);
            if (!r.Ok) { m.Count = 0; return m; }
            for (int i = 0; i < m.Count; i++)
            {
                m.Sequence[i] = r.U32("events.sequence");
                m.Kind[i] = r.U8("events.kind");
                m.PumpTime[i] = r.I64("events.pump_time");
                m.TimeOfDay[i] = (int)r.U32("events.time_of_day");
                m.A[i] = r.I64("events.a");
                m.B[i] = r.U32("events.b");
            }
            return m;
        }
    }
}
