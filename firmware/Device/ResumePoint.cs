using OpenIdds.Firmware.Dosing;

namespace OpenIdds.Firmware.Device
{
    /// <summary>
    /// RESUME-AFTER-RESET: where a recovered therapy goes on from, held between the start-up (which
    /// reads it from the journal) and the tick that resumes delivery once the self-test has passed.
    /// </summary>
    public sealed class ResumePoint
    {
        public bool Pending { get; private set; }

        /// <summary>The scheduler position the newest good record vouched for.</summary>
        public SchedulerPosition Position { get; private set; }

        /// <summary>The steps that record counted as delivered.</summary>
        public long Steps { get; private set; }

        public void Set(bool pending, SchedulerPosition position, long steps)
        {
            Pending = pending;
            Position = position;
            Steps = steps;
        }

        /// <summary>Delivery resumed, or there is nothing left to resume.</summary>
        public void Done() { Pending = false; }
    }
}
