// Time, bit conversion and the environment as nanoFramework's mscorlib declares them. System.Math
// (its own package, nanoFramework.System.Math) is not declared: nf.proj does not reference that
// package, so portable code must not use it (NanoFrameworkPackageTests keeps the two in step).
namespace System
{
    /// <summary>nanoFramework TimeSpan: the long/int factories only (no FromSeconds(double)).</summary>
    public struct TimeSpan
    {
        public const long TicksPerMillisecond = 10000;
        public const long TicksPerSecond = 10000000;
        public const long TicksPerMinute = 600000000;
        public const long TicksPerHour = 36000000000;
        public const long TicksPerDay = 864000000000;
        public static readonly TimeSpan Zero;
        public static readonly TimeSpan MaxValue;
        public static readonly TimeSpan MinValue;
        public extern TimeSpan(long ticks);
        public extern TimeSpan(int hours, int minutes, int seconds);
        public extern TimeSpan(int days, int hours, int minutes, int seconds);
        public extern TimeSpan(int days, int hours, int minutes, int seconds, int milliseconds);
        public extern long Ticks { get; }
        public extern int Days { get; }
        public extern int Hours { get; }
        public extern int Minutes { get; }
        public extern int Seconds { get; }
        public extern int Milliseconds { get; }
        public extern double TotalMilliseconds { get; }
        public extern double TotalSeconds { get; }
        public static extern TimeSpan FromTicks(long value);
        public static extern TimeSpan FromMilliseconds(long value);
        public static extern TimeSpan FromSeconds(long value);
        public static extern TimeSpan FromMinutes(long value);
        public static extern TimeSpan FromHours(long value);
        public static extern TimeSpan FromDays(long value);
        public static extern bool operator ==(TimeSpan t1, TimeSpan t2);
        public static extern bool operator !=(TimeSpan t1, TimeSpan t2);
        public static extern bool operator <(TimeSpan t1, TimeSpan t2);
        public static extern bool operator >(TimeSpan t1, TimeSpan t2);
        public static extern TimeSpan operator +(TimeSpan t1, TimeSpan t2);
        public static extern TimeSpan operator -(TimeSpan t1, TimeSpan t2);
        public override extern string ToString();
    }

    public enum DateTimeKind { Unspecified = 0, Utc = 1, Local = 2 }

    /// <summary>nanoFramework DateTime: UtcNow only (no Now). The dosing core never reads it.</summary>
    public struct DateTime
    {
        public static readonly DateTime MinValue;
        public static readonly DateTime MaxValue;
        public static readonly DateTime UnixEpoch;
        public extern DateTime(long ticks);
        public extern DateTime(int year, int month, int day);
        public extern DateTime(int year, int month, int day, int hour, int minute, int second);
        public extern DateTime(int year, int month, int day, int hour, int minute, int second, int millisecond);
        public static extern DateTime UtcNow { get; }
        public static extern DateTime Today { get; }
        public extern long Ticks { get; }
        public extern int Year { get; }
        public extern int Month { get; }
        public extern int Day { get; }
        public extern int Hour { get; }
        public extern int Minute { get; }
        public extern int Second { get; }
        public extern int Millisecond { get; }
        public extern DateTime AddMilliseconds(double value);
        public extern DateTime AddTicks(long value);
        public extern DateTime Add(TimeSpan val);
        public extern TimeSpan TimeOfDay { get; }
        public static extern TimeSpan operator -(DateTime d1, DateTime d2);
        public static extern DateTime operator +(DateTime d, TimeSpan t);
        public static extern bool operator ==(DateTime d1, DateTime d2);
        public static extern bool operator !=(DateTime d1, DateTime d2);
        public static extern bool operator <(DateTime t1, DateTime t2);
        public static extern bool operator >(DateTime t1, DateTime t2);
        public override extern string ToString();
        public extern string ToString(string format);
    }

    public static class BitConverter
    {
        public static readonly bool IsLittleEndian;
        public static extern byte[] GetBytes(int value);
        public static extern byte[] GetBytes(uint value);
        public static extern byte[] GetBytes(long value);
        public static extern byte[] GetBytes(ulong value);
        public static extern byte[] GetBytes(ushort value);
        public static extern int ToInt32(byte[] value, int startIndex);
        public static extern uint ToUInt32(byte[] value, int startIndex);
        public static extern long ToInt64(byte[] value, int startIndex);
        public static extern ulong ToUInt64(byte[] value, int startIndex);
        public static extern ushort ToUInt16(byte[] value, int startIndex);
        public static extern string ToString(byte[] value);
        public static extern string ToString(byte[] value, int startIndex, int length);
    }

    /// <summary>CoreLibrary 1.17: writes to the debugger's output (the wire protocol), not compiled out in Release as Debug.WriteLine is.</summary>
    public static class Console
    {
        public static extern void Write(string value);
        public static extern void WriteLine();
        public static extern void WriteLine(string value);
    }

    public static class Environment
    {
        /// <summary>nanoFramework.Runtime.Native: milliseconds since boot, 64-bit.</summary>
        public static extern long TickCount64 { get; }
        public static extern string NewLine { get; }
    }

    public class Random
    {
        public extern Random();
        public extern Random(int seed);
        public virtual extern int Next();
        public virtual extern int Next(int maxValue);
        public virtual extern double NextDouble();
        public virtual extern void NextBytes(byte[] buffer);
    }

    public static class GC
    {
        public static extern uint Run(bool compactHeap);
        public static extern void SuppressFinalize(object obj);
        public static extern void WaitForPendingFinalizers();
    }

    public static class Convert
    {
        public static extern int ToInt32(string value);
        public static extern long ToInt64(string value);
        public static extern string ToBase64String(byte[] inArray);
        public static extern byte[] FromBase64String(string inString);
    }
}
