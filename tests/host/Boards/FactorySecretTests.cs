using System.Device.Gpio;
using System.Text.RegularExpressions;
using System.Threading;
using OpenIdds.Boards;
using OpenIdds.Boards.LinuxSbc;
using OpenIdds.Firmware.Device;
using OpenIdds.Firmware.Protocol;
using OpenIdds.Firmware.Safety;
using OpenIdds.Hal.Storage;
using OpenIdds.Programmer.Cli;
using OpenIdds.Simulator.Device;
using OpenIdds.Simulator.Virtual;

namespace OpenIdds.Tests.Host.Boards;

/// <summary>
/// FACTORY-SECRET-REQUIRED: a board runs no pump without the agreement secret the factory wrote, says
/// which file is missing, and shows the label key it agrees with; the manufacturing step
/// (`iddsctl factory secret`) writes the file and prints that key.
/// </summary>
[TestClass]
public class FactorySecretTests
{
    private static string Folder() => Directory.CreateTempSubdirectory("openidds-factory-").FullName;

    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    private static void WriteOwnerOnly(string path, byte[] bytes)
    {
        File.WriteAllBytes(path, bytes);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    private static LinuxPumpStart Start(string secretPath, string folder, params string[] more) =>
        LinuxPumpStart.Prepare(LinuxCommandLine.Parse(new[] { "--device-id", "RPI-FACTORY", "--factory-secret", secretPath, "--store", Path.Combine(folder, "store.nv") }.Concat(more).ToArray()), FactorySecretFile.CurrentUser);

    private static (int Exit, string Output) Iddsctl(params string[] args)
    {
        var output = new StringWriter();
        int exit = IddsCtl.Run(args, output, new StringReader(""));
        return (exit, output.ToString());
    }

    private static string PrintedLabelKey(string output) => Regex.Match(output, "label key: ([0-9a-f]{64})").Groups[1].Value;

    [TestMethod]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void A_board_without_its_factory_secret_refuses_to_start()
    {
        if (!OperatingSystem.IsLinux()) Assert.Inconclusive("statx: Linux");
        string folder = Folder();
        try
        {
            string path = Path.Combine(folder, "factory-secret");
            var missing = Assert.ThrowsExactly<ArgumentException>(() => Start(path, folder));
            StringAssert.Contains(missing.Message, $"no factory agreement secret: {path} is missing");
            StringAssert.Contains(missing.Message, "iddsctl factory secret");

            WriteOwnerOnly(path, new byte[FactorySecret.FileBytes]);
            StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => Start(path, folder)).Message, $"{path} is blank");
            WriteOwnerOnly(path, Enumerable.Repeat((byte)0xFF, FactorySecret.SecretBytes).Concat(Enumerable.Range(1, 32).Select(i => (byte)i)).ToArray());
            StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => Start(path, folder)).Message, "its secret is all 0x00 or all 0xFF");
            WriteOwnerOnly(path, Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
            StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => Start(path, folder)).Message, "holds 32 bytes, not 64");

            WriteOwnerOnly(path, Enumerable.Range(1, 64).Select(i => (byte)i).ToArray());
            Assert.IsNotNull(Start(path, folder).Factory, "a whole file of the right owner and mode");
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => Start(path, folder)).Message, "has mode 0644, not 0600");
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            StringAssert.Contains(FactorySecretFile.Read(path, FactorySecretFile.CurrentUser + 1).Problem, "is owned by uid");
            string link = Path.Combine(folder, "link");
            File.CreateSymbolicLink(link, path);
            StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => Start(link, folder)).Message, "is not a regular file");

            Assert.IsNull(Start(Path.Combine(folder, "none"), folder, "--selftest").Factory, "the loopback self-test runs no pump and needs no secret");
            // The MCU boards read the same content from I:\openidds.factory through the file system API.
            StringAssert.Contains(FactorySecret.Read(Path.Combine(folder, "openidds.factory")).Problem, "openidds.factory is missing");
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [TestMethod]
    public void The_manufacturing_step_writes_the_secret_once_owner_only_with_its_nanoff_deployment_and_prints_the_label_key()
    {
        string folder = Folder();
        try
        {
            string path = Path.Combine(folder, "factory-secret");
            var (exit, output) = Iddsctl("factory", "secret", "--out", path, "--serialport", "/dev/ttyUSB0");
            Assert.AreEqual(0, exit, output);
            string label = PrintedLabelKey(output);
            var factory = FactorySecret.Read(path);
            Assert.IsTrue(factory.Present, factory.Problem);
            var computed = new byte[X25519.Bytes];
            X25519.PublicKey(factory.Secret!, computed);
            Assert.AreEqual(Convert.ToHexString(computed).ToLowerInvariant(), label, "the label key printed is X25519 of the secret written");
            Assert.AreEqual(label, factory.LabelKeyHex());
            // DEVICE-ID-FROM-LABEL: the id printed is the one the ESP32 board takes from this file.
            var options = new BoardOptions { DeviceIdPrefix = "OPENIDDS-DEVKITC-" };
            factory.ApplyTo(options);
            Assert.AreEqual("OPENIDDS-DEVKITC-" + label[..FactorySecret.IdHexDigits], options.DeviceId);
            StringAssert.Contains(output, "device id: " + options.DeviceId);
            if (!OperatingSystem.IsWindows()) Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            string deploy = File.ReadAllText(path + ".nanoff.json");
            StringAssert.Contains(deploy, "I:\\\\openidds.factory");
            StringAssert.Contains(deploy, "/dev/ttyUSB0");
            StringAssert.Contains(output, "nanoff --filedeployment");

            var again = Iddsctl("factory", "secret", "--out", path);
            Assert.AreEqual(2, again.Exit, "written once");
            StringAssert.Contains(again.Output, "exists");
            Assert.AreEqual(label, FactorySecret.Read(path).LabelKeyHex(), "the first secret is kept");
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [TestMethod]
    public void An_esp32_rig_takes_its_device_id_from_its_label_key_so_no_two_rigs_share_an_id_or_development_keys()
    {
        var ids = new HashSet<string>();
        for (int rig = 0; rig < 2; rig++)
        {
            var file = new byte[FactorySecret.FileBytes];
            var secret = System.Security.Cryptography.RandomNumberGenerator.GetBytes(X25519.Bytes);
            var label = new byte[X25519.Bytes];
            X25519.PublicKey(secret, label);
            Array.Copy(secret, file, X25519.Bytes);
            Array.Copy(label, 0, file, X25519.Bytes, X25519.Bytes);
            var options = OpenIdds.Boards.Esp32DevKitC.DevKitCOptions.Create();
            FactorySecret.Parse(file, file.Length, "factory").ApplyTo(options);
            StringAssert.StartsWith(options.DeviceId, "OPENIDDS-DEVKITC-");
            Assert.AreEqual(17 + FactorySecret.IdHexDigits, options.DeviceId.Length, options.DeviceId);
            ids.Add(options.DeviceId);
        }
        Assert.AreEqual(2, ids.Count, "two rigs with their own factory secrets have their own ids");
    }

    [TestMethod]
    public void A_label_key_stored_with_the_secret_that_is_not_its_public_key_stops_provisioning_and_changes_no_key()
    {
        var rig = new OpenIdds.Tests.Host.Device.PumpRig();
        var shown = (byte[])OpenIdds.Tests.Host.Device.PumpRig.LabelKey.Clone();
        shown[5] ^= 1;
        rig.Setup.LabelKey = shown;
        rig.Boot();
        rig.PassSelfTest();
        var agreement = OpenIdds.Programmer.Keys.ProgrammerKeyAgreement.Derive(shown, Role.Clinician);
        Assert.IsFalse(rig.Pump.ProvisionKey(Role.Clinician, agreement.ProgrammerPublic, new byte[32]));
        StringAssert.Contains(rig.Pump.ProvisionRefusal, "the label key stored with the factory secret is not X25519 of the secret");
        Assert.IsFalse(rig.Pump.Keys.Provisioned(Role.Clinician));

        rig.Setup.LabelKey = OpenIdds.Tests.Host.Device.PumpRig.LabelKey;
        rig.Boot();
        rig.PassSelfTest();
        var right = OpenIdds.Programmer.Keys.ProgrammerKeyAgreement.Derive(OpenIdds.Tests.Host.Device.PumpRig.LabelKey, Role.Clinician);
        var confirmation = new byte[32];
        Assert.IsTrue(rig.Pump.ProvisionKey(Role.Clinician, right.ProgrammerPublic, confirmation), rig.Pump.ProvisionRefusal);
        Assert.IsTrue(right.Confirms(confirmation));
    }

    /// <summary>
    /// The Linux board as Program starts it (LinuxPumpStart, LinuxSbcBoard, the pump ticked on its own thread)
    /// with its programmer link on a real pseudo-terminal; iddsctl provisions the service key against
    /// the label key the manufacturing step printed and the board showed.
    /// </summary>
    [TestMethod]
    [Timeout(120_000)]
    public void A_board_with_its_factory_secret_provisions_end_to_end()
    {
        if (!OperatingSystem.IsLinux()) Assert.Inconclusive("pseudo-terminals and statx: Linux");
        string folder = Folder();
        using var link = new PseudoTerminalLink();
        using var stop = new CancellationTokenSource();
        Thread? loop = null;
        try
        {
            string secretPath = Path.Combine(folder, "factory-secret");
            var made = Iddsctl("factory", "secret", "--out", secretPath);
            Assert.AreEqual(0, made.Exit, made.Output);
            string label = PrintedLabelKey(made.Output);

            LinuxPumpStart start = Start(secretPath, folder);
            StringAssert.Contains(start.LabelLine, label, "the board's service console shows the label key the factory printed");
            var pins = new VirtualGpioDriver();
            pins.SetInput(RaspberryPiPins.MotorSupply, PinValue.High);
            var marker = new RestartMarker(Path.Combine(folder, "store.nv.restart"));
            PumpSetup setup = start.Setup(marker.TakeResetCause());
            Assert.IsFalse(setup.DevelopmentKeysMayDeliver, "neither --bench nor --development");
            var clock = new StopwatchClock();
            var board = new LinuxSbcBoard(new GpioController(pins), new VirtualPwmChannel(), clock, new RamFlash(BoardSetup.StorePageSize, setup.PagesNeeded, 10_000), link, marker, start.Options, pins.Timing);
            var pump = new InfusionPump(board.Hardware, setup);
            // Ticked every millisecond, as the virtual device is.
            loop = new Thread(() =>
            {
                while (!stop.IsCancellationRequested)
                {
                    lock (pump) pump.Tick();
                    Thread.Sleep(1);
                }
            }) { IsBackground = true, Name = "linux board" };
            loop.Start();

            string keys = Path.Combine(folder, "keys.json");
            string[] On(params string[] args) => new[] { "--port", link.SlavePath, "--keys", keys, "--timeout", "30" }.Concat(args).ToArray();
            Assert.AreEqual(0, Iddsctl("--keys", keys, "keys", "dev", "--device", "RPI-FACTORY").Exit);
            var provision = Iddsctl(On("keys", "provision", "--for", "service", "--label-key", label));
            Assert.AreEqual(0, provision.Exit, provision.Output);
            StringAssert.Contains(provision.Output, $"label key: {label}");
            StringAssert.Contains(provision.Output, "the device confirmed it");
            lock (pump) Assert.IsTrue(pump.Keys.Provisioned(Role.Service), "the device holds the agreed service key");
            var status = Iddsctl(On("--role", "service", "status"));
            Assert.AreEqual(0, status.Exit, "the agreed key works: " + status.Output);

            var wrong = Iddsctl(On("keys", "provision", "--for", "clinician", "--label-key", new string('1', 63) + "2"));
            Assert.AreNotEqual(0, wrong.Exit, "a label key that is not this device's fails the confirmation");
        }
        finally
        {
            stop.Cancel();
            loop?.Join(5000);
            Directory.Delete(folder, recursive: true);
        }
    }
}
