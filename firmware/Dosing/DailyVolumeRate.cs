using System;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Dosing
{
    /// <summary>
    /// DAILY-DOSE-EXACT: a basal prescribed as a volume per day runs that volume every day exactly,
    /// even where 24 does not divide it. The day's volume V = 24 q + r is spread over the hours of
    /// monotonic time: hour h of each day (h = 0..23) runs q + (floor((h+1) r / 24) - floor(h r / 24))
    /// nL/h, so any 24 h delivers exactly V and the integral never strays from V x t / 24 h by a
    /// nanoliter or more. Rounding the rate to whole nL/h instead would lose up to 23 nL a day, every
    /// day (0.5 mg/day of 10 mg/mL: 8 nL/day, 2.4 ug of morphine a month).
    /// </summary>
    public sealed class DailyVolumeRate : IRateProfile
    {
        private const long HoursPerDay = 24;

        private readonly NanolitersPerDay _perDay;
        private readonly long _base;
        private readonly long _extra;

        public DailyVolumeRate(NanolitersPerDay perDay)
        {
            if (perDay.Value < 0 || perDay.HourlyCeiling.Value > NanolitersPerHour.MaxSchedulable)
            {
                throw new ArgumentOutOfRangeException("perDay", "perDay " + perDay.Value.ToString() + " nL/day is outside 0.." + (NanolitersPerHour.MaxSchedulable * HoursPerDay).ToString() + " nL/day");
            }
            _perDay = perDay;
            _base = perDay.Value / HoursPerDay;
            _extra = perDay.Value % HoursPerDay;
        }

        public NanolitersPerDay PerDay { get { return _perDay; } }

        public NanolitersPerHour RateAt(Milliseconds t, out Milliseconds nextChange)
        {
            if (_extra == 0)
            {
                nextChange = Milliseconds.Never;
                return new NanolitersPerHour(_base);
            }
            long hour = t.Value / Milliseconds.PerHour;
            if (t.Value < 0 && t.Value % Milliseconds.PerHour != 0) hour--;
            long slot = hour % HoursPerDay;
            if (slot < 0) slot += HoursPerDay;
            nextChange = hour + 1 > long.MaxValue / Milliseconds.PerHour ? Milliseconds.Never : new Milliseconds((hour + 1) * Milliseconds.PerHour);
            return new NanolitersPerHour(_base + (slot + 1) * _extra / HoursPerDay - slot * _extra / HoursPerDay);
        }
    }
}
