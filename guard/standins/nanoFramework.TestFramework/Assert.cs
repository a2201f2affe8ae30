#nullable disable // nanoFramework's own sources are nullable-oblivious
#pragma warning disable CS0626, CS0824 // declarations only: extern members and constructors without an implementation
// Stand-in (declarations only) for nanoFramework.TestFramework 3.0.80: the assertions the shared unit tests
// (tests/unit) may use, with every AreEqual/AreNotEqual overload so that arguments bind as on the device.
// There is no Assert.Fail and no generic Assert.Throws<T>. Assert is a sealed (not static) class.
using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace nanoFramework.TestFramework
{
    public sealed partial class Assert
    {
        public static extern void AreEqual(bool expected, bool actual, [CallerArgumentExpression(nameof(actual))] string message = "");
        public static extern void AreEqual(byte expected, byte actual, [CallerArgumentExpression(nameof(actual))] string message = "");
        public static extern void AreEqual(char expected, char actual, [CallerArgumentExpression(nameof(actual))] string message = "");
        public static extern void AreEqual(DateTime expected, DateTime actual, [CallerArgumentExpression(nameof(actual))] string message = "");
        public static extern void AreEqual(double expected, double actual, [CallerArgumentExpression(nameof(actual))] string message = "");
        public static extern void AreEqual(float expected, float actual, [CallerArgumentExpression(nameof(actual))] string message = "");
        public static extern void AreEqual(int expected, int actual, [CallerArgumentExpression(nameof(actual))] string message = "");
        public static extern void AreEqual(long expected, long actual, [CallerArgumentExpression(nameof(actual))] string message = "");
        public static extern void AreEqual(object expected, object actual, [CallerArgumentExpression(nameof(actual))] string message = "");
        public static extern void AreEqual(sbyte expected, sbyte actual, [CallerArgumentExpression(nameof(actual))] string message = "");
        public static extern void AreEqual(short expected, short actual, [CallerArgumentExpression(nameof(actual))] string message = "");
        public static extern void AreEqual(string expected, string actual, [CallerArgumentExpression(nameof(actual))] string message = "");
        public static extern void AreEqual(uint expected, uint actual, [CallerArgumentExpression(nameof(actual))] string message = "");
        public static extern void AreEqual(ulong expected, ulong actual, [CallerArgumentExpression(nameof(actual))] string message = "");
        public static extern void AreEqual(ushort expected, ushort actual, [CallerArgumentExpression(nameof(actual))] string message = "");
        public static extern void AreNotEqual(bool notExpected, bool actual, [CallerArgumentExpression(nameof(actual))] string message = "");
        public static extern void AreNotEqual(byte notExpected, byte actual, [CallerArgumentExpression(nameof(actual))] string message = "");
        public static extern void AreNotEqual(char notExpected, char actual, [CallerArgumentExpression(nameof(actual))] string message = "");
        public static extern void AreNotEqual(DateTime notExpected, DateTime actual, [CallerArgumentExpression(nameof(actual))] string message = "");
        public static extern void AreNotEqual(double notExpected, double actual, [CallerArgumentExpression(nameof(actual))] string message = "");
        public static extern void AreNotEqual(float notExpected, float actual, [CallerArgumentExpression(nameof(actual))] string message = "");
        public static extern void AreNotEqual(long notExpected, long actual, [CallerArgumentExpression(nameof(actual))] string message = "");
        public static extern void AreNotEqual(int notExpected, int actual, [CallerArgumentExpression(nameof(actual))] string message = "");
        public static extern void AreNotEqual(object notExpected, object actual, [CallerArgumentExpression(nameof(actual))] string message = "");
        public static extern void AreNotEqual(sbyte notExpected, sbyte actual, [CallerArgumentExpression(nameof(actual))] string message = "");
        public static extern void AreNotEqual(short notExpected, short actual, [CallerArgumentExpression(nameof(actual))] string message = "");
        public static extern void AreNotEqual(string notExpected, string actual, [CallerArgumentExpression(nameof(actual))] string message = "");
        public static extern void AreNotEqual(uint notExpected, uint actual, [CallerArgumentExpression(nameof(actual))] string message = "");
        public static extern void AreNotEqual(ulong notExpected, ulong actual, [CallerArgumentExpression(nameof(actual))] string message = "");
        public static extern void AreNotEqual(ushort notExpected, ushort actual, [CallerArgumentExpression(nameof(actual))] string message = "");
        public static extern void AreNotSame(object notExpected, object actual, [CallerArgumentExpression(nameof(actual))] string message = "");
        public static extern void AreSame(object expected, object actual, [CallerArgumentExpression(nameof(actual))] string message = "");
        public static extern void IsFalse(bool condition, [CallerArgumentExpression(nameof(condition))] string message = "");
        public static extern void IsTrue(bool condition, [CallerArgumentExpression(nameof(condition))] string message = "");
        public static extern void IsNotNull([NotNull] object value, [CallerArgumentExpression(nameof(value))] string message = "");
        public static extern void IsNull(object value, [CallerArgumentExpression(nameof(value))] string message = "");
        [DoesNotReturn]
        public static extern void SkipTest(string message = null);
        public static extern void ThrowsException(Type exception, Action action, [CallerArgumentExpression(nameof(action))] string message = "");
    }

    public static class OutputHelper
    {
        public static extern void Write(string message);
        public static extern void WriteLine(string message);
    }
}
