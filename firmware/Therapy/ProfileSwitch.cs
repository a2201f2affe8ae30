using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Therapy
{
    /// <summary>
    /// One profile before an instant, another from it on: the bridge (old drug's rate until the new
    /// drug reaches the catheter tip) and the priming bolus (fill the line, then the basal).
    /// </summary>
    public sealed class ProfileSwitch : IRateProfile
    {
        private readonly IRateProfile _before;
        private readonly IRateProfile _after;
        private readonly long _at;

        public ProfileSwitch(IRateProfile before, Milliseconds at, IRateProfile after)
        {
            _before = before;
            _after = after;
            _at = at.Value;
        }

        public Milliseconds At { get { return new Milliseconds(_at); } }

        public NanolitersPerHour RateAt(Milliseconds t, out Milliseconds nextChange)
        {
            if (t.Value < _at)
            {
                NanolitersPerHour rate = _before.RateAt(t, out nextChange);
                if (nextChange.Value > _at) nextChange = new Milliseconds(_at);
                return rate;
            }
            return _after.RateAt(t, out nextChange);
        }
    }
}
