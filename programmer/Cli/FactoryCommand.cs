using System.Security.Cryptography;
using System.Text.Json.Nodes;
using OpenIdds.Firmware.Protocol;
using Spectre.Console;

namespace OpenIdds.Programmer.Cli;

/// <summary>
/// `iddsctl factory secret --out FILE`: the manufacturing step of FACTORY-SECRET-REQUIRED. Draws the
/// device's 32-byte X25519 agreement secret s from the operating system's generator, writes s and its
/// public key S = X25519(s, 9) (the label key) to a new owner-only file, writes the nanoff
/// file-deployment configuration that puts it on an MCU board's drive as <c>I:\openidds.factory</c>, and
/// prints S for the label. Never overwrites: a device's secret is written once, and a new secret means a
/// new label.
/// </summary>
public static class FactoryCommand
{
    /// <summary>Where an MCU board reads it (BoardMain.FactorySecretPath).</summary>
    public const string DevicePath = "I:\\openidds.factory";

    public static int Secret(ProgrammerConsole console, string outPath, string? serialPort)
    {
        string path = Path.GetFullPath(outPath);
        if (File.Exists(path)) throw new InputException($"factory secret: {path} exists; a device's secret is written once (a new secret needs a new label): choose another path");
        byte[] file = new byte[2 * X25519.Bytes];
        byte[] secret = RandomNumberGenerator.GetBytes(X25519.Bytes);
        byte[] label = new byte[X25519.Bytes];
        try
        {
            X25519.PublicKey(secret, label);
            Array.Copy(secret, file, X25519.Bytes);
            Array.Copy(label, 0, file, X25519.Bytes, X25519.Bytes);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var stream = new FileStream(path, options))
            {
                stream.Write(file, 0, file.Length);
                stream.Flush(flushToDisk: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"factory secret: {path} could not be written ({e.Message})");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
            CryptographicOperations.ZeroMemory(file);
        }
        string deploy = path + ".nanoff.json";
        var config = new JsonObject { ["files"] = new JsonArray(new JsonObject { ["DestinationFilePath"] = DevicePath, ["SourceFilePath"] = path }) };
        if (serialPort != null) config["serialport"] = serialPort;
        File.WriteAllText(deploy, config.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        string hex = Convert.ToHexString(label).ToLowerInvariant();
        console.Line($"label key: {hex}");
        // DEVICE-ID-FROM-LABEL: the id an ESP32 rig takes from this label key, 12 hex digits as the board's
        // FactorySecret.DeviceIdFor makes it (the other boards read theirs from the chip).
        console.Line($"ESP32-DevKitC device id: OPENIDDS-DEVKITC-{hex[..12]}");
        console.Line($"factory secret written to {Markup.Escape(path)} (owner-only; the secret and its label key, {file.Length} bytes)");
        console.Line("print the label key on the device's label. Then put the file on the device, and delete it here:");
        console.Line($"  ESP32 / STM32: nanoff --filedeployment {Markup.Escape(deploy)}{(serialPort == null ? " --serialport PORT" : "")}   (writes {Markup.Escape(DevicePath)})");
        console.Line($"  Linux board:   install -o root -g root -m 600 {Markup.Escape(path)} /etc/openidds/factory-secret");
        return 0;
    }
}
