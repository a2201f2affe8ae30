using System.Security.Cryptography;
using CsCheck;
using OpenIdds.Firmware.Protocol;

namespace OpenIdds.Tests.Host.Protocol;

/// <summary>The portable SHA-256, HMAC and COBS against .NET's implementations and against themselves, over random inputs.</summary>
[TestClass]
public class ProtocolPropertyTests
{
    [TestMethod]
    public void Sha256_and_hmac_agree_with_dotnet_on_random_inputs()
    {
        Gen.Select(Gen.Byte.Array[0, 300], Gen.Byte.Array[0, 150]).Sample((data, key) =>
        {
            var sha = new Sha256();
            sha.Append(data, 0, data.Length);
            var hash = new byte[32];
            sha.Finish(hash, 0);
            var mac = new HmacSha256(key);
            mac.Append(data, 0, data.Length);
            var tag = new byte[32];
            mac.Finish(tag, 0);
            return hash.AsSpan().SequenceEqual(SHA256.HashData(data)) && tag.AsSpan().SequenceEqual(HMACSHA256.HashData(key, data));
        }, iter: 2000);
    }

    [TestMethod]
    public void Cobs_round_trips_any_frame_without_a_zero_inside()
    {
        Gen.Byte.Array[0, 700].Sample(data =>
        {
            var encoded = new byte[data.Length + data.Length / 254 + 2];
            int n = Cobs.Encode(data, 0, data.Length, encoded);
            var decoded = new byte[data.Length + 1];
            int m = Cobs.Decode(encoded, n, decoded);
            return n > 0 && !encoded.AsSpan(0, n).Contains((byte)0) && m == data.Length && decoded.AsSpan(0, m).SequenceEqual(data);
        }, iter: 5000);
    }
}
