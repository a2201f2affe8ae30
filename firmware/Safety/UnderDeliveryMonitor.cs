using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Safety
{
    /// <summary>
    /// MISSED-DOSE-ALARM-BY-LOSS: counts the steps given and the steps dropped for lateness in the
    /// current and the previous clock hour. A few dropped steps are a little under-infusion
    /// (deadline-missed, low); when at least <see cref="MinimumMissedSteps"/> were dropped and they are
    /// a quarter or more of the steps that fell due, the therapy is largely not being given - withdrawal
    /// within hours - and under-delivery is raised at high priority.
    /// </summary>
    public sealed class UnderDeliveryMonitor
    {
        public const int MinimumMissedSteps = 4;

        /// <summary>Severe when missed x this &gt;= due (a quarter of the due steps).</summary>
        public const int SevereShareDivisor = 4;

        private long _hour = long.MinValue;
        private long _taken;
        private long _missed;
        private long _takenBefore;
        private long _missedBefore;

        public void Observe(Milliseconds now, long taken, long missed)
        {
            long hour = now.Value / Milliseconds.PerHour;
            if (hour != _hour)
            {
                bool next = hour == _hour + 1;
                _takenBefore = next ? _taken : 0;
                _missedBefore = next ? _missed : 0;
                _taken = 0;
                _missed = 0;
                _hour = hour;
            }
            _taken += taken;
            _missed += missed;
        }

        /// <summary>Steps dropped in this hour and the one before.</summary>
        public long Missed { get { return _missed + _missedBefore; } }

        /// <summary>Steps given in this hour and the one before.</summary>
        public long Taken { get { return _taken + _takenBefore; } }

        public bool Severe
        {
            get
            {
                long missed = Missed;
                return missed >= MinimumMissedSteps && missed * SevereShareDivisor >= missed + Taken;
            }
        }
    }
}
