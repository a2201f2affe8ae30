using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Dosing
{
    /// <summary>
    /// Everything the scheduler needs to resume exactly: the time integrated to, the part-step
    /// remainder, and the step counts. Stored by the persistence journal so that a reset neither
    /// forgets delivered steps nor counts them twice.
    /// </summary>
    public struct SchedulerPosition
    {
        public readonly Milliseconds IntegratedTo;
        public readonly long Remainder;
        public readonly long StepsDue;
        public readonly long StepsMissed;

        public SchedulerPosition(Milliseconds integratedTo, long remainder, long stepsDue, long stepsMissed)
        {
            IntegratedTo = integratedTo;
            Remainder = remainder;
            StepsDue = stepsDue;
            StepsMissed = stepsMissed;
        }
    }
}
