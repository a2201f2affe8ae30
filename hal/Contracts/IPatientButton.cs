namespace OpenIdds.Hal
{
    /// <summary>The patient's bolus button. Debouncing is the board's job, so a bounce is never two requests.</summary>
    public interface IPatientButton
    {
        /// <summary>Debounced presses since the last call (usually 0 or 1); reading clears the count.</summary>
        int TakePresses();
    }
}
