#nullable disable // nanoFramework's own sources are nullable-oblivious
#pragma warning disable CS0626, CS0824 // declarations only: extern members and constructors without an implementation
// Stand-in (declarations only) for nanoFramework.System.Text 1.3.42 (assembly nanoFramework.System.Text).
// UTF-8 is the only encoding nanoFramework has.
namespace System.Text
{
    public abstract class Encoding
    {
        public virtual extern byte[] GetBytes(string s);
        public virtual extern int GetBytes(string s, int charIndex, int charCount, byte[] bytes, int byteIndex);
        public virtual extern char[] GetChars(byte[] bytes);
        public virtual extern char[] GetChars(byte[] bytes, int byteIndex, int byteCount);
        public virtual extern string GetString(byte[] bytes, int index, int count);
        public abstract Decoder GetDecoder();
        public static extern Encoding UTF8 { get; }
    }

    public abstract class Decoder
    {
        public abstract void Convert(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex, int charCount, bool flush, out int bytesUsed, out int charsUsed, out bool completed);
    }
}
