using System.Text;
using System.Threading;
using OpenIdds.Bench.Balance;
using OpenIdds.Simulator.Device;

namespace OpenIdds.Tests.Host.Bench;

/// <summary>The serial transport on a real pseudo-terminal: what it keeps and what it must drop.</summary>
[TestClass]
public class SerialTransportTests
{
    private static void Write(PseudoTerminalLink pty, string text)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(text);
        pty.Write(bytes, 0, bytes.Length);
    }

    private static string ReadCommand(PseudoTerminalLink pty)
    {
        var text = new StringBuilder();
        var one = new byte[1];
        while (!text.ToString().EndsWith("\r\n", StringComparison.Ordinal))
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (pty.Read(one, 0, 1) == 0)
            {
                Assert.IsTrue(waited.ElapsedMilliseconds < 2_000, "the transport sent nothing");
                Thread.Sleep(1);
            }
            text.Append((char)one[0]);
        }
        return text.ToString().TrimEnd();
    }

    [TestMethod]
    [Timeout(20_000)]
    public void A_reconnect_drops_queued_lines_and_the_partial_line_of_the_old_connection()
    {
        if (!OperatingSystem.IsLinux()) Assert.Inconclusive("pseudo-terminals from libc openpty: Linux");
        using var pty = new PseudoTerminalLink();
        using var transport = new SerialBalanceTransport(new SerialSettings(pty.SlavePath));
        transport.Open();
        // Two whole lines and the head of a third arrive at once; the first is read.
        Write(pty, "S S    1.00000 g\r\nS S    2.00000 g\r\nS S    3.0");
        Thread.Sleep(100);
        Assert.AreEqual("S S    1.00000 g", transport.ReceiveLine(TimeSpan.FromSeconds(2)));

        transport.Close();
        transport.Open();
        Write(pty, "S S    4.00000 g\r\n");
        Assert.AreEqual("S S    4.00000 g", transport.ReceiveLine(TimeSpan.FromSeconds(2)),
            "neither the queued '2.00000' line nor '3.0' glued to the new line");
    }

    [TestMethod]
    [Timeout(20_000)]
    public void A_reply_that_came_after_its_timeout_is_not_taken_as_the_answer_to_the_next_request()
    {
        if (!OperatingSystem.IsLinux()) Assert.Inconclusive("pseudo-terminals from libc openpty: Linux");
        using var pty = new PseudoTerminalLink();
        using var transport = new SerialBalanceTransport(new SerialSettings(pty.SlavePath));
        transport.Open();
        var device = new BalanceDevice(transport, BalanceProtocol.MtSics);
        // The answer to a request that timed out arrives late, unasked.
        Write(pty, "S S    1.00000 g\r\n");
        Thread.Sleep(100);
        var balance = new Thread(() =>
        {
            ReadCommand(pty);
            Write(pty, "S S    2.00000 g\r\n");
        });
        balance.Start();
        Assert.AreEqual(2000.0, device.ReadWeight().Milligrams, 1e-9, "the fresh reply, not the stale one");
        balance.Join();
    }

    [TestMethod]
    [Timeout(20_000)]
    public void A_missing_port_fails_to_open_with_the_reason_not_access_denied()
    {
        using var transport = new SerialBalanceTransport(new SerialSettings("/dev/openidds-no-such-balance"));
        var e = Assert.ThrowsExactly<IOException>(() => transport.Open());
        StringAssert.Contains(e.Message, "/dev/openidds-no-such-balance");
        StringAssert.Contains(e.Message, "No such file or directory");
    }
}
