using System.Security.Cryptography;
using OpenIdds.Firmware.Protocol;

namespace OpenIdds.Programmer.Keys;

/// <summary>
/// The programmer's half of KEY-AGREEMENT-NOT-WRAP: a fresh X25519 secret per provisioning, its public
/// value A for the request, and the key K it agrees with the device whose label shows
/// <see cref="DevicePublic"/>. The secret is dropped after <see cref="Derive"/>: K alone goes to the key file.
/// </summary>
public sealed class ProgrammerKeyAgreement
{
    private ProgrammerKeyAgreement(byte[] devicePublic, byte[] programmerPublic, byte[] key)
    {
        DevicePublic = devicePublic;
        ProgrammerPublic = programmerPublic;
        Key = key;
    }

    public byte[] DevicePublic { get; }
    public byte[] ProgrammerPublic { get; }
    public byte[] Key { get; }

    /// <summary>Draws a secret, computes A and K for <paramref name="role"/>; refuses a label key that is a small-order point.</summary>
    public static ProgrammerKeyAgreement Derive(byte[] devicePublic, Role role)
    {
        byte[] secret = RandomNumberGenerator.GetBytes(X25519.Bytes);
        try
        {
            var programmerPublic = new byte[X25519.Bytes];
            X25519.PublicKey(secret, programmerPublic);
            var key = new byte[KeyRing.KeyBytes];
            if (!KeyAgreement.Derive(secret, devicePublic, programmerPublic, devicePublic, role, key))
                throw new Link.LinkException("--label-key is a small-order point (the shared secret would be zero): check the key printed on the device's label");
            return new ProgrammerKeyAgreement(devicePublic, programmerPublic, key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    /// <summary>True if <paramref name="tag"/> is HMAC(K, confirm || A): the device derived the same key.</summary>
    public bool Confirms(byte[] tag)
    {
        var expected = new byte[KeyRing.KeyBytes];
        KeyAgreement.Confirmation(Key, ProgrammerPublic, expected);
        return tag.Length == expected.Length && CryptographicOperations.FixedTimeEquals(tag, expected);
    }
}
