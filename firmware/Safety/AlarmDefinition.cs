using OpenIdds.Hal;

namespace OpenIdds.Firmware.Safety
{
    /// <summary>One row of the alarm table: what the alarm is, how loud, and how it may be silenced and cleared.</summary>
    public sealed class AlarmDefinition
    {
        public AlarmDefinition(AlarmCode code, string name, AlarmPriority priority, bool latched, long silenceMilliseconds, long reannunciateMilliseconds, bool stopsDelivery, string why)
        {
            Code = code;
            Name = name;
            Priority = priority;
            Latched = latched;
            SilenceMilliseconds = silenceMilliseconds;
            ReannunciateMilliseconds = reannunciateMilliseconds;
            StopsDelivery = stopsDelivery;
            Why = why;
        }

        public AlarmCode Code { get; private set; }

        /// <summary>Stable machine name, e.g. "occlusion" (nanoFramework cannot name enums).</summary>
        public string Name { get; private set; }

        /// <summary>IEC 60601-1-8 priority; picks the tone and light pattern (hal AlarmSignalPattern).</summary>
        public AlarmPriority Priority { get; private set; }

        /// <summary>A latched alarm stays shown after its condition is gone until someone acknowledges it.</summary>
        public bool Latched { get; private set; }

        /// <summary>How long the audio may be paused; 0 means it cannot be silenced.</summary>
        public long SilenceMilliseconds { get; private set; }

        /// <summary>After an acknowledgement, the tone returns this long later if the condition is still there.</summary>
        public long ReannunciateMilliseconds { get; private set; }

        /// <summary>The safety supervisor stops delivery (motor disabled in the same tick) while this alarm is shown.</summary>
        public bool StopsDelivery { get; private set; }

        /// <summary>The reason for the row, as the docs print it.</summary>
        public string Why { get; private set; }
    }
}
