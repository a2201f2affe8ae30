#nullable disable // nanoFramework's own sources are nullable-oblivious
#pragma warning disable CS0626, CS0824 // declarations only: extern members and constructors without an implementation
// Stand-in (declarations only) for nanoFramework.System.Text 1.3.42 (assembly nanoFramework.System.Text).
// StringBuilder is not in nanoFramework's mscorlib. The whole public surface, so that overloads bind as
// on the device (there is no Append(decimal), AppendFormat or AppendJoin).
namespace System.Text
{
    public sealed class StringBuilder
    {
        public extern StringBuilder(string value, int startIndex, int length, int capacity);
        public extern StringBuilder(string value, int capacity);
        public extern StringBuilder(int capacity, int maxCapacity);
        public extern StringBuilder(int capacity);
        public extern StringBuilder(string value);
        public extern StringBuilder();
        public extern int MaxCapacity { get; }
        public extern char this[int index] { get; set; }
        public extern int Capacity { get; set; }
        public extern int Length { get; set; }
        public extern StringBuilder Append(bool value);
        public extern StringBuilder Append(byte value);
        public extern StringBuilder Append(char value);
        public extern StringBuilder Append(double value);
        public extern StringBuilder Append(short value);
        public extern StringBuilder Append(char[] value);
        public extern StringBuilder Append(int value);
        public extern StringBuilder Append(long value);
        public extern StringBuilder Append(object value);
        public extern StringBuilder Append(string value);
        public extern StringBuilder Append(sbyte value);
        public extern StringBuilder Append(float value);
        public extern StringBuilder Append(ushort value);
        public extern StringBuilder Append(uint value);
        public extern StringBuilder Append(ulong value);
        public extern StringBuilder Append(string value, int startIndex, int count);
        public extern StringBuilder Append(char[] value, int startIndex, int charCount);
        public extern StringBuilder Append(char value, int repeatCount);
        public extern StringBuilder Remove(int startIndex, int length);
        public extern StringBuilder Insert(int index, string value, int count);
        public extern StringBuilder Insert(int index, char[] value, int startIndex, int charCount);
        public extern StringBuilder Replace(char oldChar, char newChar);
        public extern StringBuilder Replace(char oldChar, char newChar, int startIndex, int count);
        public extern StringBuilder Replace(string oldValue, string newValue, int startIndex, int count);
        public extern StringBuilder Replace(string oldValue, string newValue);
        public extern StringBuilder Clear();
        public override extern string ToString();
        public extern string ToString(int startIndex, int length);
        public extern StringBuilder AppendLine(string str);
        public extern StringBuilder AppendLine();
    }
}
