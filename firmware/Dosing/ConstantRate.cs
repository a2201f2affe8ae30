using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Dosing
{
    /// <summary>Simple continuous infusion: one rate forever.</summary>
    public sealed class ConstantRate : IRateProfile
    {
        private readonly NanolitersPerHour _rate;

        public ConstantRate(NanolitersPerHour rate)
        {
            RateLimit.Check(rate, "rate");
            _rate = rate;
        }

        public NanolitersPerHour Rate { get { return _rate; } }

        public NanolitersPerHour RateAt(Milliseconds t, out Milliseconds nextChange)
        {
            nextChange = Milliseconds.Never;
            return _rate;
        }
    }
}
