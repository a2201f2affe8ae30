#nullable disable // nanoFramework's own sources are nullable-oblivious
#pragma warning disable CS0626, CS0824 // declarations only: extern members and constructors without an implementation
// Stand-in (declarations only) for nanoFramework.System.IO.FileSystem 1.1.87: the members of File the
// portable code uses.
namespace System.IO
{
    public static class File
    {
        public static extern void Delete(string path);
        public static extern bool Exists(string path);
    }
}
