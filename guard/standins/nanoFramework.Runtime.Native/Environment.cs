#nullable disable // nanoFramework's own sources are nullable-oblivious
#pragma warning disable CS0626, CS0824 // declarations only: extern members and constructors without an implementation
// Stand-in (declarations only) for nanoFramework.Runtime.Native 1.7.11. System.Environment lives in this
// package, not in mscorlib, and has only TickCount64 (no NewLine, no ProcessorCount).
namespace System
{
    public static partial class Environment
    {
        public static extern long TickCount64 { get; }
    }
}
