using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Therapy
{
    /// <summary>
    /// What the patient's handheld may ask for: a fixed dose over a fixed duration, no sooner than the
    /// lockout after the last granted one, and no more than a count in any rolling 24 h (the
    /// SynchroMed myPTM / Prometra PTM model). The patient can never change these, only the clinician.
    /// </summary>
    public sealed class PatientBolusSettings
    {
        /// <summary>A lockout beyond the rolling 24 h window would make the daily count meaningless; the journal keeps grants that long.</summary>
        public static readonly Milliseconds MaxLockout = Milliseconds.FromDays(1);

        public readonly Micrograms Dose;
        public readonly Milliseconds Duration;
        public readonly Milliseconds Lockout;
        public readonly int MaxPer24Hours;

        public PatientBolusSettings(Micrograms dose, Milliseconds duration, Milliseconds lockout, int maxPer24Hours)
        {
            Dose = dose;
            Duration = duration;
            Lockout = lockout;
            MaxPer24Hours = maxPer24Hours;
        }
    }
}
