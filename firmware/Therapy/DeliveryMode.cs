namespace OpenIdds.Firmware.Therapy
{
    /// <summary>The four programmable delivery modes (SynchroMed II's set; bridge and priming are boluses, not modes).</summary>
    public enum DeliveryMode
    {
        /// <summary>No delivery; the drug stays in the reservoir and the line.</summary>
        Stopped = 0,

        /// <summary>One rate, forever.</summary>
        SimpleContinuous = 1,

        /// <summary>Time-of-day steps that repeat daily.</summary>
        Flex = 2,

        /// <summary>One bolus, then nothing (a trial dose).</summary>
        SingleBolus = 3,
    }

    /// <summary>nanoFramework's Enum.ToString() gives the number, so names are mapped here.</summary>
    public static class DeliveryModeName
    {
        public static string Of(DeliveryMode mode)
        {
            switch (mode)
            {
                case DeliveryMode.Stopped: return "stopped";
                case DeliveryMode.SimpleContinuous: return "simple continuous";
                case DeliveryMode.Flex: return "flex";
                case DeliveryMode.SingleBolus: return "single bolus";
                default: return "unknown";
            }
        }
    }
}
