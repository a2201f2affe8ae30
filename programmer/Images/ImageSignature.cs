using System.Security.Cryptography;

namespace OpenIdds.Programmer.Images;

/// <summary>
/// SIGNED-IMAGES (brief failure 9: "firmware images are signed"): a release image is signed with the
/// project's ECDSA P-256 key over its SHA-256, and whoever flashes a board verifies the signature
/// against the published public key before deploying (docs/flashing.md). The signature sits beside the
/// image as <c>image.sig</c> (base64 DER). The board itself does not refuse an unsigned image: that
/// needs the chip's secure boot (ESP32 Secure Boot v2, STM32 with its boot-loader), outside nanoFramework.
/// </summary>
public static class ImageSignature
{
    public static string SignaturePath(string image) => image + ".sig";

    /// <summary>A new key pair as PEM: the private key (PKCS#8) stays with the release manager, the public one is published.</summary>
    public static (string PrivatePem, string PublicPem) NewKeyPair()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return (key.ExportPkcs8PrivateKeyPem(), key.ExportSubjectPublicKeyInfoPem());
    }

    public static string Sign(byte[] image, string privatePem)
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(privatePem);
        return Convert.ToBase64String(key.SignData(image, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
    }

    /// <summary>True only when <paramref name="signature"/> is the public key's signature of exactly these bytes.</summary>
    public static bool Verify(byte[] image, string signature, string publicPem)
    {
        byte[] der;
        try { der = Convert.FromBase64String(signature.Trim()); }
        catch (FormatException) { return false; }
        using var key = ECDsa.Create();
        key.ImportFromPem(publicPem);
        return key.VerifyData(image, der, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }

    public static string Sha256Hex(byte[] image) => Convert.ToHexString(SHA256.HashData(image));
}
