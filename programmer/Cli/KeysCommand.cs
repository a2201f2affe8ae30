using OpenIdds.Firmware.Protocol;
using OpenIdds.Programmer.Keys;
using Spectre.Console;

namespace OpenIdds.Programmer.Cli;

/// <summary>
/// `iddsctl keys`: the local key file. `dev --device ID` stores a device's development keys (derived
/// from its id: public, bench and simulator only); `show` lists what the file holds (fingerprints,
/// never keys); `provision --for R --label-key HEX` (service key) agrees a new key for a role with
/// the device (KEY-AGREEMENT-NOT-WRAP: the key never crosses the line) and keeps it in the key file;
/// `recover --for R` settles a provisioning whose answer was lost.
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

    /// <summary>
    /// PENDING-KEY-FIRST: the agreed key is saved as pending (atomically, owner-only) before the request
    /// goes out, and becomes the key in force only when the device's confirmation proves it holds the
    /// same key. A sealed refusal drops it; a lost answer keeps it for `iddsctl keys recover`.
    /// </summary>
    public static int Provision(ProgrammerSession session, Role role, string labelKeyHex)
    {
        byte[] label = ParseLabelKey(labelKeyHex);
        session.Console.Line($"label key: {Convert.ToHexString(label).ToLowerInvariant()} - check it against the device's label (and its service console) before you trust the result");
        if (session.Keys.Key(session.DeviceId, Role.Service) == null)
            throw new Link.LinkException($"no service key for {session.DeviceId}: provisioning needs the service role's key");
        var agreement = ProgrammerKeyAgreement.Derive(label, role);
        session.Keys.SetPending(session.DeviceId, role, agreement.Key);
        try
        {
            session.Keys.Save();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new Link.LinkException($"the new {RoleName.Of(role)} key could not be saved to {session.Keys.Path} ({e.Message}): nothing was sent, the device keeps its key. Fix the key file's folder and provision again.");
        }
        byte[] tag;
        try
        {
            tag = session.Commands.ProvisionKey(role, agreement.ProgrammerPublic);
        }
        catch (Link.LinkException e) when (e.Failure == Link.LinkFailure.Refused)
        {
            session.Keys.ClearPending(session.DeviceId, role);
            session.Keys.Save();
            throw new Link.LinkException($"the device refused the new {RoleName.Of(role)} key, and keeps its old one: {e.Message}", Link.LinkFailure.Refused);
        }
        catch (Link.LinkException e) when (e.Failure == Link.LinkFailure.AnswerLost)
        {
            throw new Link.LinkException($"the device's answer to the {RoleName.Of(role)} key provisioning was lost ({e.Message}). It may hold the new key or the old one: " +
                $"the new key is kept as pending in {session.Keys.Path}; run `iddsctl keys recover --for {RoleName.Of(role)}` to find out which and keep that one.", Link.LinkFailure.AnswerLost);
        }
        if (!agreement.Confirms(tag))
        {
            session.Keys.ClearPending(session.DeviceId, role);
            session.Keys.Save();
            throw new Link.LinkException($"the device's confirmation of the new {RoleName.Of(role)} key does not match the key agreed with the label key {KeyFile.Fingerprint(label)}: " +
                "the label key is not this device's, or someone on the line replaced the request. The device now holds a key this programmer does not have: " +
                $"provision the {RoleName.Of(role)} key again over a cable you trust, with the key printed on the device's label.", Link.LinkFailure.Refused);
        }
        session.Keys.PromotePending(session.DeviceId, role);
        session.Keys.Save();
        session.Console.Line($"[green]{RoleName.Of(role)} key of {Markup.Escape(session.DeviceId)} replaced[/] (fingerprint {KeyFile.Fingerprint(agreement.Key)}; agreed, never sent; the device confirmed it); kept in {Markup.Escape(session.Keys.Path)}. Give it to the {RoleName.Of(role)}'s programmer only.");
        return 0;
    }

    /// <summary>
    /// `iddsctl keys recover --for R`: after a provisioning whose answer was lost, tries a status read
    /// with the pending key, then with the old one, and keeps whichever the device accepts.
    /// </summary>
    public static int Recover(ProgrammerSession session, Role role)
    {
        string id = session.DeviceId;
        byte[] pending = session.Keys.PendingKey(id, role) ?? throw new Link.LinkException($"no pending {RoleName.Of(role)} key for {id} in {session.Keys.Path}: nothing to recover");
        byte[]? old = session.Keys.Key(id, role);
        session.Keys.Set(id, role, pending);
        if (Accepts(session, role))
        {
            session.Keys.ClearPending(id, role);
            session.Keys.Save();
            session.Console.Line($"[green]the device holds the new {RoleName.Of(role)} key[/] (fingerprint {KeyFile.Fingerprint(pending)}): it is now the key in force in {Markup.Escape(session.Keys.Path)}");
            return 0;
        }
        if (old != null)
        {
            session.Keys.Set(id, role, old);
            if (Accepts(session, role))
            {
                session.Keys.ClearPending(id, role);
                session.Keys.Save();
                session.Console.Line($"[yellow]the device kept its old {RoleName.Of(role)} key[/] (fingerprint {KeyFile.Fingerprint(old)}); the pending key is dropped. Provision again if a new key is still wanted.");
                return 0;
            }
        }
        throw new Link.LinkException($"the device accepts neither the pending nor the old {RoleName.Of(role)} key of {id}: the key file is left as it was; a service engineer must provision the {RoleName.Of(role)} key again");
    }

    /// <summary>True if a status read under the role's current key in the key file is accepted and its answer verifies; false on bad-mac (any other failure propagates).</summary>
    private static bool Accepts(ProgrammerSession session, Role role)
    {
        try
        {
            session.Commands.Status(role);
            return true;
        }
        catch (Link.LinkException e) when (e.Status == ProtocolStatus.BadMac)
        {
            return false;
        }
    }

    private static byte[] ParseLabelKey(string hex)
    {
        hex = hex.Trim();
        if (hex.Length != 2 * X25519.Bytes || !hex.All(char.IsAsciiHexDigit))
            throw new Link.LinkException($"--label-key '{hex}' is not {2 * X25519.Bytes} hex digits (the device's X25519 public key from its label is {X25519.Bytes} bytes)");
        return Convert.FromHexString(hex);
    }
}
