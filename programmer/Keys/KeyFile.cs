using System.Text.Json;
using System.Text.Json.Nodes;
using OpenIdds.Firmware.Protocol;

namespace OpenIdds.Programmer.Keys;

/// <summary>
/// The programmer's keys, per device and role, in a JSON file (default ~/.openidds/keys.json, or
/// --keys, or IDDSCTL_KEYS). A patient's handheld holds only the patient key; a clinician's programmer
/// the clinician key; the service engineer's the service key. The file is written owner-only. A key
/// being provisioned waits under "pending" until the device confirms it (PENDING-KEY-FIRST).
/// { "devices": { "SIM-0001": { "clinician": "64 hex digits", "pending": { "service": "64 hex digits" } } } }
/// </summary>
public sealed class KeyFile
{
    private readonly JsonObject _root;

    private KeyFile(string path, JsonObject root)
    {
        Path = path;
        _root = root;
    }

    public string Path { get; }

    public static string DefaultPath =>
        Environment.GetEnvironmentVariable("IDDSCTL_KEYS") is { Length: > 0 } p ? p
        : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".openidds", "keys.json");

    public static KeyFile Load(string? path)
    {
        string file = path ?? DefaultPath;
        if (!File.Exists(file)) return new KeyFile(file, new JsonObject { ["devices"] = new JsonObject() });
        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(File.ReadAllText(file), documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            throw new Link.LinkException($"key file {file} is not valid JSON ({e.Message}); fix it or move it away and run `iddsctl keys dev --device <ID>`");
        }
        return new KeyFile(file, Checked(file, parsed));
    }

    /// <summary>KEY-FILE-SHAPE: { "devices": { ID: { role: 64 hex digits, "pending": { role: 64 hex digits } } } } and nothing else, or an error naming the field.</summary>
    private static JsonObject Checked(string file, JsonNode? parsed)
    {
        if (parsed is not JsonObject root) throw new Link.LinkException($"key file {file}: the top level must be an object {{ \"devices\": ... }}");
        foreach (var (name, _) in root)
            if (name != "devices") throw new Link.LinkException($"key file {file}: '{name}' is not a field of a key file (the only one is devices)");
        root["devices"] ??= new JsonObject();
        if (root["devices"] is not JsonObject devices) throw new Link.LinkException($"key file {file}: devices must be an object of device ids");
        foreach (var (id, node) in devices)
        {
            if (node is not JsonObject roles) throw new Link.LinkException($"key file {file}: devices.{id} must be an object of role keys");
            foreach (var (role, value) in roles)
            {
                if (role == PendingField)
                {
                    if (value is not JsonObject pending) throw new Link.LinkException($"key file {file}: devices.{id}.{PendingField} must be an object of role keys");
                    foreach (var (pendingRole, pendingValue) in pending) CheckRoleKey(file, $"devices.{id}.{PendingField}.{pendingRole}", pendingRole, pendingValue);
                    continue;
                }
                CheckRoleKey(file, $"devices.{id}.{role}", role, value);
            }
        }
        return root;
    }

    private const string PendingField = "pending";

    private static void CheckRoleKey(string file, string field, string role, JsonNode? value)
    {
        if (role is not ("patient" or "clinician" or "service")) throw new Link.LinkException($"key file {file}: {field} is not one of patient, clinician, service{(field.Contains('.' + PendingField + '.') ? "" : " (or pending)")}");
        string? hex = value is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
        if (hex == null || hex.Length != 2 * KeyRing.KeyBytes || !hex.All(char.IsAsciiHexDigit))
            throw new Link.LinkException($"key file {file}: {field} is not {2 * KeyRing.KeyBytes} hex digits (the limit: a key is {KeyRing.KeyBytes} bytes)");
    }

    private JsonObject Devices => _root["devices"]!.AsObject();

    /// <summary>The key of <paramref name="role"/> for <paramref name="deviceId"/>, or null.</summary>
    public byte[]? Key(string deviceId, Role role)
    {
        if (Devices[deviceId] is not JsonObject device || device[RoleName.Of(role)] is not JsonValue hex) return null;
        try { return Convert.FromHexString(hex.GetValue<string>()); }
        catch (FormatException) { throw new Link.LinkException($"key file {Path}: devices.{deviceId}.{RoleName.Of(role)} is not 64 hex digits"); }
    }

    public IEnumerable<string> DeviceIds => Devices.Select(d => d.Key);

    public IEnumerable<Role> RolesOf(string deviceId) =>
        Enumerable.Range(0, RoleName.Count).Select(r => (Role)r).Where(r => Key(deviceId, r) != null);

    /// <summary>The key of <paramref name="role"/> sent for provisioning and not yet confirmed by the device, or null.</summary>
    public byte[]? PendingKey(string deviceId, Role role) =>
        Devices[deviceId] is JsonObject device && device[PendingField] is JsonObject pending && pending[RoleName.Of(role)] is JsonValue hex
            ? Convert.FromHexString(hex.GetValue<string>()) : null;

    /// <summary>Records <paramref name="key"/> as pending for <paramref name="role"/> (the current key stays in force).</summary>
    public void SetPending(string deviceId, Role role, byte[] key)
    {
        if (key.Length != KeyRing.KeyBytes) throw new ArgumentException($"a key is {KeyRing.KeyBytes} bytes, not {key.Length}");
        if (Devices[deviceId] is not JsonObject device) Devices[deviceId] = device = new JsonObject();
        if (device[PendingField] is not JsonObject pending) device[PendingField] = pending = new JsonObject();
        pending[RoleName.Of(role)] = Convert.ToHexString(key);
    }

    /// <summary>Drops the pending key of <paramref name="role"/> (the device kept its old key).</summary>
    public void ClearPending(string deviceId, Role role)
    {
        if (Devices[deviceId] is not JsonObject device || device[PendingField] is not JsonObject pending) return;
        pending.Remove(RoleName.Of(role));
        if (pending.Count == 0) device.Remove(PendingField);
    }

    /// <summary>Makes the pending key of <paramref name="role"/> the key in force (the device confirmed it).</summary>
    public void PromotePending(string deviceId, Role role)
    {
        byte[] key = PendingKey(deviceId, role) ?? throw new InvalidOperationException($"no pending {RoleName.Of(role)} key for {deviceId}");
        Set(deviceId, role, key);
        ClearPending(deviceId, role);
    }

    public void Set(string deviceId, Role role, byte[] key)
    {
        if (key.Length != KeyRing.KeyBytes) throw new ArgumentException($"a key is {KeyRing.KeyBytes} bytes, not {key.Length}");
        if (Devices[deviceId] is not JsonObject device) Devices[deviceId] = device = new JsonObject();
        device[RoleName.Of(role)] = Convert.ToHexString(key);
    }

    /// <summary>The first 8 hex digits of SHA-256(key): enough to tell two keys apart on screen without showing either.</summary>
    public static string Fingerprint(byte[] key) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(key))[..8];

    public void Save()
    {
        string? folder = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        // KEY-FILE-ATOMIC: written to a new file created owner-only (0600 from its first byte), flushed to
        // the disk, then renamed over the old one - a crash leaves the old file or the new one, never half.
        string temporary = Path + ".tmp-" + Environment.ProcessId.ToString();
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                byte[] bytes = System.Text.Encoding.UTF8.GetBytes(_root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                stream.Write(bytes, 0, bytes.Length);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, Path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>The development keys of a device: what it uses until a service engineer provisions real ones (public knowledge).</summary>
    public static byte[] DevelopmentKey(string deviceId, Role role)
    {
        var key = new byte[KeyRing.KeyBytes];
        KeyRing.DevelopmentKey(deviceId, role, key, 0);
        return key;
    }
}
