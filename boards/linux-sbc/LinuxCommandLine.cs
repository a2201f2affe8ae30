namespace OpenIdds.Boards.LinuxSbc;

/// <summary>
/// The Linux board's command line:
/// <c>[serial-device] [--bench] [--selftest] [--store PATH] [--device-id ID] [--development] [--factory-secret PATH]</c>.
/// --development is DEV-KEYS-NO-THERAPY's explicit setting: therapy may run on development keys.
/// --bench is the MCU boards' BENCH build (the bench prescription after the self-test); --selftest is
/// their SELFTEST build (the loopback self-test only, exit code 0 on pass).
/// </summary>
public sealed class LinuxCommandLine
{
    public const string Usage = "usage: OpenIdds.LinuxSbc [serial-device] [--bench] [--selftest] [--store PATH] [--device-id ID] [--development] [--factory-secret PATH]   (default /dev/serial0, /etc/openidds/factory-secret)";

    public string SerialDevice { get; private set; } = "/dev/serial0";
    public bool Bench { get; private set; }
    public bool SelfTest { get; private set; }
    public bool Development { get; private set; }
    public string StorePath { get; private set; } = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".openidds.nv");
    public string? DeviceId { get; private set; }

    /// <summary>FACTORY-SECRET-REQUIRED: the root-only file the factory wrote (<see cref="FactorySecretFile"/>).</summary>
    public string FactorySecretPath { get; private set; } = FactorySecretFile.DefaultPath;

    /// <summary>The restart marker sits beside the store (see RestartMarker).</summary>
    public string MarkerPath => StorePath + ".restart";

    public static LinuxCommandLine Parse(string[] args)
    {
        var cli = new LinuxCommandLine();
        bool serialGiven = false;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--bench": cli.Bench = true; break;
                case "--selftest": cli.SelfTest = true; break;
                case "--development": cli.Development = true; break;
                case "--store": cli.StorePath = Value(args, ref i); break;
                case "--device-id": cli.DeviceId = Value(args, ref i); break;
                case "--factory-secret": cli.FactorySecretPath = Value(args, ref i); break;
                default:
                    if (args[i].StartsWith('-') || serialGiven) throw new ArgumentException($"'{args[i]}' is not an option here. {Usage}");
                    cli.SerialDevice = args[i];
                    serialGiven = true;
                    break;
            }
        }
        if (cli.Bench && cli.SelfTest) throw new ArgumentException($"--bench and --selftest exclude each other: the self-test runs no therapy. {Usage}");
        return cli;
    }

    /// <summary>
    /// The rig's id: --device-id, else the Pi's own serial number (device tree). With neither it is
    /// refused (DEV-KEYS-NO-THERAPY): a made-up id would give every such rig the same development keys.
    /// </summary>
    public string ResolveDeviceId(string deviceTreeSerialPath = "/proc/device-tree/serial-number")
    {
        if (DeviceId != null) return DeviceId;
        if (File.Exists(deviceTreeSerialPath))
        {
            string serial = File.ReadAllText(deviceTreeSerialPath).Trim('\0', ' ', '\n', '\r');
            if (serial.Length > 0) return "RPI-" + serial.ToUpperInvariant();
        }
        throw new ArgumentException($"no device id: {deviceTreeSerialPath} holds no serial number; give one with --device-id ID. {Usage}");
    }

    private static string Value(string[] args, ref int i)
    {
        if (i + 1 >= args.Length) throw new ArgumentException($"{args[i]} needs a value. {Usage}");
        return args[++i];
    }
}
