namespace OpenIdds.Hal
{
    /// <summary>
    /// A stepper or peristaltic motor: one <see cref="Step"/> moves one calibrated volume.
    /// Stepping never blocks: a step is one pulse, and the scheduler decides when.
    /// </summary>
    public interface IMotorDriver
    {
        /// <summary>Power to the motor coils. Disabled, the mechanism cannot move (fail-safe state).</summary>
        bool Enabled { get; }

        void Enable();

        void Disable();

        MotorDirection Direction { get; }

        void SetDirection(MotorDirection direction);

        /// <summary>One step in the current direction. Ignored while disabled, and not counted then.</summary>
        void Step();

        /// <summary>Steps completed since start-up: forward steps count up, reverse steps count down.</summary>
        long CompletedSteps { get; }

        /// <summary>True if the hardware can tell a stall (driver fault line, StallGuard, encoder).</summary>
        bool CanDetectStall { get; }

        /// <summary>The hardware reports a stall or driver fault now. Always false where it cannot tell.</summary>
        bool Stalled { get; }
    }
}
