using System;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Dosing
{
    /// <summary>The one check every profile applies to every rate it is given.</summary>
    public static class RateLimit
    {
        public static void Check(NanolitersPerHour rate, string field)
        {
            if (rate.Value < 0 || rate.Value > NanolitersPerHour.MaxSchedulable)
            {
                throw new ArgumentOutOfRangeException(field,
                    field + " " + rate.Value.ToString() + " nL/h is outside 0.." + NanolitersPerHour.MaxSchedulable.ToString() + " nL/h");
            }
        }
    }
}
