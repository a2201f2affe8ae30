namespace OpenIdds.Hal
{
    /// <summary>
    /// The alarm signal: the board shows the pattern of a priority (IEC 60601-1-8, see
    /// <see cref="AlarmSignalPattern"/>) on its tone and light until told otherwise. The pattern runs in
    /// the board's own timer (<see cref="Drivers.PatternAnnunciator"/>), so the control loop need not
    /// wake twenty times a second while an alarm sounds - an implanted pump's battery could not afford it.
    /// </summary>
    public interface IAnnunciator
    {
        /// <summary>Shows <paramref name="priority"/>'s pattern (None = off); not audible = light only (audio paused).</summary>
        void Annunciate(AlarmPriority priority, bool audible);
    }
}
