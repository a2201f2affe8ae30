namespace OpenIdds.Firmware.Protocol
{
    /// <summary>
    /// The status byte of every response (docs/protocol.md lists each with what to do about it). Ok
    /// means the command ran - the pump may still have refused it, which its report says. On every
    /// other status nothing changed.
    /// </summary>
    public enum ProtocolStatus
    {
        Ok = 0,
        /// <summary>The frame's COBS stuffing or its header is broken.</summary>
        Malformed = 1,
        /// <summary>The CRC-16 does not match: line noise (or a forged frame that also fails its MAC).</summary>
        BadCrc = 2,
        /// <summary>The frame is longer than the device's receive buffer.</summary>
        Oversize = 3,
        /// <summary>The frame is shorter than its header, its stated payload, its MAC and CRC.</summary>
        Truncated = 4,
        UnsupportedVersion = 5,
        UnknownCommand = 6,
        /// <summary>The role may not send this command (a patient key cannot program).</summary>
        WrongRole = 7,
        /// <summary>The HMAC does not verify under the device's key for the role.</summary>
        BadMac = 8,
        /// <summary>The counter is not above the last accepted one for the role: a replayed or stale frame.</summary>
        Replay = 9,
        /// <summary>Too many authentication failures: authenticated commands are refused for a while.</summary>
        RateLimited = 10,
        /// <summary>The payload does not parse (the response names the field).</summary>
        BadPayload = 11,
        /// <summary>The counter is more than ProtocolEndpoint.MaxCounterAdvance above the last accepted one: the programmer was told a false counter.</summary>
        CounterAhead = 12,
    }

    /// <summary>nanoFramework's Enum.ToString() gives the number, so names are mapped here.</summary>
    public static class ProtocolStatusName
    {
        public static string Of(ProtocolStatus status)
        {
            switch (status)
            {
                case ProtocolStatus.Ok: return "ok";
                case ProtocolStatus.Malformed: return "malformed";
                case ProtocolStatus.BadCrc: return "bad-crc";
                case ProtocolStatus.Oversize: return "oversize";
                case ProtocolStatus.Truncated: return "truncated";
                case ProtocolStatus.UnsupportedVersion: return "unsupported-version";
                case ProtocolStatus.UnknownCommand: return "unknown-command";
                case ProtocolStatus.WrongRole: return "wrong-role";
                case ProtocolStatus.BadMac: return "bad-mac";
                case ProtocolStatus.Replay: return "replay";
                case ProtocolStatus.RateLimited: return "rate-limited";
                case ProtocolStatus.BadPayload: return "bad-payload";
                case ProtocolStatus.CounterAhead: return "counter-ahead";
                default: return "unknown";
            }
        }
    }
}
