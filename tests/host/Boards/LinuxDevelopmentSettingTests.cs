using System.Device.Gpio;
using OpenIdds.Boards;
using OpenIdds.Boards.LinuxSbc;
using OpenIdds.Firmware.Device;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;
using OpenIdds.Hal;
using OpenIdds.Hal.Storage;
using OpenIdds.Simulator.Virtual;

namespace OpenIdds.Tests.Host.Boards;

/// <summary>
/// DEV-KEYS-NO-THERAPY on the Linux board as it starts (LinuxPumpStart): without --bench or
/// --development it programs no therapy on the development clinician key; with --development it does,
/// and status says so.
/// </summary>
[TestClass]
public class LinuxDevelopmentSettingTests
{
    private sealed class NoLink : ISerialLink
    {
        public int Read(byte[] buffer, int offset, int count) => 0;
        public void Write(byte[] buffer, int offset, int count) { }
    }

    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    private static InfusionPump Board(string folder, params string[] flags)
    {
        string secret = Path.Combine(folder, "factory-secret");
        if (!File.Exists(secret))
        {
            File.WriteAllBytes(secret, Enumerable.Range(1, FactorySecret.FileBytes).Select(i => (byte)i).ToArray());
            File.SetUnixFileMode(secret, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        // Each board its own store (and commissioning record): a new RAM store under an old record is a lost store.
        string store = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".nv");
        var start = LinuxPumpStart.Prepare(LinuxCommandLine.Parse(new[] { "--device-id", "RPI-DEV", "--factory-secret", secret, "--store", store }.Concat(flags).ToArray()), FactorySecretFile.CurrentUser);
        var pins = new VirtualGpioDriver();
        pins.SetInput(RaspberryPiPins.MotorSupply, PinValue.High);
        var marker = new RestartMarker(store + ".restart");
        PumpSetup setup = start.Setup(marker.TakeResetCause());
        var clock = new VirtualClock();
        var board = new LinuxSbcBoard(new GpioController(pins), new VirtualPwmChannel(), clock, new RamFlash(BoardSetup.StorePageSize, setup.PagesNeeded, 10_000), new NoLink(), marker, start.Options, pins.Timing);
        var pump = new InfusionPump(board.Hardware, setup);
        var loop = new BoardLoop(pump, board.Annunciator, clock, bench: false);
        while (pump.Supervisor.State == SafetyState.PowerOnSelfTest)
        {
            loop.Poll();
            clock.AdvanceTo(clock.ElapsedMilliseconds + 1);
        }
        Nanoliters expected = pump.BeginRefill();
        Assert.IsTrue(pump.CompleteRefill(expected, Nanoliters.FromMilliliters(20), new Drug("morphine", new MicrogramsPerMilliliter(10_000)), PumpConfiguration.DefaultLowReservoir, confirmed: true).Report.Accepted);
        return pump;
    }

    private static Prescription Continuous() => Prescription.Continuous(new Drug("morphine", new MicrogramsPerMilliliter(10_000)), NanolitersPerHour.FromMicrolitersPerHour(20), null);

    [TestMethod]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void The_linux_board_programs_no_therapy_on_development_keys_unless_started_with_the_development_setting_which_status_shows()
    {
        if (!OperatingSystem.IsLinux()) Assert.Inconclusive("statx: Linux");
        string folder = Directory.CreateTempSubdirectory("openidds-devset-").FullName;
        try
        {
            var plain = Board(folder);
            Assert.IsFalse(plain.Setup.DevelopmentKeysMayDeliver);
            var refused = plain.Program(Continuous(), confirmed: true);
            Assert.IsTrue(refused.Refused, "a board started without --development or --bench");
            StringAssert.Contains(refused.ToString(), "development clinician key");
            Assert.IsFalse(plain.Status().DevelopmentKeysMayDeliver);

            var development = Board(folder, "--development");
            var accepted = development.Program(Continuous(), confirmed: true);
            Assert.IsTrue(accepted.Accepted, "the explicit development setting: " + accepted);
            Assert.IsTrue(development.Status().DevelopmentKeysMayDeliver, "status shows the setting");
            Assert.IsTrue(Board(folder, "--bench").Setup.DevelopmentKeysMayDeliver, "a bench run");
        }
        finally { Directory.Delete(folder, recursive: true); }
    }
}
