namespace OpenIdds.Hal
{
    /// <summary>
    /// TICKS-NEVER-WRAP: turns a 32-bit millisecond tick (which wraps every 49.7 days, e.g. an RTOS
    /// tick or a uint timer) into the 64-bit monotonic clock the firmware needs. It must be sampled
    /// more often than every 49.7 days - the control loop samples it every 30 s at most.
    /// </summary>
    public sealed class TickWidener : IMonotonicClock
    {
        public delegate uint TickSource();

        private readonly TickSource _source;
        private uint _last;
        private long _wraps;

        public TickWidener(TickSource source)
        {
            _source = source;
            _last = source();
        }

        public long ElapsedMilliseconds
        {
            get
            {
                uint now = _source();
                if (now < _last) _wraps++;
                _last = now;
                return (_wraps << 32) + now;
            }
        }
    }
}
