using System.Device.Gpio;
using System.Device.Pwm;
using OpenIdds.Boards;
using OpenIdds.Boards.LinuxSbc;
using OpenIdds.Firmware.Control;
using OpenIdds.Firmware.Device;
using OpenIdds.Firmware.Safety;
using OpenIdds.Hal;
using OpenIdds.Hal.Storage;

// The whole pump (InfusionPump) on a Raspberry Pi, set up by the same shared code as the MCU boards:
//   dotnet run --project boards/linux-sbc -- [serial-device] [--bench] [--selftest] [--store PATH] [--device-id ID] [--development] [--factory-secret PATH]
LinuxCommandLine cli;
LinuxPumpStart start;
try
{
    cli = LinuxCommandLine.Parse(args);
    start = LinuxPumpStart.Prepare(cli);
}
catch (ArgumentException e) { Console.Error.WriteLine("OpenIDDS does not run: " + e.Message); return 2; }

BoardOptions options = start.Options;
var marker = new RestartMarker(cli.MarkerPath);
var clock = new StopwatchClock();
using var link = new SerialPortLink(cli.SerialDevice, 115200);
var board = new LinuxSbcBoard(new GpioController(), PwmChannel.Create(RaspberryPiPins.BuzzerPwmChip, RaspberryPiPins.BuzzerPwmChannel, AlarmSignalPattern.HighToneHz, 0.5),
    clock, new FileFlash(cli.StorePath, BoardSetup.StorePageSize, BoardSetup.For(options, ResetCause.PowerOn).PagesNeeded), link, marker, options);

if (cli.SelfTest)
{
    var check = new LoopbackCheck(board.Gpio, board.Motor, RaspberryPiPins.LoopbackInput, clock);
    while (!check.Done)
    {
        int wait = check.Poll();
        if (wait > 0) Thread.Sleep(wait);
    }
    Console.WriteLine(check.Report());
    return check.Passed ? 0 : 1;
}

PumpSetup setup = start.Setup(marker.TakeResetCause());
var pump = new InfusionPump(board.Hardware, setup);
board.Watchdog.Arm((int)ControlLoopMonitor.DefaultTimeout.Value);
Console.WriteLine($"OpenIDDS on a Linux SBC: device {setup.DeviceId}, programmer link {cli.SerialDevice}, store {cli.StorePath}, reset cause {setup.ResetCause}{(cli.Bench ? ", bench run" : "")}. Research rig only - never connect it to a person.");
Console.WriteLine(start.LabelLine);
new BoardLoop(pump, board.Annunciator, clock, cli.Bench) { MotorCut = new MotorCutHeartbeat(board.Gpio, RaspberryPiPins.MotorCutTrigger) }.Run();
return 0;
