namespace OpenIdds.Hal
{
    /// <summary>
    /// Optional readback of the alarm outputs, for a board with sense lines on them (buzzer drive
    /// current, LED current, a photodiode). An alarm system that cannot sound is a hazard of its own -
    /// every other alarm depends on it - so where a board can sense its outputs, the power-on self-test
    /// fails on a dead one. A board implements this on the object it passes as
    /// <see cref="PumpHardware.Annunciator"/>. No board in this repository has such sense lines yet; on
    /// them the self-test can only drive the outputs once, for a person to hear and see.
    /// </summary>
    public interface IAnnunciatorReadback
    {
        /// <summary>Drives the tone and the light once and reports whether the sense lines saw both.</summary>
        bool OutputsWork();
    }
}
