using OpenIdds.Firmware.Protocol;
using OpenIdds.Firmware.Protocol.Messages;

namespace OpenIdds.Programmer.Link;

/// <summary>
/// The programmer's side of the device protocol (docs/protocol.md). It asks the device who it is
/// (Hello: its id and the newest counter it accepted per role), then sends each command with the next
/// counter, sealed with the role's key, and checks every answer: CRC, the echo of its own sequence
/// and counter, and the HMAC under the same key - so a forged or replayed answer is refused too
/// (ANSWERS-SEALED).
/// </summary>
public sealed class ProtocolClient : IDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(3);

    private readonly ILinkTransport _transport;
    private readonly Func<string, Role, byte[]?> _keys;
    private readonly byte[] _frame = new byte[Frame.MaxFrame];
    private readonly byte[] _encoded = new byte[Frame.MaxEncoded + 1];
    private static readonly byte[] Delimiter = { 0 };
    private readonly byte[] _rx = new byte[Frame.MaxEncoded];
    private readonly byte[] _chunk = new byte[512];
    private readonly Queue<byte[]> _received = new();
    private readonly List<byte> _partial = new();
    private readonly uint[] _counters = new uint[RoleName.Count];
    private int _sequence;

    public ProtocolClient(ILinkTransport transport, Func<string, Role, byte[]?> keys)
    {
        _transport = transport;
        _keys = keys;
    }

    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>What the device said about itself; null until <see cref="Connect"/>.</summary>
    public HelloMessage? Device { get; private set; }

    public string DeviceId => Device?.DeviceId ?? throw new InvalidOperationException("not connected");

    /// <summary>Hello: learns the device id and its counters, so the next command carries a fresh one.</summary>
    public HelloMessage Connect()
    {
        var r = Exchange(Role.Patient, CommandTable.Hello, Array.Empty<byte>(), null, 0);
        if (r.Status != ProtocolStatus.Ok) throw new LinkException($"the device on {_transport.Name} refused hello: {ProtocolStatusName.Of(r.Status)} ({r.Reason})");
        var hello = HelloMessage.Read(r.Reader());
        if (hello.ProtocolVersion != Frame.Version) throw new LinkException($"the device on {_transport.Name} speaks protocol {hello.ProtocolVersion}; this iddsctl speaks {Frame.Version}: update one of them");
        Device = hello;
        for (int i = 0; i < RoleName.Count; i++) _counters[i] = Math.Max(_counters[i], hello.Counters[i]);
        return hello;
    }

    /// <summary>Sends an authenticated command and returns the verified answer; a refusal by the protocol throws, naming what to fix.</summary>
    public Response Send(Role role, int command, byte[] payload) => Send(role, command, _ => payload);

    /// <summary>As <see cref="Send(Role, int, byte[])"/>, for a payload that depends on the request's counter (a wrapped key).</summary>
    public Response Send(Role role, int command, Func<uint, byte[]> payloadFor)
    {
        if (Device == null) Connect();
        byte[] key = _keys(DeviceId, role) ?? throw new LinkException(
            $"no {RoleName.Of(role)} key for device {DeviceId} in the key file. For a bench or simulated device with development keys run `iddsctl keys dev --device {DeviceId}`; otherwise get the key from the service engineer.");
        uint counter = ++_counters[(int)role];
        var mac = new HmacSha256(key);
        var r = Exchange(role, command, payloadFor(counter), mac, counter);
        if (r.Status == ProtocolStatus.Replay && r.Authenticated)
        {
            // RETRY-ONLY-SEALED-REFUSAL. Another programmer moved the counter on since our hello: learn
            // it and try once more. Only
            // on a refusal sealed under our key: an unsealed "replay" may be a forger's, holding our
            // frame back to deliver it later, and a retry would then run the command twice.
            Connect();
            counter = ++_counters[(int)role];
            r = Exchange(role, command, payloadFor(counter), mac, counter);
        }
        // REFUSED-OR-LOST: only a refusal sealed under the role's key proves the command did not run.
        if (r.Status != ProtocolStatus.Ok) throw new LinkException(Explain(r, role, command), r.Authenticated ? LinkFailure.Refused : LinkFailure.AnswerLost, r.Status);
        if (!r.Authenticated) throw new LinkException($"the answer to {CommandTable.Name(command)} from {_transport.Name} did not verify under the {RoleName.Of(role)} key: someone else may be answering on the line; nothing is trusted", LinkFailure.AnswerLost);
        return r;
    }

    private Response Exchange(Role role, int command, byte[] payload, HmacSha256? mac, uint counter)
    {
        if (payload.Length > Frame.MaxPayload) throw new ArgumentException($"payload of {payload.Length} bytes is above the limit {Frame.MaxPayload}");
        int sequence = _sequence = (_sequence + 1) & 0xFFFF;
        Frame.RequestHeader(_frame, sequence, role, command, counter);
        Array.Copy(payload, 0, _frame, Frame.RequestHeaderBytes, payload.Length);
        int length = Frame.Seal(_frame, Frame.RequestHeaderBytes, payload.Length, mac);
        // LEADING-DELIMITER: a 0x00 before the frame ends whatever partial frame is left on the line,
        // so that leftover cannot corrupt this one; the device ignores the empty frame it makes.
        int n = Cobs.Encode(_frame, 0, length, _encoded);
        _encoded[n] = 0;
        _transport.Write(Delimiter, 0, 1);
        _transport.Write(_encoded, 0, n + 1);

        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            byte[]? frame = NextFrame(deadline);
            if (frame == null)
                throw new LinkException($"no answer to {CommandTable.Name(command)} from {_transport.Name} within {Timeout.TotalSeconds:0.#} s: check the cable and the port, that the pump is powered, and the baud rate", LinkFailure.AnswerLost);
            if (frame.Length < Frame.MinResponse || !Frame.CrcHolds(frame, frame.Length) || frame[1] != Frame.ResponseType) continue;
            if (Frame.GetU16(frame, 2) != sequence) continue;   // a late answer to an earlier request
            var status = (ProtocolStatus)frame[10];
            int payloadLength = Frame.GetU16(frame, 11);
            if (Frame.ResponseHeaderBytes + payloadLength + Frame.MacBytes + Frame.CrcBytes != frame.Length) continue;
            bool echoes = frame[5] == command && Frame.GetU32(frame, 6) == counter && frame[4] == (byte)role;
            bool authenticated = false;
            if (mac != null && echoes)
            {
                var tag = new byte[Frame.MacBytes];
                authenticated = Frame.MacHolds(frame, Frame.ResponseHeaderBytes + payloadLength, mac, tag);
            }
            var body = new byte[payloadLength];
            Array.Copy(frame, Frame.ResponseHeaderBytes, body, 0, payloadLength);
            return new Response(command, status, body, authenticated);
        }
    }

    private byte[]? NextFrame(DateTime deadline)
    {
        while (_received.Count == 0)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) return null;
            int n = _transport.Read(_chunk, 0, _chunk.Length, left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
            for (int i = 0; i < n; i++)
            {
                if (_chunk[i] != 0) { _partial.Add(_chunk[i]); continue; }
                if (_partial.Count == 0 || _partial.Count > _rx.Length) { _partial.Clear(); continue; }
                _partial.CopyTo(_rx);
                var decoded = new byte[Frame.MaxFrame];
                int length = Cobs.Decode(_rx, _partial.Count, decoded);
                _partial.Clear();
                if (length > 0) _received.Enqueue(decoded[..length]);
            }
        }
        return _received.Dequeue();
    }

    /// <summary>Every protocol refusal in words that say what to do about it.</summary>
    private string Explain(Response r, Role role, int command)
    {
        string what = CommandTable.Name(command);
        string id = Device?.DeviceId ?? "?";
        return r.Status switch
        {
            ProtocolStatus.BadMac => $"device {id} refused the {RoleName.Of(role)} key for {what}: the key file's key is not the device's. " +
                (Device != null && (Device.DevelopmentKeys & (1 << (int)role)) != 0
                    ? $"The device still uses development keys: run `iddsctl keys dev --device {id}`."
                    : "Its keys were provisioned: use the key the service engineer gave you."),
            ProtocolStatus.Replay when !r.Authenticated => $"device {id} seemed to refuse {what} as a replay, but the answer did not verify under the {RoleName.Of(role)} key: someone else may be answering on the line. The command may still run; read the status before trying again.",
            ProtocolStatus.Replay => $"device {id} refused {what}: its counter was already used ({r.Reason}). Another programmer is talking to it; try again.",
            ProtocolStatus.CounterAhead => $"device {id} refused {what}: {r.Reason}. The counter came from a hello answer the device did not send: someone may be tampering with the line; nothing ran.",
            ProtocolStatus.WrongRole => $"{what} is not allowed for the {RoleName.Of(role)} role ({r.Reason}); use --role with a role that may send it (docs/protocol.md lists them).",
            ProtocolStatus.RateLimited => $"device {id} is refusing authenticated commands after repeated authentication failures ({r.Reason}). Wait, and check your keys before trying again.",
            ProtocolStatus.BadPayload => $"device {id} could not read the {what} request: {r.Reason}",
            ProtocolStatus.UnknownCommand => $"device {id} does not know {what} ({r.Reason}): its firmware is older than this iddsctl",
            ProtocolStatus.UnsupportedVersion => $"device {id} speaks another protocol version ({r.Reason})",
            ProtocolStatus.BadCrc => $"the line to {_transport.Name} corrupted the {what} frame ({r.Reason}); check the cable and the baud rate",
            _ => $"device {id} refused {what}: {ProtocolStatusName.Of(r.Status)} ({r.Reason})",
        };
    }

    public void Dispose() => _transport.Dispose();
}
