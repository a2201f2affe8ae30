namespace OpenIdds.Firmware.Protocol
{
    /// <summary>
    /// Consistent Overhead Byte Stuffing: a frame is encoded without zero bytes and ended with one 0x00,
    /// so a receiver that joins the line mid-stream finds the next frame boundary at the next zero, and a
    /// frame costs at most one byte per 254 of overhead.
    /// </summary>
    public static class Cobs
    {
        /// <summary>Encodes <paramref name="count"/> bytes into <paramref name="output"/> (no delimiter); returns the length, or -1 if it does not fit.</summary>
        public static int Encode(byte[] input, int offset, int count, byte[] output)
        {
            int code = 1, codeIndex = 0, o = 1;
            for (int i = offset; i < offset + count; i++)
            {
                if (o >= output.Length) return -1;
                if (input[i] == 0)
                {
                    output[codeIndex] = (byte)code;
                    code = 1;
                    codeIndex = o++;
                }
                else
                {
                    output[o++] = input[i];
                    if (++code == 0xFF)
                    {
                        output[codeIndex] = (byte)code;
                        code = 1;
                        if (o >= output.Length) return -1;
                        codeIndex = o++;
                    }
                }
            }
            output[codeIndex] = (byte)code;
            return o;
        }

        /// <summary>Decodes a frame (without its delimiter) into <paramref name="output"/>; returns the length, or -1 if it is malformed or too long.</summary>
        public static int Decode(byte[] input, int count, byte[] output)
        {
            int i = 0, o = 0;
            while (i < count)
            {
                int code = input[i++];
                if (code == 0) return -1;
                for (int j = 1; j < code; j++)
                {
                    if (i >= count || o >= output.Length || input[i] == 0) return -1;
                    output[o++] = input[i++];
                }
                if (code < 0xFF && i < count)
                {
                    if (o >= output.Length) return -1;
                    output[o++] = 0;
                }
            }
            return o;
        }
    }
}
