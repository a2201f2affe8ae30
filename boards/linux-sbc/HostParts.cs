using System.Device.Gpio;
using System.Diagnostics;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Units;
using OpenIdds.Hal;

namespace OpenIdds.Boards.LinuxSbc;

/// <summary>Monotonic milliseconds from the high-resolution timer (never the wall clock).</summary>
public sealed class StopwatchClock : IMonotonicClock
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    public long ElapsedMilliseconds => _watch.ElapsedMilliseconds;
}

/// <summary>The patient button on a GPIO edge, with a 1 s refractory time so a bounce is one request.</summary>
public sealed class EdgeButton : IPatientButton
{
    private readonly IMonotonicClock _clock;
    private int _presses;
    private long _last = long.MinValue / 2;

    public EdgeButton(GpioController gpio, int pin, IMonotonicClock clock)
    {
        _clock = clock;
        gpio.OpenPin(pin, PinMode.InputPullUp);
        gpio.RegisterCallbackForPinValueChangedEvent(pin, PinEventTypes.Falling, (_, _) => Press());
    }

    public int TakePresses() => Interlocked.Exchange(ref _presses, 0);

    private void Press()
    {
        long now = _clock.ElapsedMilliseconds;
        if (now - _last < 1000) return;
        _last = now;
        Interlocked.Increment(ref _presses);
    }
}

/// <summary>
/// WATCHDOG-SAFE-RESTART as a process: a missed heartbeat disables the motor, leaves the restart
/// marker (so the restarted process reports a watchdog reset) and ends the process; systemd restarts it.
/// </summary>
public sealed class ProcessWatchdog(IMotorDriver motor, IMonotonicClock clock, RestartMarker marker) : IWatchdog
{
    private ControlLoopMonitor? _loop;
    private Timer? _timer;

    public void Arm(int timeoutMilliseconds)
    {
        _loop = new ControlLoopMonitor(new Milliseconds(timeoutMilliseconds), new Milliseconds(clock.ElapsedMilliseconds));
        _timer = new Timer(_ =>
        {
            if (_loop.Stalled(new Milliseconds(clock.ElapsedMilliseconds)))
            {
                motor.Disable();
                marker.MarkWatchdogRestart();
                Environment.FailFast("OpenIDDS watchdog: the control loop stopped; motor disabled");
            }
        }, null, (int)ControlLoopMonitor.CheckPeriodOf(new Milliseconds(timeoutMilliseconds)).Value, (int)ControlLoopMonitor.CheckPeriodOf(new Milliseconds(timeoutMilliseconds)).Value);
    }

    public void Kick() => _loop?.Heartbeat(new Milliseconds(clock.ElapsedMilliseconds));
}

/// <summary>The programmer link on a serial device (/dev/serial0, a USB adapter, or a pseudo-terminal).</summary>
public sealed class SerialPortLink : ISerialLink, IDisposable
{
    private readonly System.IO.Ports.SerialPort _port;

    public SerialPortLink(string path, int baud)
    {
        _port = new System.IO.Ports.SerialPort(path, baud);
        _port.Open();
    }

    public int Read(byte[] buffer, int offset, int count)
    {
        int available = _port.BytesToRead;
        return available <= 0 ? 0 : _port.Read(buffer, offset, Math.Min(available, count));
    }

    public void Write(byte[] buffer, int offset, int count) => _port.Write(buffer, offset, count);

    public void Dispose() => _port.Dispose();
}
