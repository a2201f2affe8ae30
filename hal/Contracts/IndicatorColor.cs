namespace OpenIdds.Hal
{
    /// <summary>IEC 60601-1-8 indicator colours: red for high priority, yellow for medium and low.</summary>
    public enum IndicatorColor
    {
        Off = 0,
        Green = 1,
        Yellow = 2,
        Red = 3,
    }
}
