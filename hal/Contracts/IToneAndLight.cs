namespace OpenIdds.Hal
{
    /// <summary>The raw alarm outputs a pattern is played on: a tone (0 Hz = silent) and an indicator colour.</summary>
    public interface IToneAndLight
    {
        void SetTone(int frequencyHz);

        void SetIndicator(IndicatorColor color);
    }
}
