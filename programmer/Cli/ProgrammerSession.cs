using OpenIdds.Firmware.Protocol;
using OpenIdds.Programmer.Keys;
using OpenIdds.Programmer.Link;

namespace OpenIdds.Programmer.Cli;

/// <summary>One connection to one pump for one command: the link, the keys, the console.</summary>
public sealed class ProgrammerSession : IDisposable
{
    private readonly ILinkTransport _transport;

    public ProgrammerSession(GlobalOptions options, ProgrammerConsole console) : this(options, console, LinkAddress.Open(options.Port, options.Baud)) { }

    /// <summary>A session over a transport already open (the protocol tests' in-memory link).</summary>
    public ProgrammerSession(GlobalOptions options, ProgrammerConsole console, ILinkTransport transport)
    {
        Options = options;
        Console = console;
        Keys = KeyFile.Load(options.KeyFile);
        _transport = transport;
        Client = new ProtocolClient(_transport, Keys.Key) { Timeout = options.Timeout };
        Commands = new PumpCommands(Client);
        Hello = Client.Connect();
        if (Hello.DevelopmentKeys != 0)
            Console.Line($"[yellow]warning:[/] device {Markup(Hello.DeviceId)} still uses development keys for {string.Join(", ", Enumerable.Range(0, RoleName.Count).Where(r => (Hello.DevelopmentKeys & (1 << r)) != 0).Select(r => RoleName.Of((Role)r)))}: bench and simulator only, never a patient (docs/protocol.md)");
    }

    public GlobalOptions Options { get; }
    public ProgrammerConsole Console { get; }
    public KeyFile Keys { get; }
    public ProtocolClient Client { get; }
    public PumpCommands Commands { get; }
    public OpenIdds.Firmware.Protocol.Messages.HelloMessage Hello { get; }
    public string DeviceId => Hello.DeviceId;

    /// <summary>The role to read with: --role, else the most capable role the key file holds for this device.</summary>
    public Role ReadRole()
    {
        if (Options.Role is Role r) return r;
        foreach (var role in new[] { Role.Clinician, Role.Service, Role.Patient })
            if (Keys.Key(DeviceId, role) != null) return role;
        return Role.Clinician;
    }

    private static string Markup(string text) => Spectre.Console.Markup.Escape(text);

    public void Dispose() => Client.Dispose();
}

/// <summary>The options every command shares.</summary>
public sealed record GlobalOptions(string Port, int Baud, string? KeyFile, Role? Role, TimeSpan Timeout, bool Yes);
