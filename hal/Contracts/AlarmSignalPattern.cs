namespace OpenIdds.Hal
{
    /// <summary>
    /// The alarm signal of each priority, after IEC 60601-1-8 (medical alarm systems):
    /// high = a 10-pulse burst (3 + 2, pause, 3 + 2) repeated every 5 s with a red light flashing at 2 Hz;
    /// medium = 3 pulses every 7.5 s with a yellow light flashing at 0.5 Hz;
    /// low = 2 pulses every 20 s with a steady yellow light.
    /// Pulses last 150 ms (high) or 200 ms (medium, low), inside the standard's 75-200 / 125-250 ms.
    /// A pure function of priority and time since the alarm began, so the pattern is testable and
    /// identical on every board.
    /// </summary>
    public static class AlarmSignalPattern
    {
        public const int HighToneHz = 880;
        public const int MediumToneHz = 660;
        public const int LowToneHz = 523;

        // Pulse starts (ms into the cycle); each pulse lasts PulseMs of its priority.
        private static readonly int[] HighPulses = new int[] { 0, 250, 500, 1000, 1250, 2250, 2500, 2750, 3250, 3500 };
        private static readonly int[] MediumPulses = new int[] { 0, 300, 600 };
        private static readonly int[] LowPulses = new int[] { 0, 400 };

        public const int HighCycleMs = 5000;
        public const int MediumCycleMs = 7500;
        public const int LowCycleMs = 20000;
        public const int HighPulseMs = 150;
        public const int MediumPulseMs = 200;
        public const int LowPulseMs = 200;

        /// <summary>The tone to sound <paramref name="sinceStartMs"/> after the alarm began (0 = silent).</summary>
        public static int ToneAt(AlarmPriority priority, long sinceStartMs)
        {
            if (sinceStartMs < 0) return 0;
            switch (priority)
            {
                case AlarmPriority.High: return InPulse(HighPulses, HighPulseMs, sinceStartMs % HighCycleMs) ? HighToneHz : 0;
                case AlarmPriority.Medium: return InPulse(MediumPulses, MediumPulseMs, sinceStartMs % MediumCycleMs) ? MediumToneHz : 0;
                case AlarmPriority.Low: return InPulse(LowPulses, LowPulseMs, sinceStartMs % LowCycleMs) ? LowToneHz : 0;
                default: return 0;
            }
        }

        /// <summary>The indicator colour at that moment: red flashing 2 Hz, yellow flashing 0.5 Hz, or steady yellow.</summary>
        public static IndicatorColor IndicatorAt(AlarmPriority priority, long sinceStartMs)
        {
            if (sinceStartMs < 0) return IndicatorColor.Off;
            switch (priority)
            {
                case AlarmPriority.High: return sinceStartMs % 500 < 250 ? IndicatorColor.Red : IndicatorColor.Off;
                case AlarmPriority.Medium: return sinceStartMs % 2000 < 1000 ? IndicatorColor.Yellow : IndicatorColor.Off;
                case AlarmPriority.Low: return IndicatorColor.Yellow;
                default: return IndicatorColor.Off;
            }
        }

        private static bool InPulse(int[] starts, int pulseMs, long inCycle)
        {
            for (int i = 0; i < starts.Length; i++)
            {
                if (inCycle >= starts[i] && inCycle < starts[i] + pulseMs) return true;
            }
            return false;
        }
    }
}
