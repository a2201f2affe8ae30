// nanoFramework mscorlib (CoreLibrary 1.17): the primitive and runtime types the compiler needs.
// Members are extern: this assembly is compiled, never executed.
namespace System
{
    public class Object
    {
        public Object() { }
        public virtual bool Equals(object obj) => false;
        public virtual int GetHashCode() => 0;
        public virtual string ToString() => null;
        public extern Type GetType();
        public static bool Equals(object objA, object objB) => false;
        public static bool ReferenceEquals(object objA, object objB) => false;
        protected extern object MemberwiseClone();
        ~Object() { }
    }

    public abstract class ValueType { }

    /// <summary>nanoFramework enums carry values only: <c>ToString()</c> gives the number, and
    /// <c>Parse</c>, <c>GetValues</c>, <c>IsDefined</c> do not exist.</summary>
    public abstract class Enum : ValueType
    {
        [Obsolete("nanoFramework: Enum.ToString() returns the number, not the name; map names with a switch", true)]
        public new string ToString() => null;
    }

    public struct Void { }
    public struct Boolean { public override extern string ToString(); }
    public struct Char { public override extern string ToString(); public static extern bool IsDigit(char c); public static extern bool IsLetter(char c); public static extern bool IsWhiteSpace(char c); }
    public struct SByte { public override extern string ToString(); }
    public struct Byte { public const byte MaxValue = 255; public const byte MinValue = 0; public override extern string ToString(); public extern string ToString(string format); public static extern byte Parse(string s); }
    public struct Int16 { public const short MaxValue = 32767; public const short MinValue = -32768; public override extern string ToString(); }
    public struct UInt16 { public const ushort MaxValue = 65535; public const ushort MinValue = 0; public override extern string ToString(); public extern string ToString(string format); }
    public struct Int32
    {
        public const int MaxValue = 2147483647; public const int MinValue = -2147483648;
        public override extern string ToString(); public extern string ToString(string format);
        public static extern int Parse(string s); public static extern bool TryParse(string s, out int result);
    }
    public struct UInt32
    {
        public const uint MaxValue = 4294967295; public const uint MinValue = 0;
        public override extern string ToString(); public extern string ToString(string format);
        public static extern uint Parse(string s); public static extern bool TryParse(string s, out uint result);
    }
    public struct Int64
    {
        public const long MaxValue = 9223372036854775807; public const long MinValue = -9223372036854775808;
        public override extern string ToString(); public extern string ToString(string format);
        public static extern long Parse(string s); public static extern bool TryParse(string s, out long result);
    }
    public struct UInt64
    {
        public const ulong MaxValue = 18446744073709551615; public const ulong MinValue = 0;
        public override extern string ToString(); public extern string ToString(string format);
        public static extern ulong Parse(string s);
    }
    public struct Single { public override extern string ToString(); public extern string ToString(string format); }
    public struct Double
    {
        public const double MaxValue = 1.7976931348623157E+308; public const double MinValue = -1.7976931348623157E+308;
        public const double NaN = 0.0 / 0.0;
        public override extern string ToString(); public extern string ToString(string format);
        public static extern double Parse(string s); public static extern bool TryParse(string s, out double result);
        public static extern bool IsNaN(double d);
    }
    public struct IntPtr { }
    public struct UIntPtr { }
    public struct RuntimeTypeHandle { }
    public struct RuntimeFieldHandle { }
    public struct RuntimeMethodHandle { }

    public abstract class Type
    {
        public abstract string Name { get; }
        public abstract string FullName { get; }
        public static extern Type GetTypeFromHandle(RuntimeTypeHandle handle);
        public extern bool IsInstanceOfType(object o);
    }

    public abstract class Array : ICloneable, Collections.IList
    {
        public extern int Length { get; }
        public extern int Rank { get; }
        public static extern void Copy(Array sourceArray, Array destinationArray, int length);
        public static extern void Copy(Array sourceArray, int sourceIndex, Array destinationArray, int destinationIndex, int length);
        public static extern void Clear(Array array, int index, int length);
        public static extern int IndexOf(Array array, object value);
        public extern object Clone();
        public extern Collections.IEnumerator GetEnumerator();
        public extern object this[int index] { get; set; }
        public extern int Count { get; }
        public extern bool IsReadOnly { get; }
        public extern bool IsFixedSize { get; }
        public extern bool IsSynchronized { get; }
        public extern object SyncRoot { get; }
        public extern int Add(object value);
        public extern void Clear();
        public extern bool Contains(object value);
        public extern int IndexOf(object value);
        public extern void Insert(int index, object value);
        public extern void Remove(object value);
        public extern void RemoveAt(int index);
        public extern void CopyTo(Array array, int index);
    }

    public abstract class Delegate
    {
        public static extern Delegate Combine(Delegate a, Delegate b);
        public static extern Delegate Remove(Delegate source, Delegate value);
        public extern object Target { get; }
        public static extern bool operator ==(Delegate d1, Delegate d2);
        public static extern bool operator !=(Delegate d1, Delegate d2);
    }
    public abstract class MulticastDelegate : Delegate
    {
        public static extern bool operator ==(MulticastDelegate d1, MulticastDelegate d2);
        public static extern bool operator !=(MulticastDelegate d1, MulticastDelegate d2);
    }

    public delegate void Action();
    public delegate void AsyncCallback(IAsyncResult ar);
    public interface IAsyncResult { }
    public class EventArgs { public static readonly EventArgs Empty = new EventArgs(); }
    public delegate void EventHandler(object sender, EventArgs e);

    public interface IDisposable { void Dispose(); }
    public interface ICloneable { object Clone(); }
    public interface IComparable { int CompareTo(object obj); }
    public interface IFormatProvider { object GetFormat(Type formatType); }

    public abstract class Attribute { protected Attribute() { } }

    [Flags]
    public enum AttributeTargets
    {
        Assembly = 1, Module = 2, Class = 4, Struct = 8, Enum = 16, Constructor = 32, Method = 64, Property = 128,
        Field = 256, Event = 512, Interface = 1024, Parameter = 2048, Delegate = 4096, ReturnValue = 8192,
        GenericParameter = 16384, All = 32767,
    }

    [AttributeUsage(AttributeTargets.Class, Inherited = true)]
    public sealed class AttributeUsageAttribute : Attribute
    {
        public AttributeUsageAttribute(AttributeTargets validOn) { }
        public bool AllowMultiple { get; set; }
        public bool Inherited { get; set; }
        public AttributeTargets ValidOn => AttributeTargets.All;
    }
    [AttributeUsage(AttributeTargets.Parameter)] public sealed class ParamArrayAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.Enum)] public class FlagsAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.All)] public sealed class CLSCompliantAttribute : Attribute { public CLSCompliantAttribute(bool isCompliant) { } }
    [AttributeUsage(AttributeTargets.Field)] public class NonSerializedAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Enum | AttributeTargets.Delegate)] public sealed class SerializableAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.Field)] public class ThreadStaticAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.All, Inherited = false)]
    public sealed class ObsoleteAttribute : Attribute
    {
        public ObsoleteAttribute() { }
        public ObsoleteAttribute(string message) { }
        public ObsoleteAttribute(string message, bool error) { }
        public string Message => null;
        public bool IsError => false;
    }
}
