using OpenIdds.Hal;

namespace OpenIdds.Tests.Unit.Fakes
{
    /// <summary>A motor that records what it was told; a test can make it stall.</summary>
    public sealed class FakeMotor : IMotorDriver
    {
        public bool Enabled { get; private set; }
        public MotorDirection Direction { get; private set; }
        public long CompletedSteps { get; private set; }
        public bool CanDetectStall { get { return true; } }
        public bool Stalled { get; set; }
        public int StepsWhileDisabled { get; private set; }

        /// <summary>The rotor stops following the pulses (a worn gear): steps are commanded but not completed.</summary>
        public bool LosesSteps { get; set; }

        public void Enable() { Enabled = true; }
        public void Disable() { Enabled = false; }
        public void SetDirection(MotorDirection direction) { Direction = direction; }

        public void Step()
        {
            if (!Enabled) { StepsWhileDisabled++; return; }
            if (LosesSteps) return;
            CompletedSteps += Direction == MotorDirection.Forward ? 1 : -1;
        }
    }
}
