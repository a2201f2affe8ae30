using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Dosing
{
    /// <summary>
    /// A piecewise-constant rate over the pump's monotonic time. The scheduler only ever asks
    /// "what is the rate at t, and until when does it hold?", so a profile can be a constant rate,
    /// a daily flex schedule, or either with bolus overlays, without the scheduler knowing which.
    /// A profile may change only its future: what it answered for a time already passed stays true.
    /// </summary>
    public interface IRateProfile
    {
        /// <summary>The rate on [t, nextChange); nextChange is <see cref="Milliseconds.Never"/> if it holds forever.</summary>
        NanolitersPerHour RateAt(Milliseconds t, out Milliseconds nextChange);
    }
}
