// Compiler support types nanoFramework's mscorlib declares.
namespace System.Runtime.CompilerServices
{
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method | AttributeTargets.Assembly)]
    public sealed class ExtensionAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.All, Inherited = true)]
    public sealed class CompilerGeneratedAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class IndexerNameAttribute : Attribute { public IndexerNameAttribute(string indexerName) { } }
    [AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
    public sealed class InternalsVisibleToAttribute : Attribute { public InternalsVisibleToAttribute(string assemblyName) { } }
    [AttributeUsage(AttributeTargets.Constructor | AttributeTargets.Method)]
    public sealed class MethodImplAttribute : Attribute { public MethodImplAttribute(MethodImplOptions methodImplOptions) { } }
    [Flags] public enum MethodImplOptions { Unmanaged = 4, NoInlining = 8, ForwardRef = 16, Synchronized = 32, NoOptimization = 64, PreserveSig = 128, InternalCall = 4096 }
    public static class RuntimeHelpers
    {
        public static extern void InitializeArray(Array array, RuntimeFieldHandle fldHandle);
        public static extern object GetObjectValue(object obj);
        public static extern int OffsetToStringData { get; }
    }
    public static class IsVolatile { }
}

namespace System.Reflection
{
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface)]
    public sealed class DefaultMemberAttribute : Attribute { public DefaultMemberAttribute(string memberName) { } public string MemberName => null; }
    [AttributeUsage(AttributeTargets.Assembly)] public sealed class AssemblyTitleAttribute : Attribute { public AssemblyTitleAttribute(string title) { } }
    [AttributeUsage(AttributeTargets.Assembly)] public sealed class AssemblyVersionAttribute : Attribute { public AssemblyVersionAttribute(string version) { } }
}

namespace System.Diagnostics
{
    /// <summary>Compiled out in Release on nanoFramework.</summary>
    public static class Debug
    {
        [Conditional("DEBUG")] public static extern void WriteLine(string message);
        [Conditional("DEBUG")] public static extern void Assert(bool condition);
        [Conditional("DEBUG")] public static extern void Assert(bool condition, string message);
    }
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
    public sealed class ConditionalAttribute : Attribute { public ConditionalAttribute(string conditionString) { } }
    [AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Module)]
    public sealed class DebuggableAttribute : Attribute { public DebuggableAttribute(DebuggingModes modes) { } [Flags] public enum DebuggingModes { None = 0, Default = 1, IgnoreSymbolStoreSequencePoints = 2, EnableEditAndContinue = 4, DisableOptimizations = 256 } }
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Constructor | AttributeTargets.Method | AttributeTargets.Property)]
    public sealed class DebuggerStepThroughAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class DebuggerBrowsableAttribute : Attribute { public DebuggerBrowsableAttribute(DebuggerBrowsableState state) { } }
    public enum DebuggerBrowsableState { Never = 0, Collapsed = 2, RootHidden = 3 }

}

namespace System.Text
{
    /// <summary>nanoFramework.System.Text package.</summary>
    public sealed class StringBuilder
    {
        public extern StringBuilder();
        public extern StringBuilder(int capacity);
        public extern StringBuilder(string value);
        public extern int Length { get; set; }
        public extern StringBuilder Append(string value);
        public extern StringBuilder Append(char value);
        public extern StringBuilder Append(int value);
        public extern StringBuilder Append(long value);
        public extern StringBuilder Append(uint value);
        public extern StringBuilder Append(ulong value);
        public extern StringBuilder Append(bool value);
        public extern StringBuilder Append(object value);
        public extern StringBuilder AppendLine();
        public extern StringBuilder AppendLine(string value);
        public extern StringBuilder Clear();
        public override extern string ToString();
    }
    public abstract class Encoding
    {
        public static extern Encoding UTF8 { get; }
        public virtual extern byte[] GetBytes(string s);
        public virtual extern int GetBytes(string s, int charIndex, int charCount, byte[] bytes, int byteIndex);
        public virtual extern string GetString(byte[] bytes, int index, int count);
        public virtual extern char[] GetChars(byte[] bytes);
    }
}

namespace System.Threading
{
    public delegate void ThreadStart();
    public delegate void TimerCallback(object state);
    public sealed class Thread
    {
        public extern Thread(ThreadStart start);
        public extern void Start();
        public extern void Abort();
        public extern bool IsAlive { get; }
        public extern ThreadPriority Priority { get; set; }
        public static extern void Sleep(int millisecondsTimeout);
        public static extern void Sleep(TimeSpan timeout);
        public static extern Thread CurrentThread { get; }
    }
    public enum ThreadPriority { Lowest = 0, BelowNormal = 1, Normal = 2, AboveNormal = 3, Highest = 4 }
    public static class Timeout { public const int Infinite = -1; }
    public sealed class Timer : IDisposable
    {
        public extern Timer(TimerCallback callback, object state, int dueTime, int period);
        public extern Timer(TimerCallback callback, object state, TimeSpan dueTime, TimeSpan period);
        public extern bool Change(int dueTime, int period);
        public extern void Dispose();
    }
    public static class Monitor
    {
        public static extern void Enter(object obj);
        public static extern void Exit(object obj);
    }
    /// <summary>nanoFramework Interlocked: int only (no long overloads).</summary>
    public static class Interlocked
    {
        public static extern int Increment(ref int location);
        public static extern int Decrement(ref int location);
        public static extern int Exchange(ref int location1, int value);
        public static extern int CompareExchange(ref int location1, int value, int comparand);
    }
    public abstract class WaitHandle
    {
        public virtual extern bool WaitOne();
        public virtual extern bool WaitOne(int millisecondsTimeout, bool exitContext);
    }
    public sealed class AutoResetEvent : WaitHandle { public extern AutoResetEvent(bool initialState); public extern bool Set(); public extern bool Reset(); }
    public sealed class ManualResetEvent : WaitHandle { public extern ManualResetEvent(bool initialState); public extern bool Set(); public extern bool Reset(); }
}
