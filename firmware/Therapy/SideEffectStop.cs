namespace OpenIdds.Firmware.Therapy
{
    /// <summary>
    /// SIDE-EFFECT-STOPS-TRIAL: which diary entries are signs of intrathecal opioid overdose. Respiratory
    /// depression at any severity, or severe sedation (sedation comes before respiratory depression),
    /// raises trial-side-effect (high) and stops the infusion until a clinician reset.
    /// </summary>
    public static class SideEffectStop
    {
        public static bool CallsForStop(SideEffectKind kind, SideEffectSeverity severity)
        {
            if (kind == SideEffectKind.RespiratoryDepression) return severity >= SideEffectSeverity.Mild;
            return kind == SideEffectKind.Sedation && severity == SideEffectSeverity.Severe;
        }

        /// <summary>A side effect the trial's tolerability criterion counts against the implant: any that calls for a stop, or any severe one.</summary>
        public static bool Intolerable(SideEffectKind kind, SideEffectSeverity severity)
        {
            return severity == SideEffectSeverity.Severe || CallsForStop(kind, severity);
        }
    }
}
