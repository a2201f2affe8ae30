using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Therapy
{
    /// <summary>One rate on [start, start + duration), nothing before or after: the single-bolus mode and the priming bolus.</summary>
    public sealed class RateWindow : IRateProfile
    {
        private readonly long _start;
        private readonly long _end;
        private readonly NanolitersPerHour _rate;

        public RateWindow(Milliseconds start, Milliseconds duration, NanolitersPerHour rate)
        {
            RateLimit.Check(rate, "rate");
            _start = start.Value;
            _end = start.Value + duration.Value;
            _rate = rate;
        }

        public Milliseconds End { get { return new Milliseconds(_end); } }

        public NanolitersPerHour RateAt(Milliseconds t, out Milliseconds nextChange)
        {
            if (t.Value < _start) { nextChange = new Milliseconds(_start); return NanolitersPerHour.Zero; }
            if (t.Value < _end) { nextChange = new Milliseconds(_end); return _rate; }
            nextChange = Milliseconds.Never;
            return NanolitersPerHour.Zero;
        }
    }
}
