using System.Threading;
using nanoFramework.Runtime.Native;
using OpenIdds.Hal;

namespace OpenIdds.Boards.Esp32DevKitC
{
    /// <summary>
    /// WATCHDOG-SAFE-RESTART on nanoFramework, which has no managed hardware watchdog: a timer checks
    /// that the control loop kicked within the timeout; if not, it disables the motor (ENABLE high)
    /// and reboots the device, which comes back through the power-on self-test.
    /// </summary>
    public sealed class SupervisorWatchdog : IWatchdog
    {
        private readonly IMotorDriver _motor;
        private readonly IMonotonicClock _clock;
        private Timer? _timer;
        private int _timeout;
        private long _lastKick;

        public SupervisorWatchdog(IMotorDriver motor, IMonotonicClock clock)
        {
            _motor = motor;
            _clock = clock;
        }

        public void Arm(int timeoutMilliseconds)
        {
            _timeout = timeoutMilliseconds;
            _lastKick = _clock.ElapsedMilliseconds;
            _timer = new Timer(Check, null, timeoutMilliseconds / 4, timeoutMilliseconds / 4);
        }

        public void Kick() { _lastKick = _clock.ElapsedMilliseconds; }

        private void Check(object state)
        {
            if (_clock.ElapsedMilliseconds - _lastKick <= _timeout) return;
            _motor.Disable();
            Power.RebootDevice();
        }
    }
}
