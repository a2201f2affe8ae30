#nullable disable // nanoFramework's own sources are nullable-oblivious
#pragma warning disable CS0626, CS0824 // declarations only: extern members and constructors without an implementation
// Stand-in (declarations only) for nanoFramework.System.IO.FileSystem 1.1.87: a file on a drive
// (I:\ internal flash, D:\ SD card). Stream comes from System.IO.Streams.
namespace System.IO
{
    public class FileStream : Stream
    {
        public extern FileStream(string path, FileMode mode);
        public extern FileStream(string path, FileMode mode, FileAccess access);
        public extern FileStream(string path, FileMode mode, FileAccess access, FileShare share);
        public extern FileStream(string path, FileMode mode, FileAccess access, FileShare share, int bufferSize);
        public override extern bool CanRead { get; }
        public override extern bool CanSeek { get; }
        public override extern bool CanWrite { get; }
        public override extern long Length { get; }
        public override extern long Position { get; set; }
        public extern string Name { get; }
        public override extern void Close();
        protected override extern void Dispose(bool disposing);
        public override extern void Flush();
        public override extern int Read(byte[] buffer, int offset, int count);
        public override extern int Read(SpanByte buffer);
        public override extern int ReadByte();
        public override extern long Seek(long offset, SeekOrigin origin);
        public override extern void SetLength(long value);
        public override extern void Write(byte[] buffer, int offset, int count);
        public override extern void WriteByte(byte value);
    }
}
