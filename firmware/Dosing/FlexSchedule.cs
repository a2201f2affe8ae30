using System;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Dosing
{
    /// <summary>
    /// Flex dosing: time-of-day steps that repeat every day (SynchroMed's "flex"). Step i runs from
    /// its start until the next step's start; the last step runs past midnight into the first.
    /// Time of day comes from <see cref="TimeOfDayAtZero"/>, the time of day at monotonic zero,
    /// which clock sync sets; the monotonic clock itself never jumps.
    /// </summary>
    public sealed class FlexSchedule : IRateProfile
    {
        public const int MaxSteps = 48;

        private readonly long[] _startOfDay;
        private readonly NanolitersPerHour[] _rates;
        private readonly long _offset;

        /// <param name="startsOfDay">Step starts as milliseconds after midnight, strictly increasing.</param>
        /// <param name="rates">The rate of each step.</param>
        /// <param name="timeOfDayAtZero">Milliseconds after midnight at monotonic time zero.</param>
        public FlexSchedule(Milliseconds[] startsOfDay, NanolitersPerHour[] rates, Milliseconds timeOfDayAtZero)
        {
            // SCHEDULE-VALIDATION: a wrong step would run every day, so each bad value is refused,
            // naming it and its limit.
            if (startsOfDay.Length == 0 || startsOfDay.Length > MaxSteps)
            {
                throw new ArgumentOutOfRangeException("startsOfDay", "flex steps " + startsOfDay.Length.ToString() + " is outside 1.." + MaxSteps.ToString());
            }
            if (rates.Length != startsOfDay.Length)
            {
                throw new ArgumentException("rates has " + rates.Length.ToString() + " entries but startsOfDay has " + startsOfDay.Length.ToString(), "rates");
            }
            if (timeOfDayAtZero.Value < 0 || timeOfDayAtZero.Value >= Milliseconds.PerDay)
            {
                throw new ArgumentOutOfRangeException("timeOfDayAtZero", "timeOfDayAtZero " + timeOfDayAtZero.Value.ToString() + " ms is outside 0.." + (Milliseconds.PerDay - 1).ToString() + " ms");
            }
            _startOfDay = new long[startsOfDay.Length];
            _rates = new NanolitersPerHour[rates.Length];
            for (int i = 0; i < startsOfDay.Length; i++)
            {
                long start = startsOfDay[i].Value;
                long previous = i == 0 ? -1 : _startOfDay[i - 1];
                if (start <= previous || start >= Milliseconds.PerDay)
                {
                    throw new ArgumentOutOfRangeException("startsOfDay", "startsOfDay[" + i.ToString() + "] " + start.ToString() + " ms must be after " + previous.ToString() + " ms and before " + Milliseconds.PerDay.ToString() + " ms");
                }
                RateLimit.Check(rates[i], "rates[" + i.ToString() + "]");
                _startOfDay[i] = start;
                _rates[i] = rates[i];
            }
            _offset = timeOfDayAtZero.Value;
        }

        public int StepCount { get { return _rates.Length; } }

        /// <summary>Step <paramref name="i"/>'s start, ms after midnight (for storing the schedule).</summary>
        public Milliseconds StartOfDay(int i) { return new Milliseconds(_startOfDay[i]); }

        public NanolitersPerHour RateOf(int i) { return _rates[i]; }

        public Milliseconds TimeOfDayAtZero { get { return new Milliseconds(_offset); } }

        /// <summary>The volume one day of this schedule delivers, rounded down to a whole nanoliter.</summary>
        public Nanoliters DailyVolume
        {
            get
            {
                long accumulated = 0;
                for (int i = 0; i < _rates.Length; i++)
                {
                    long end = i + 1 < _rates.Length ? _startOfDay[i + 1] : _startOfDay[0] + Milliseconds.PerDay;
                    accumulated += _rates[i].Value * (end - _startOfDay[i]);
                }
                return new Nanoliters(accumulated / Milliseconds.PerHour);
            }
        }

        public NanolitersPerHour RateAt(Milliseconds t, out Milliseconds nextChange)
        {
            long shifted = t.Value + _offset;
            long timeOfDay = shifted % Milliseconds.PerDay;
            if (timeOfDay < 0) timeOfDay += Milliseconds.PerDay;
            long midnight = shifted - timeOfDay - _offset;

            int step = _rates.Length - 1;
            for (int i = 0; i < _startOfDay.Length; i++)
            {
                if (_startOfDay[i] <= timeOfDay) step = i; else break;
            }
            long nextStart;
            if (step + 1 < _startOfDay.Length && _startOfDay[step + 1] > timeOfDay) nextStart = _startOfDay[step + 1];
            else if (_startOfDay[0] > timeOfDay) nextStart = _startOfDay[0];
            else nextStart = _startOfDay[0] + Milliseconds.PerDay;
            nextChange = new Milliseconds(midnight + nextStart);
            return _rates[step];
        }
    }
}
