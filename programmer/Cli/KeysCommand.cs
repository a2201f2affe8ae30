using System.Security.Cryptography;
using OpenIdds.Firmware.Protocol;
using OpenIdds.Programmer.Keys;
using Spectre.Console;

namespace OpenIdds.Programmer.Cli;

/// <summary>
/// `iddsctl keys`: the local key file. `dev --device ID` stores a device's development keys (derived
/// from its id: public, bench and simulator only); `show` lists what the file holds (fingerprints,
/// never keys); `provision --for R` (service key) gives the device a new random key for a role,
/// sent wrapped so the line never carries it in clear, and keeps it in the key file.
/// </summary>
public static class KeysCommand
{
    public static int Development(ProgrammerConsole console, string? keyFile, string device, IEnumerable<Role> roles)
    {
        var keys = KeyFile.Load(keyFile);
        foreach (var role in roles) keys.Set(device, role, KeyFile.DevelopmentKey(device, role));
        keys.Save();
        console.Line($"development keys for {Markup.Escape(device)} ({string.Join(", ", roles.Select(RoleName.Of))}) written to {Markup.Escape(keys.Path)}");
        console.Line("[yellow]development keys are derived from the device id: anyone can compute them. Provision real keys before a device goes near a patient (iddsctl keys provision).[/]");
        return 0;
    }

    public static int Show(ProgrammerConsole console, string? keyFile)
    {
        var keys = KeyFile.Load(keyFile);
        var table = new Table().Title(Markup.Escape(keys.Path)).AddColumn("device").AddColumn("role").AddColumn("key fingerprint").AddColumn("development key?");
        foreach (string device in keys.DeviceIds)
        foreach (var role in keys.RolesOf(device))
        {
            byte[] key = keys.Key(device, role)!;
            bool development = key.SequenceEqual(KeyFile.DevelopmentKey(device, role));
            table.AddRow(Markup.Escape(device), RoleName.Of(role), KeyFile.Fingerprint(key), development ? "[yellow]yes[/]" : "no");
        }
        console.Out.Write(table);
        return 0;
    }

    public static int Provision(ProgrammerSession session, Role role)
    {
        byte[] service = session.Keys.Key(session.DeviceId, Role.Service) ?? throw new Link.LinkException($"no service key for {session.DeviceId}: provisioning needs the service role's key");
        byte[] key = RandomNumberGenerator.GetBytes(KeyRing.KeyBytes);
        session.Commands.ProvisionKey(role, key, service);
        session.Keys.Set(session.DeviceId, role, key);
        session.Keys.Save();
        session.Console.Line($"[green]{RoleName.Of(role)} key of {Markup.Escape(session.DeviceId)} replaced[/] (fingerprint {KeyFile.Fingerprint(key)}); kept in {Markup.Escape(session.Keys.Path)}. Give it to the {RoleName.Of(role)}'s programmer only.");
        return 0;
    }
}
