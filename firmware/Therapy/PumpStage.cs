namespace OpenIdds.Firmware.Therapy
{
    /// <summary>The two stages of intrathecal therapy: a trial on an external pump, then an implanted pump.</summary>
    public enum PumpStage
    {
        /// <summary>Temporary external pump (CADD-style): cassette, wide rate range, pressure and air sensors.</summary>
        Trial = 0,

        /// <summary>Implanted pump (SynchroMed/Prometra-style): small reservoir refilled through the skin, low rates.</summary>
        Implanted = 1,
    }

    /// <summary>nanoFramework's Enum.ToString() gives the number, so names are mapped here.</summary>
    public static class PumpStageName
    {
        public static string Of(PumpStage stage)
        {
            switch (stage)
            {
                case PumpStage.Trial: return "trial";
                case PumpStage.Implanted: return "implanted";
                default: return "unknown";
            }
        }
    }
}
