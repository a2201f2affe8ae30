using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Safety
{
    /// <summary>
    /// WATCHDOG-SAFE-RESTART, the software half: the control loop records a heartbeat every tick; a
    /// monitor (the board's watchdog thread, or the simulator) that sees no heartbeat for longer than
    /// the timeout declares the loop stalled, puts the motor in its safe state and restarts the pump.
    /// After the restart the pump comes up in the power-on self-test and raises control-loop-stalled.
    /// </summary>
    public sealed class ControlLoopMonitor
    {
        private long _lastBeat;

        public ControlLoopMonitor(Milliseconds timeout, Milliseconds now)
        {
            Timeout = timeout;
            _lastBeat = now.Value;
        }

        public Milliseconds Timeout { get; private set; }

        public void Heartbeat(Milliseconds now) { _lastBeat = now.Value; }

        /// <summary>True when no heartbeat has come for longer than the timeout.</summary>
        public bool Stalled(Milliseconds now) { return now.Value - _lastBeat > Timeout.Value; }
    }
}
