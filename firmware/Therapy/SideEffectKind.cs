namespace OpenIdds.Firmware.Therapy
{
    /// <summary>
    /// The side effects an intrathecal trial diary records (the ones the British Pain Society's 2015
    /// intrathecal recommendations and the Polyanalgesic Consensus Conference ask trial teams to watch).
    /// </summary>
    public enum SideEffectKind
    {
        NauseaVomiting = 0,
        Pruritus = 1,
        UrinaryRetention = 2,
        Sedation = 3,
        RespiratoryDepression = 4,
    }

    /// <summary>nanoFramework's Enum.ToString() gives the number, so names are mapped here.</summary>
    public static class SideEffectName
    {
        /// <summary>How many kinds there are: the size of per-kind arrays.</summary>
        public const int Count = 5;

        public static string Of(SideEffectKind kind)
        {
            switch (kind)
            {
                case SideEffectKind.NauseaVomiting: return "nausea-vomiting";
                case SideEffectKind.Pruritus: return "pruritus";
                case SideEffectKind.UrinaryRetention: return "urinary-retention";
                case SideEffectKind.Sedation: return "sedation";
                case SideEffectKind.RespiratoryDepression: return "respiratory-depression";
                default: return "unknown";
            }
        }
    }
}
