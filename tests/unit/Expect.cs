using System;

namespace OpenIdds.Tests.Unit
{
    /// <summary>
    /// The exception assert both test frameworks can run: MSTest 4 has no ThrowsException(Type, Action)
    /// and nanoFramework has no generic Assert.Throws&lt;T&gt;, so this one is written out.
    /// </summary>
    public static class Expect
    {
        /// <summary>Runs <paramref name="action"/>, asserts it throws exactly <paramref name="expected"/>, and returns the message.</summary>
        public static string Throws(Type expected, Action action)
        {
            // nanoFramework.TestFramework has no Assert.Fail, so "nothing thrown" is an IsTrue on a flag.
            Exception? thrown = null;
            try
            {
                action();
            }
            catch (Exception e)
            {
                thrown = e;
            }
            Assert.IsTrue(thrown != null, "expected " + expected.FullName + " but nothing was thrown");
            Exception caught = thrown!;
            Assert.IsTrue(caught.GetType() == expected, "expected " + expected.FullName + " but got " + caught.GetType().FullName + ": " + caught.Message);
            return caught.Message;
        }

        /// <summary>Asserts that <paramref name="text"/> contains every one of <paramref name="parts"/> (field, value, limit...).</summary>
        public static void Mentions(string text, string[] parts)
        {
            for (int i = 0; i < parts.Length; i++)
            {
                Assert.IsTrue(text.IndexOf(parts[i]) >= 0, "'" + text + "' does not mention '" + parts[i] + "'");
            }
        }
    }
}
