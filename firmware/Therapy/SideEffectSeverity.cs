namespace OpenIdds.Firmware.Therapy
{
    /// <summary>How bad a recorded side effect is, as the patient or nurse grades it.</summary>
    public enum SideEffectSeverity
    {
        None = 0,
        Mild = 1,
        Moderate = 2,
        Severe = 3,
    }

    /// <summary>nanoFramework's Enum.ToString() gives the number, so names are mapped here.</summary>
    public static class SideEffectSeverityName
    {
        public static string Of(SideEffectSeverity severity)
        {
            switch (severity)
            {
                case SideEffectSeverity.None: return "none";
                case SideEffectSeverity.Mild: return "mild";
                case SideEffectSeverity.Moderate: return "moderate";
                case SideEffectSeverity.Severe: return "severe";
                default: return "unknown";
            }
        }
    }
}
