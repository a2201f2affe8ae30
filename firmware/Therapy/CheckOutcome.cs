namespace OpenIdds.Firmware.Therapy
{
    /// <summary>What one check did to a request (AndroidAPS constraint style: every change has a reason).</summary>
    public enum CheckOutcome
    {
        /// <summary>The request was changed to a safer value (e.g. a bolus lengthened to stay under a rate limit).</summary>
        Clamped = 1,

        /// <summary>A soft limit: the request runs only if the clinician explicitly confirms.</summary>
        NeedsConfirmation = 2,

        /// <summary>A soft limit the clinician did confirm (kept in the record so the log shows it).</summary>
        Confirmed = 3,

        /// <summary>A hard limit or invalid input: the request does not run; nothing changes.</summary>
        Refused = 4,
    }
}
