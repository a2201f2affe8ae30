// nanoFramework string: no Replace, Join, IsNullOrWhiteSpace or StringComparison overloads.
namespace System
{
    public sealed class String : IComparable, Collections.IEnumerable
    {
        public static readonly string Empty = "";
        public extern String(char[] value);
        public extern String(char[] value, int startIndex, int length);
        public extern String(char c, int count);
        public extern int Length { get; }
        [Runtime.CompilerServices.IndexerName("Chars")]
        public extern char this[int index] { get; }
        public static extern bool operator ==(string a, string b);
        public static extern bool operator !=(string a, string b);
        public static extern bool Equals(string a, string b);
        public override extern bool Equals(object obj);
        public override extern int GetHashCode();
        public override extern string ToString();
        public extern int CompareTo(object value);
        public static extern int Compare(string strA, string strB);
        public extern char[] ToCharArray();
        public extern char[] ToCharArray(int startIndex, int length);
        public extern string[] Split(params char[] separator);
        public extern string[] Split(char[] separator, int count);
        public extern string Substring(int startIndex);
        public extern string Substring(int startIndex, int length);
        public extern string Trim();
        public extern string Trim(params char[] trimChars);
        public extern string TrimStart(params char[] trimChars);
        public extern string TrimEnd(params char[] trimChars);
        public extern int IndexOf(char value);
        public extern int IndexOf(char value, int startIndex);
        public extern int IndexOf(string value);
        public extern int IndexOf(string value, int startIndex);
        public extern int IndexOfAny(char[] anyOf);
        public extern int LastIndexOf(char value);
        public extern int LastIndexOf(string value);
        public extern bool Contains(string value);
        public extern bool StartsWith(string value);
        public extern bool EndsWith(string value);
        public extern string ToLower();
        public extern string ToUpper();
        public extern string PadLeft(int totalWidth);
        public extern string PadLeft(int totalWidth, char paddingChar);
        public extern string PadRight(int totalWidth);
        public extern string PadRight(int totalWidth, char paddingChar);
        public static extern bool IsNullOrEmpty(string value);
        public static extern string Concat(object arg0);
        public static extern string Concat(object arg0, object arg1);
        public static extern string Concat(object arg0, object arg1, object arg2);
        public static extern string Concat(params object[] args);
        public static extern string Concat(string str0, string str1);
        public static extern string Concat(string str0, string str1, string str2);
        public static extern string Concat(string str0, string str1, string str2, string str3);
        public static extern string Concat(params string[] values);
        public static extern string Format(string format, params object[] args);
        public extern Collections.IEnumerator GetEnumerator();
    }
}
