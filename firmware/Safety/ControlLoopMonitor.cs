using OpenIdds.Firmware.Control;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Safety
{
    /// <summary>
    /// WATCHDOG-SAFE-RESTART, the software half: the control loop records a heartbeat every tick; a
    /// monitor (the board's watchdog thread, or the simulator) that sees no heartbeat for longer than
    /// the timeout declares the loop stalled, puts the motor in its safe state and restarts the pump.
    /// After the restart the pump comes up in the power-on self-test and raises control-loop-stalled.
    /// WATCHDOG-BOUND-WITH-MARGIN: a loop that hangs at the worst moment (just after a heartbeat, a check
    /// just before the timeout) is caught at most <see cref="DefaultTimeout"/> + <see cref="CheckPeriodOf"/>
    /// (60 + 15 s) after its last heartbeat: 15 s inside the documented <see cref="SafeStateBound"/>.
    /// A healthy loop beats at least every <see cref="PumpController.MaxSleep"/> (30 s), so the timeout
    /// leaves a slow tick 30 s.
    /// </summary>
    public sealed class ControlLoopMonitor
    {
        /// <summary>The documented bound: a hung control loop reaches the safe state within this of its last heartbeat.</summary>
        public static readonly Milliseconds SafeStateBound = Milliseconds.FromSeconds(90);

        /// <summary>No heartbeat for this long is a stall: twice the longest sleep.</summary>
        public static readonly Milliseconds DefaultTimeout = new Milliseconds(2 * PumpController.MaxSleep.Value);

        /// <summary>How often a checker must look: a quarter of the timeout.</summary>
        public static Milliseconds CheckPeriodOf(Milliseconds timeout) { return new Milliseconds(timeout.Value / 4); }

        private long _lastBeat;

        public ControlLoopMonitor(Milliseconds timeout, Milliseconds now)
        {
            Timeout = timeout;
            _lastBeat = now.Value;
        }

        public Milliseconds Timeout { get; private set; }

        public void Heartbeat(Milliseconds now) { _lastBeat = now.Value; }

        /// <summary>True when no heartbeat has come for the timeout or longer.</summary>
        public bool Stalled(Milliseconds now) { return now.Value - _lastBeat >= Timeout.Value; }
    }
}
