namespace OpenIdds.Hal
{
    /// <summary>
    /// A pressure sensor read through a two-point calibration the firmware sets at start-up and by the
    /// service command (PRESSURE-TWO-POINT-CAL): the board keeps the raw reading, the firmware the points.
    /// </summary>
    public interface ICalibratedPressureSensor : IPressureSensor
    {
        /// <summary>The calibration every reading is converted with from now on.</summary>
        PressureCalibration Calibration { get; set; }

        /// <summary>The raw reading (output over supply, ppm) of the last <see cref="IPressureSensor.Read"/>; 0 with no supply.</summary>
        int LastRatioPartsPerMillion { get; }
    }
}
