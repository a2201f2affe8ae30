using System.Threading;
using nanoFramework.Runtime.Native;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Units;
using OpenIdds.Hal;

namespace OpenIdds.Boards
{
    /// <summary>
    /// WATCHDOG-SAFE-RESTART on nanoFramework, which has no managed hardware watchdog: a timer checks
    /// that the control loop kicked within the timeout; if not, it disables the motor (ENABLE high),
    /// leaves the restart marker (<see cref="RestartMarker"/>: nanoFramework cannot tell the next boot
    /// why it reset) and reboots. The pump comes back through the power-on self-test, stopped, with
    /// control-loop-stalled latched.
    /// </summary>
    public sealed class SupervisorWatchdog : IWatchdog
    {
        private readonly IMotorDriver _motor;
        private readonly IMonotonicClock _clock;
        private readonly RestartMarker _marker;
        private Timer? _timer;
        private ControlLoopMonitor? _loop;

        public SupervisorWatchdog(IMotorDriver motor, IMonotonicClock clock, RestartMarker marker)
        {
            _motor = motor;
            _clock = clock;
            _marker = marker;
        }

        public void Arm(int timeoutMilliseconds)
        {
            _loop = new ControlLoopMonitor(new Milliseconds(timeoutMilliseconds), new Milliseconds(_clock.ElapsedMilliseconds));
            _timer = new Timer(Check, null, (int)ControlLoopMonitor.CheckPeriodOf(new Milliseconds(timeoutMilliseconds)).Value, (int)ControlLoopMonitor.CheckPeriodOf(new Milliseconds(timeoutMilliseconds)).Value);
        }

        public void Kick()
        {
            if (_loop != null) _loop.Heartbeat(new Milliseconds(_clock.ElapsedMilliseconds));
        }

        private void Check(object state)
        {
            if (_loop == null || !_loop.Stalled(new Milliseconds(_clock.ElapsedMilliseconds))) return;
            // Motor off first: nothing the marker or the reboot does can then move it.
            _motor.Disable();
            _marker.MarkWatchdogRestart();
            Power.RebootDevice();
        }
    }
}
