namespace OpenIdds.Firmware.Protocol
{
    /// <summary>
    /// The frame layout, version 1 (docs/protocol.md draws it). On the wire every frame is COBS-stuffed
    /// and ended by one 0x00. Decoded, a request is
    ///   version, type 0, sequence (2), role, command, counter (4), payload length (2), payload, HMAC (32), CRC-16 (2)
    /// and a response is
    ///   version, type 1, sequence (2), role, command, counter (4), status, payload length (2), payload, HMAC (32), CRC-16 (2).
    /// The HMAC-SHA-256 covers everything before it under the role's key; a response echoes the
    /// request's sequence, command and counter, so its HMAC binds it to that one request. The CRC
    /// (CCITT-FALSE) covers everything before it: it catches line noise before any key is used.
    /// All integers little-endian.
    /// </summary>
    public static class Frame
    {
        public const int Version = 1;
        public const int RequestType = 0;
        public const int ResponseType = 1;

        public const int MacBytes = 32;
        public const int CrcBytes = 2;
        public const int RequestHeaderBytes = 12;
        public const int ResponseHeaderBytes = 13;

        /// <summary>The largest payload either side sends (a page of exported events fits).</summary>
        public const int MaxPayload = 1024;

        public const int MaxFrame = ResponseHeaderBytes + MaxPayload + MacBytes + CrcBytes;

        /// <summary>COBS adds one byte per 254 and one more; the receive buffer is this long.</summary>
        public const int MaxEncoded = MaxFrame + MaxFrame / 254 + 2;

        public const int MinRequest = RequestHeaderBytes + MacBytes + CrcBytes;
        public const int MinResponse = ResponseHeaderBytes + MacBytes + CrcBytes;

        public static void PutU16(byte[] b, int at, int value)
        {
            b[at] = (byte)(value & 0xFF);
            b[at + 1] = (byte)((value >> 8) & 0xFF);
        }

        public static void PutU32(byte[] b, int at, uint value)
        {
            for (int i = 0; i < 4; i++) b[at + i] = (byte)((value >> (8 * i)) & 0xFF);
        }

        public static int GetU16(byte[] b, int at) { return b[at] | (b[at + 1] << 8); }

        public static uint GetU32(byte[] b, int at)
        {
            uint v = 0;
            for (int i = 0; i < 4; i++) v |= (uint)b[at + i] << (8 * i);
            return v;
        }

        /// <summary>
        /// Finishes a frame whose header fields and payload are in place: writes the HMAC (zeros when
        /// <paramref name="mac"/> is null) and the CRC. Returns the frame length.
        /// </summary>
        public static int Seal(byte[] frame, int headerBytes, int payloadLength, HmacSha256? mac)
        {
            int macAt = headerBytes + payloadLength;
            PutU16(frame, headerBytes - 2, payloadLength);
            if (mac == null)
            {
                for (int i = 0; i < MacBytes; i++) frame[macAt + i] = 0;
            }
            else
            {
                mac.Append(frame, 0, macAt);
                mac.Finish(frame, macAt);
            }
            int crcAt = macAt + MacBytes;
            PutU16(frame, crcAt, Crc16.Compute(frame, 0, crcAt));
            return crcAt + CrcBytes;
        }

        /// <summary>Writes a request header at the start of <paramref name="frame"/> (the payload goes after it).</summary>
        public static void RequestHeader(byte[] frame, int sequence, Role role, int command, uint counter)
        {
            frame[0] = Version;
            frame[1] = RequestType;
            PutU16(frame, 2, sequence);
            frame[4] = (byte)role;
            frame[5] = (byte)command;
            PutU32(frame, 6, counter);
        }

        /// <summary>Writes a response header at the start of <paramref name="frame"/>.</summary>
        public static void ResponseHeader(byte[] frame, int sequence, int role, int command, uint counter, ProtocolStatus status)
        {
            frame[0] = Version;
            frame[1] = ResponseType;
            PutU16(frame, 2, sequence);
            frame[4] = (byte)role;
            frame[5] = (byte)command;
            PutU32(frame, 6, counter);
            frame[10] = (byte)status;
        }

        /// <summary>True if the CRC at the end of a decoded frame of <paramref name="length"/> bytes holds.</summary>
        public static bool CrcHolds(byte[] frame, int length)
        {
            if (length < CrcBytes) return false;
            return GetU16(frame, length - CrcBytes) == Crc16.Compute(frame, 0, length - CrcBytes);
        }

        /// <summary>True if the HMAC at <paramref name="macAt"/> verifies under <paramref name="mac"/>; <paramref name="scratch"/> holds the computed tag.</summary>
        public static bool MacHolds(byte[] frame, int macAt, HmacSha256 mac, byte[] scratch)
        {
            mac.Append(frame, 0, macAt);
            mac.Finish(scratch, 0);
            return HmacSha256.TagsEqual(frame, macAt, scratch, 0, MacBytes);
        }
    }
}
