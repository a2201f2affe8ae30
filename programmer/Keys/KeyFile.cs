using System.Text.Json;
using System.Text.Json.Nodes;
using OpenIdds.Firmware.Protocol;

namespace OpenIdds.Programmer.Keys;

/// <summary>
/// The programmer's keys, per device and role, in a JSON file (default ~/.openidds/keys.json, or
/// --keys, or IDDSCTL_KEYS). A patient's handheld holds only the patient key; a clinician's programmer
/// the clinician key; the service engineer's the service key. The file is written owner-only.
/// { "devices": { "SIM-0001": { "clinician": "64 hex digits" } } }
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
        try
        {
            var root = JsonNode.Parse(File.ReadAllText(file))?.AsObject() ?? throw new JsonException("empty");
            root["devices"] ??= new JsonObject();
            return new KeyFile(file, root);
        }
        catch (JsonException e)
        {
            throw new Link.LinkException($"key file {file} is not valid JSON ({e.Message}); fix it or move it away and run `iddsctl keys dev --device <ID>`");
        }
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
        File.WriteAllText(Path, _root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    /// <summary>The development keys of a device: what it uses until a service engineer provisions real ones (public knowledge).</summary>
    public static byte[] DevelopmentKey(string deviceId, Role role)
    {
        var key = new byte[KeyRing.KeyBytes];
        KeyRing.DevelopmentKey(deviceId, role, key, 0);
        return key;
    }
}
