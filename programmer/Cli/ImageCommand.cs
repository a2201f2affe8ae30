using OpenIdds.Programmer.Images;

namespace OpenIdds.Programmer.Cli;

/// <summary>
/// `iddsctl image keygen|sign|verify`: SIGNED-IMAGES on the bench. Verify before every deploy: exit 0
/// only when the image is, byte for byte, the one the release key signed.
/// </summary>
public static class ImageCommand
{
    public static int KeyGen(ProgrammerConsole console, string privatePath, string publicPath)
    {
        if (File.Exists(privatePath)) throw new Link.LinkException($"{privatePath} exists: a release key is never overwritten; choose another path");
        var (privatePem, publicPem) = ImageSignature.NewKeyPair();
        File.WriteAllText(privatePath, privatePem);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(privatePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(publicPath, publicPem);
        console.Line($"release key written to {Esc(privatePath)} (keep it offline); public key to {Esc(publicPath)} (publish it)");
        return 0;
    }

    public static int Sign(ProgrammerConsole console, string image, string privatePath)
    {
        byte[] bytes = Read(image);
        File.WriteAllText(ImageSignature.SignaturePath(image), ImageSignature.Sign(bytes, ReadText(privatePath, "release key")) + "\n");
        console.Line($"signed {Esc(image)} ({bytes.Length} bytes, SHA-256 {ImageSignature.Sha256Hex(bytes)}): {Esc(ImageSignature.SignaturePath(image))}");
        return 0;
    }

    public static int Verify(ProgrammerConsole console, string image, string publicPath)
    {
        byte[] bytes = Read(image);
        string signature = ReadText(ImageSignature.SignaturePath(image), "signature");
        if (!ImageSignature.Verify(bytes, signature, ReadText(publicPath, "public key")))
        {
            console.Error($"{image} does NOT match its signature under {publicPath}: it is not the signed release (changed, damaged or signed by another key). Do not flash it.");
            return 1;
        }
        console.Line($"[green]signature verifies[/]: {Esc(image)}, SHA-256 {ImageSignature.Sha256Hex(bytes)}");
        return 0;
    }

    private static byte[] Read(string path) => File.Exists(path) ? File.ReadAllBytes(path) : throw new Link.LinkException($"image {path} does not exist");

    private static string ReadText(string path, string what) => File.Exists(path) ? File.ReadAllText(path) : throw new Link.LinkException($"{what} {path} does not exist");

    private static string Esc(string text) => Spectre.Console.Markup.Escape(text);
}
