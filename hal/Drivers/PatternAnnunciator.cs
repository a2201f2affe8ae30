namespace OpenIdds.Hal.Drivers
{
    /// <summary>
    /// Plays the alarm pattern of the current priority on a tone and a light. The board calls
    /// <see cref="Update"/> from a timer (every 25 ms is enough for 150 ms pulses); the firmware only says
    /// which priority to show and whether it is audible.
    /// </summary>
    public sealed class PatternAnnunciator : IAnnunciator
    {
        private readonly IToneAndLight _outputs;
        private readonly IMonotonicClock _clock;
        private AlarmPriority _priority;
        private bool _audible;
        private long _since;

        public PatternAnnunciator(IToneAndLight outputs, IMonotonicClock clock)
        {
            _outputs = outputs;
            _clock = clock;
        }

        public AlarmPriority Priority { get { return _priority; } }

        public bool Audible { get { return _audible; } }

        public void Annunciate(AlarmPriority priority, bool audible)
        {
            long now = _clock.ElapsedMilliseconds;
            if (priority != _priority) _since = now;
            _priority = priority;
            _audible = audible;
            Update(now);
        }

        /// <summary>Sets tone and light for <paramref name="nowMilliseconds"/> into the pattern.</summary>
        public void Update(long nowMilliseconds)
        {
            long into = nowMilliseconds - _since;
            _outputs.SetIndicator(AlarmSignalPattern.IndicatorAt(_priority, into));
            _outputs.SetTone(_audible ? AlarmSignalPattern.ToneAt(_priority, into) : 0);
        }
    }
}
