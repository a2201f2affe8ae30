using System.Device.Gpio;
using System.Device.Pwm;
using OpenIdds.Boards.LinuxSbc;
using OpenIdds.Firmware.Control;
using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Safety;
using OpenIdds.Hal;
using OpenIdds.Hal.Storage;

// dotnet run --project boards/linux-sbc -- [serial-device]    (on a Raspberry Pi, as a systemd service)
string serial = args.Length > 0 ? args[0] : "/dev/serial0";
string store = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".openidds.nv");
var clock = new StopwatchClock();
var board = new LinuxSbcBoard(new GpioController(), PwmChannel.Create(RaspberryPiPins.BuzzerPwmChip, RaspberryPiPins.BuzzerPwmChannel, AlarmSignalPattern.HighToneHz, 0.5),
    clock, new FileFlash(store, 4096, 64), new SerialPortLink(serial, 115200));
var supervisor = new SafetySupervisor(board.Hardware, new Calibration(250_000), new SupervisorSettings { Implanted = false, HasPressureSensor = false }, new AlarmEventRing(64), storageValid: true);
board.Hardware.Watchdog.Arm(3 * (int)PumpController.MaxSleep.Value);
Console.WriteLine($"OpenIDDS on a Linux SBC: programmer link {serial}, store {store}. Research rig only - never connect it to a person.");
while (true)
{
    supervisor.Tick();
    long now = clock.ElapsedMilliseconds, wake = supervisor.NextWake.Value;
    while (now < wake)
    {
        long slice = wake - now;
        if (board.Annunciator.Priority != AlarmPriority.None) { board.Annunciator.Update(now); slice = Math.Min(slice, 25); }
        Thread.Sleep((int)slice);
        now = clock.ElapsedMilliseconds;
    }
}
