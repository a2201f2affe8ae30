#nullable disable // nanoFramework's own sources are nullable-oblivious
#pragma warning disable CS0626, CS0824 // declarations only: extern members and constructors without an implementation
// Stand-in (declarations only) for nanoFramework.System.IO.Streams 1.1.96 (assembly System.IO.Streams).
// Stream is not in nanoFramework's mscorlib. Dispose() is not virtual; override Dispose(bool).
namespace System.IO
{
    [Serializable]
    public enum SeekOrigin
    {
        Begin = 0,
        Current = 1,
        End = 2,
    }

    public abstract class Stream : MarshalByRefObject, IDisposable
    {
        public abstract bool CanRead { get; }
        public abstract bool CanSeek { get; }
        public virtual extern bool CanTimeout { get; }
        public abstract bool CanWrite { get; }
        public abstract long Length { get; }
        public abstract long Position { get; set; }
        public virtual extern int ReadTimeout { get; set; }
        public virtual extern int WriteTimeout { get; set; }
        public virtual extern void Close();
        public extern void CopyTo(Stream destination);
        public extern void Dispose();
        protected virtual extern void Dispose(bool disposing);
        public abstract void Flush();
        public abstract long Seek(long offset, SeekOrigin origin);
        public abstract void SetLength(long value);
        public abstract int Read(SpanByte buffer);
        public abstract int Read(byte[] buffer, int offset, int count);
        public virtual extern int ReadByte();
        public abstract void Write(byte[] buffer, int offset, int count);
        public virtual extern void WriteByte(byte value);
    }
}
