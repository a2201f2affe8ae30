using OpenIdds.Firmware.Device;
using OpenIdds.Firmware.Safety;
using OpenIdds.Hal.Storage;

namespace OpenIdds.Boards.LinuxSbc;

/// <summary>
/// What the Linux board settles before it touches a pin: its id (never a made-up one), its factory
/// secret (FACTORY-SECRET-REQUIRED; the self-test runs no pump and needs none) and whether therapy may
/// run on development keys (DEV-KEYS-NO-THERAPY: only with --bench or --development, shown in status).
/// Program and the tests start the board through here, so they cannot disagree.
/// </summary>
public sealed class LinuxPumpStart
{
    private readonly LinuxCommandLine _cli;

    private LinuxPumpStart(LinuxCommandLine cli, BoardOptions options, FactorySecret? factory)
    {
        _cli = cli;
        Options = options;
        Factory = factory;
    }

    public BoardOptions Options { get; }

    /// <summary>The factory secret and label key; null for a self-test run.</summary>
    public FactorySecret? Factory { get; }

    /// <summary>Throws ArgumentException naming what is missing: the device id, or the factory secret.</summary>
    public static LinuxPumpStart Prepare(LinuxCommandLine cli, uint secretOwner = 0, string deviceTreeSerialPath = "/proc/device-tree/serial-number")
    {
        var options = new BoardOptions { DeviceId = cli.ResolveDeviceId(deviceTreeSerialPath) };
        if (cli.SelfTest) return new LinuxPumpStart(cli, options, null);
        FactorySecret factory = FactorySecretFile.Read(cli.FactorySecretPath, secretOwner);
        if (!factory.Present) throw new ArgumentException(factory.Problem);
        factory.ApplyTo(options);
        return new LinuxPumpStart(cli, options, factory);
    }

    /// <summary>The pump's setup for a start after a reset of <paramref name="cause"/>.</summary>
    public PumpSetup Setup(ResetCause cause)
    {
        PumpSetup setup = BoardSetup.For(Options, cause);
        setup.Commissioning = new CommissioningFile(_cli.StorePath + ".commissioned");
        setup.DevelopmentKeysMayDeliver = _cli.Bench || _cli.Development;
        return setup;
    }

    /// <summary>The service console's line: the label key to check against the device's label before provisioning.</summary>
    public string LabelLine => $"label key: {Factory?.LabelKeyHex()} (check it against the device's label; iddsctl keys provision --label-key takes it from the label)";
}
