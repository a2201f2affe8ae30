namespace OpenIdds.Hal
{
    /// <summary>
    /// The raw alarm outputs: a tone and an indicator LED. Which tone and colour, and when, comes from
    /// <see cref="AlarmSignalPattern"/> (IEC 60601-1-8 patterns per priority), so every board sounds alike.
    /// </summary>
    public interface IAnnunciator
    {
        /// <summary>Sounds a tone, or silences it with 0 Hz.</summary>
        void SetTone(int frequencyHz);

        void SetIndicator(IndicatorColor color);
    }
}
