using OpenIdds.Bench.Balance;

namespace OpenIdds.Tests.Host.Bench;

/// <summary>The balance layer against scripted transcripts of MT-SICS and SBI lines, including error replies.</summary>
[TestClass]
public class BalanceTests
{
    [TestMethod]
    [DataRow("S S     100.00012 g", ReplyKind.Stable, 100000.12)]
    [DataRow("S D      12.34500 g", ReplyKind.Dynamic, 12345.0)]
    [DataRow("S S   1.5 mg", ReplyKind.Stable, 1.5)]
    [DataRow("S I", ReplyKind.NotExecutable, 0.0)]
    [DataRow("S +", ReplyKind.Overload, 0.0)]
    [DataRow("S -", ReplyKind.Underload, 0.0)]
    [DataRow("ES", ReplyKind.SyntaxError, 0.0)]
    [DataRow("ET", ReplyKind.TransmissionError, 0.0)]
    [DataRow("EL", ReplyKind.LogicalError, 0.0)]
    [DataRow("S S 12,3 g", ReplyKind.Unreadable, 0.0)]
    public void Mt_sics_lines_parse_by_whitespace(string line, ReplyKind kind, double milligrams)
    {
        var reply = MtSicsParser.Parse(line);
        Assert.AreEqual(kind, reply.Kind);
        Assert.AreEqual(milligrams, reply.Milligrams, 1e-6);
    }

    [TestMethod]
    [DataRow("+     12.3456 g  ", ReplyKind.Stable, 12345.6)]
    [DataRow("N    +   100.0002 g  ", ReplyKind.Stable, 100000.2)]
    [DataRow("-      0.0012 g  ", ReplyKind.Stable, -1.2)]
    [DataRow("+     12.3456    ", ReplyKind.Dynamic, 12345.6)]
    [DataRow("      High      ", ReplyKind.Overload, 0.0)]
    [DataRow("      Low       ", ReplyKind.Underload, 0.0)]
    [DataRow("Err 101         ", ReplyKind.LogicalError, 0.0)]
    public void Sbi_lines_parse_with_a_blank_unit_meaning_unstable(string line, ReplyKind kind, double milligrams)
    {
        var reply = SbiParser.Parse(line);
        Assert.AreEqual(kind, reply.Kind);
        Assert.AreEqual(milligrams, reply.Milligrams, 1e-6);
    }

    [TestMethod]
    public void Framing_keeps_a_partial_line_until_its_end_arrives()
    {
        var framing = new LineFraming();
        var first = framing.Push("S S 1.0 g\r\nS S 2"u8.ToArray(), 16).ToList();
        var second = framing.Push(".0 g\r\n"u8.ToArray(), 6).ToList();
        CollectionAssert.AreEqual(new[] { "S S 1.0 g" }, first);
        CollectionAssert.AreEqual(new[] { "S S 2.0 g" }, second);
    }

    /// <summary>A transport that plays a transcript: each entry is a reply line, null for silence, or "!" for a pulled cable.</summary>
    private sealed class ScriptedTransport(params string?[] replies) : IBalanceTransport
    {
        private int _next;
        public List<string> Sent { get; } = new();
        public int Reconnects { get; private set; }
        public void Send(string command) => Sent.Add(command);
        public string? ReceiveLine(TimeSpan timeout)
        {
            string? reply = _next < replies.Length ? replies[_next++] : "S S 0 g";
            if (reply == "!") throw new IOException("the cable was pulled");
            return reply;
        }
        public void Reconnect() => Reconnects++;
        public void Dispose() { }
    }

    [TestMethod]
    public void The_recorder_writes_every_reading_marks_gaps_and_reconnects_after_a_pulled_cable()
    {
        var transport = new ScriptedTransport("S S 1.00000 g", "S D 1.00050 g", "S +", "ES", null, "!", "S S 1.00300 g");
        var csv = new StringWriter();
        long now = 0;
        var recorder = new Recorder(new BalanceDevice(transport, BalanceProtocol.MtSics), transport, csv, () => now, ms => now += ms);
        recorder.Run(intervalMilliseconds: 30_000, durationMilliseconds: 180_000);
        string[] lines = csv.ToString().Trim().Split('\n').Select(l => l.Trim()).ToArray();
        CollectionAssert.AreEqual(new[]
        {
            "time_ms,mass_mg,gap",
            "0,1000.00000,0",
            "30000,1000.50000,0",      // dynamic: read at its time all the same
            "60000,0.00000,1",         // overload
            "90000,0.00000,1",         // syntax error reply
            "120000,0.00000,1",        // no reply
            "150000,0.00000,1",        // cable pulled
            "180000,1003.00000,0",     // after the reconnect
        }, lines);
        Assert.AreEqual(2, transport.Reconnects, "a silent balance and a pulled cable are each reconnected");
        Assert.IsTrue(transport.Sent.All(c => c == "SI"));
    }
}
