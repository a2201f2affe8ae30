namespace OpenIdds.Hal
{
    /// <summary>
    /// A measured reservoir volume, independent of the computed one (optional: a board without one
    /// passes null). Pumps that only compute the reservoir can miss an empty pump (domain brief).
    /// </summary>
    public interface IReservoirLevelSensor
    {
        /// <summary>Measures now. <paramref name="nanoliters"/> is meaningful only when the result is Ok.</summary>
        SensorStatus Read(out long nanoliters);
    }
}
