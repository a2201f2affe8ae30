namespace OpenIdds.Hal
{
    /// <summary>Downstream (catheter side) line pressure, gauge, in pascals (1 mmHg = 133.3 Pa).</summary>
    public interface IPressureSensor
    {
        /// <summary>Samples the sensor now. <paramref name="pascals"/> is meaningful only when the result is Ok.</summary>
        SensorStatus Read(out int pascals);
    }
}
