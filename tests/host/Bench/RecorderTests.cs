using OpenIdds.Bench.Balance;

namespace OpenIdds.Tests.Host.Bench;

/// <summary>The recorder on scripted transcripts and a fake clock: what reaches the CSV, when, and how the link is brought back.</summary>
[TestClass]
public class RecorderTests
{
    private static string[] Lines(StringWriter csv) => csv.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    [TestMethod]
    public void Every_reading_is_written_with_its_stability_and_measured_time_and_every_loss_is_a_gap_row()
    {
        var clock = new FakeBenchClock();
        var transport = new ScriptedTransport(clock,
            "S S    1.00000 g\r\n", "S D    1.00050 g\r\n", "S +\r\n", "ES\r\n", ScriptedTransport.Late("S S    1.00200 g\r\n", 35_000), ScriptedTransport.Pulled, "S S    1.00300 g\r\n");
        var recorder = new Recorder(new BalanceDevice(transport, BalanceProtocol.MtSics), transport, clock);
        var csv = new StringWriter();
        recorder.Connect(timeoutMilliseconds: 0);
        recorder.Record(csv, intervalMilliseconds: 30_000, durationMilliseconds: 210_000);
        CollectionAssert.AreEqual(new[]
        {
            "time_ms,mass_mg,gap,stable,measured_ms,note",
            "0,1000.00000,0,1,20,",
            "30000,1000.50000,0,0,30020,",          // dynamic: kept at its time, marked unstable
            "60000,,1,,60020,overload 'S +'",       // the reason, and what the balance sent
            "90000,,1,,90020,syntax-error 'ES'",
            "120000,,1,,122000,no-reply",           // silence: the 2 s reply timeout passed
            "150000,,1,,180000,late 'S S    1.00200 g'",  // nothing asked: the 120 000 ms reply, heard at 155 000 ms
            "180000,,1,,180000,disconnected",       // cable pulled
            "210000,1003.00000,0,1,210020,",        // after the reconnect
        }, Lines(csv));
        Assert.AreEqual(3, transport.Opens, "opened at the start, reopened after the silence and after the pulled cable");
        Assert.AreEqual((3, 1, 5, 2), (recorder.Readings, recorder.Unstable, recorder.Gaps, recorder.Reconnects));
        Assert.IsTrue(transport.Sent.All(c => c == "SI"), "MT-SICS is asked for the immediate weight, stable or not");
        Assert.HasCount(7, transport.Sent, "eight ticks; nothing is sent at the one after the silence");
    }

    [TestMethod]
    public void A_balance_answering_6_s_late_at_a_5_s_interval_gives_late_gaps_never_a_reading_of_the_wrong_request()
    {
        var clock = new FakeBenchClock();
        // The first reply is prompt; every later one carries the mass at its own request and arrives
        // 6 s after it, after the next tick.
        var replies = new[] { "S S    1.00000 g\r\n" }.Concat(Enumerable.Range(1, 6).Select(i => ScriptedTransport.Late($"S S {i,10}.00000 g\r\n", 6_000))).ToArray();
        var transport = new ScriptedTransport(clock, replies);
        var log = new StringWriter();
        var recorder = new Recorder(new BalanceDevice(transport, BalanceProtocol.MtSics), transport, clock, log);
        var csv = new StringWriter();
        recorder.Connect(0);
        recorder.Record(csv, 5_000, 30_000);
        CollectionAssert.AreEqual(new[]
        {
            "0,1000.00000,0,1,20,",
            "5000,,1,,7000,no-reply",
            "10000,,1,,15000,late 'S S          1.00000 g'",   // the 5 000 ms request's answer, at 11 s: not the 10 000 ms reading
            "15000,,1,,17000,no-reply",
            "20000,,1,,25000,late 'S S          2.00000 g'",
            "25000,,1,,27000,no-reply",
            "30000,,1,,35000,late 'S S          3.00000 g'",
        }, Lines(csv).Skip(1).ToArray());
        Assert.AreEqual(1, recorder.Readings);
        StringAssert.Contains(log.ToString(), "10000 ms: gap (late: 'S S          1.00000 g' answered the 5000 ms request after it had timed out");
    }

    [TestMethod]
    public void A_reply_held_two_and_a_half_intervals_is_a_late_gap_and_nothing_is_asked_until_it_came()
    {
        var clock = new FakeBenchClock();
        // After a prompt first reply, every reply carries the mass at its own request and arrives 12.5 s
        // after it: after the tick that listened for it, inside the interval of the tick after that.
        var replies = new[] { "S S    1.00000 g\r\n" }.Concat(Enumerable.Range(1, 6).Select(i => ScriptedTransport.Late($"S S {i,10}.00000 g\r\n", 12_500))).ToArray();
        var transport = new ScriptedTransport(clock, replies);
        var recorder = new Recorder(new BalanceDevice(transport, BalanceProtocol.MtSics), transport, clock);
        var csv = new StringWriter();
        recorder.Connect(0);
        recorder.Record(csv, 5_000, 40_000);
        CollectionAssert.AreEqual(new[]
        {
            "0,1000.00000,0,1,20,",
            "5000,,1,,7000,no-reply",
            "10000,,1,,15000,no-reply",                          // still owed: nothing asked
            "15000,,1,,20000,late 'S S          1.00000 g'",   // the 5 000 ms request's answer, at 17.5 s
            "20000,,1,,22000,no-reply",
            "25000,,1,,30000,no-reply",
            "30000,,1,,35000,late 'S S          2.00000 g'",
            "35000,,1,,37000,no-reply",
            "40000,,1,,45000,no-reply",
        }, Lines(csv).Skip(1).ToArray());
        Assert.AreEqual(1, recorder.Readings);
        Assert.HasCount(4, transport.Sent, "a request at 0, 5, 20 and 35 s: never one while an earlier one is owed its reply");
    }

    [TestMethod]
    public void The_first_row_notes_the_host_time_at_0_ms_so_the_pump_log_can_be_lined_up()
    {
        var clock = new FakeBenchClock();
        var transport = new ScriptedTransport(clock, "S S    1.00000 g\r\n", "S S    1.00100 g\r\n");
        var recorder = new Recorder(new BalanceDevice(transport, BalanceProtocol.MtSics), transport, clock);
        var csv = new StringWriter();
        recorder.Connect(timeoutMilliseconds: 0);
        var started = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(1));
        recorder.Record(csv, 30_000, 30_000, started);
        string[] lines = Lines(csv);
        Assert.AreEqual("0,1000.00000,0,1,20,started 2026-12-01T10:00:00.0000000+01:00", lines[1]);
        Assert.AreEqual("30000,1001.00000,0,1,30020,", lines[2], "only the first row");
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, csv.ToString());
            Assert.AreEqual(started, OpenIdds.Bench.Analysis.BalanceCsv.StartedAt(OpenIdds.Bench.Analysis.BalanceCsv.Read(path)));
        }
        finally { File.Delete(path); }
    }

    [TestMethod]
    public void Ticks_are_absolute_so_slow_replies_do_not_make_the_grid_drift()
    {
        var clock = new FakeBenchClock();
        var transport = new ScriptedTransport(clock);   // every reply costs 20 ms
        var recorder = new Recorder(new BalanceDevice(transport, BalanceProtocol.MtSics), transport, clock);
        var csv = new StringWriter();
        recorder.Connect(0);
        recorder.Record(csv, 30_000, 2 * 3_600_000);
        string[] rows = Lines(csv).Skip(1).ToArray();
        Assert.HasCount(241, rows);
        string last = rows[^1];
        Assert.AreEqual("7200000,0.00000,0,1,7200020,", last, "the 241st reading is at 2 h sharp, 20 ms of reply after it, not 240 x 20 ms late");
    }

    [TestMethod]
    public void A_balance_unplugged_at_the_start_is_retried_with_a_bounded_backoff_until_it_answers()
    {
        var clock = new FakeBenchClock();
        var transport = new ScriptedTransport(clock) { OpensFailing = 9 };
        var log = new StringWriter();
        var recorder = new Recorder(new BalanceDevice(transport, BalanceProtocol.MtSics), transport, clock, log);
        recorder.Connect(timeoutMilliseconds: 60_000);
        CollectionAssert.AreEqual(new long[] { 250, 500, 1_000, 2_000, 4_000, 8_000, 8_000, 8_000, 8_000 }, clock.Sleeps, "doubling from 250 ms, capped at 8 s");
        StringAssert.Contains(log.ToString(), "balance connected after 10 tries");
    }

    [TestMethod]
    public void A_balance_that_never_comes_fails_after_the_connect_timeout_with_the_port_error()
    {
        var clock = new FakeBenchClock();
        var transport = new ScriptedTransport(clock) { OpensFailing = int.MaxValue };
        var recorder = new Recorder(new BalanceDevice(transport, BalanceProtocol.MtSics), transport, clock);
        var e = Assert.ThrowsExactly<BalanceNotConnectedException>(() => recorder.Connect(timeoutMilliseconds: 30_000));
        StringAssert.Contains(e.Message, "No such file or directory");
        StringAssert.Contains(e.Message, "tried 9 times in 30 s");
        Assert.AreEqual(30_000, clock.ElapsedMilliseconds, "gives up at the timeout, not a backoff step past it");
    }

    [TestMethod]
    public void A_cable_out_for_several_ticks_gives_one_gap_per_tick_and_the_recording_resumes_when_it_is_back()
    {
        var clock = new FakeBenchClock();
        // Pulled at the second reading; the port cannot be opened for 9 tries (about 40 s of backoff).
        var transport = new ScriptedTransport(clock, "S S    1.00000 g\r\n", ScriptedTransport.Pulled) { OpensFailingAfterPull = 9, IdleReply = "S S    2.00000 g\r\n" };
        var recorder = new Recorder(new BalanceDevice(transport, BalanceProtocol.MtSics), transport, clock);
        var csv = new StringWriter();
        recorder.Connect(0);
        recorder.Record(csv, 10_000, 100_000);
        string[] rows = Lines(csv).Skip(1).ToArray();
        string[] notes = rows.Select(r => r.Split(',')[5]).ToArray();
        CollectionAssert.AreEqual(new[] { "", "disconnected", "disconnected", "disconnected", "disconnected", "", "", "", "", "", "" }, notes);
        Assert.AreEqual((7, 4, 1), (recorder.Readings, recorder.Gaps, recorder.Reconnects));
        Assert.AreEqual(11, transport.Opens + 9, "the start, nine failed tries between the ticks (250 ms doubling to 8 s), and the one that worked");
    }

    [TestMethod]
    public void The_wait_for_a_reply_ends_at_the_next_tick_and_a_tick_missed_by_a_slow_reconnect_is_a_gap()
    {
        var clock = new FakeBenchClock();
        // 1 s interval: the 2 s reply timeout is cut to the next tick; the tick after the silence listens.
        var transport = new ScriptedTransport(clock, "S S    1.00000 g\r\n", ScriptedTransport.Late("S S    1.00100 g\r\n", 1_500));
        var recorder = new Recorder(new BalanceDevice(transport, BalanceProtocol.MtSics), transport, clock);
        var csv = new StringWriter();
        recorder.Connect(0);
        recorder.Record(csv, 1_000, 4_000);
        CollectionAssert.AreEqual(new[] { "0,1000.00000,0,1,20,", "1000,,1,,2000,no-reply", "2000,,1,,3000,late 'S S    1.00100 g'", "3000,0.00000,0,1,3020,", "4000,0.00000,0,1,4020," }, Lines(csv).Skip(1).ToArray());

        // A cable pulled at 1 s, and an adapter that takes 1.7 s to open again: the 2 s tick is missed.
        clock = new FakeBenchClock();
        transport = new ScriptedTransport(clock, "S S    1.00000 g\r\n", ScriptedTransport.Pulled) { OpenMilliseconds = 0 };
        recorder = new Recorder(new BalanceDevice(transport, BalanceProtocol.MtSics), transport, clock);
        csv = new StringWriter();
        recorder.Connect(0);
        transport.OpenMilliseconds = 1_700;
        recorder.Record(csv, 1_000, 4_000);
        string[] notes = Lines(csv).Skip(1).Select(r => r.Split(',')[5]).ToArray();
        CollectionAssert.AreEqual(new[] { "", "disconnected", "missed-tick", "", "" }, notes);
    }

    private static string Weight(double grams) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"S S {grams,10:0.00000} g\r\n");

    [TestMethod]
    public void A_balance_silent_from_the_start_stops_the_recording_after_three_ticks_saying_nothing_came()
    {
        var clock = new FakeBenchClock();
        var transport = new ScriptedTransport(clock, Enumerable.Repeat<string?>(null, 300).ToArray());
        var recorder = new Recorder(new BalanceDevice(transport, BalanceProtocol.MtSics), transport, clock);
        var csv = new StringWriter();
        recorder.Connect(0);
        var e = Assert.ThrowsExactly<BalanceGivesNoWeightException>(() => recorder.Record(csv, 30_000, 2 * 3_600_000));
        Assert.AreEqual(3, e.Ticks);
        Assert.IsEmpty(e.Received);
        StringAssert.Contains(e.Suggestion, "nothing came back: check the cable");
        Assert.IsTrue(clock.ElapsedMilliseconds <= 90_000, $"stopped at {clock.ElapsedMilliseconds} ms, not after 2 h");
        Assert.HasCount(4, Lines(csv), "the header and the three gap rows stay in the CSV");
    }

    [TestMethod]
    [DataRow(BalanceProtocol.MtSics, "S S   5\u00b2.1\u00b245 g\r\n", "garbled characters came back: the serial settings differ")]
    [DataRow(BalanceProtocol.MtSics, "+  12.3456 g  \r\n", "the balance answers in sbi: give --protocol sbi")]
    [DataRow(BalanceProtocol.Sbi, "ES\r\n", "the balance answers in mt-sics: give --protocol mt-sics")]
    [DataRow(BalanceProtocol.Sbi, "S S    1.00000 g\r\n", "the balance answers in mt-sics: give --protocol mt-sics")]
    [DataRow(BalanceProtocol.MtSics, "S +\r\n", "overload or underload")]
    public void No_weight_in_the_first_three_ticks_stops_the_recording_with_what_came_and_the_likely_cause(BalanceProtocol protocol, string reply, string cause)
    {
        var clock = new FakeBenchClock();
        var transport = new ScriptedTransport(clock, reply, reply, reply, reply);
        var recorder = new Recorder(new BalanceDevice(transport, protocol), transport, clock);
        recorder.Connect(0);
        var e = Assert.ThrowsExactly<BalanceGivesNoWeightException>(() => recorder.Record(new StringWriter(), 30_000, 3_600_000));
        CollectionAssert.AreEqual(Enumerable.Repeat(reply.TrimEnd('\r', '\n'), 3).ToArray(), e.Received.ToArray());
        StringAssert.Contains(e.Suggestion, cause);
    }

    [TestMethod]
    public void A_gap_note_keeps_what_the_balance_sent_escaped_and_it_reads_back_from_the_csv()
    {
        var clock = new FakeBenchClock();
        var transport = new ScriptedTransport(clock, Weight(1), "S S   52,12345 g\r\n", "S S   5\u00b2.1\u00b245 g\r\n", Weight(1.001));
        var recorder = new Recorder(new BalanceDevice(transport, BalanceProtocol.MtSics), transport, clock);
        var csv = new StringWriter();
        recorder.Connect(0);
        recorder.Record(csv, 30_000, 90_000);
        string[] rows = Lines(csv);
        Assert.AreEqual("30000,,1,,30020,\"unreadable 'S S   52,12345 g'\"", rows[2], "a comma in the text: the note is quoted for the CSV");
        Assert.AreEqual("60000,,1,,60020,unreadable 'S S   5\\xB2.1\\xB245 g'", rows[3], "a byte outside printable ASCII is written as \\xNN");
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, csv.ToString());
            var back = OpenIdds.Bench.Analysis.BalanceCsv.Read(path);
            Assert.AreEqual("unreadable 'S S   52,12345 g'", back[1].Note);
            Assert.AreEqual("unreadable 'S S   5\\xB2.1\\xB245 g'", back[2].Note);
        }
        finally { File.Delete(path); }
    }

    /// <summary>A console that notes the recorder's clock at every line.</summary>
    private sealed class TimedLog(FakeBenchClock clock) : TextWriter
    {
        public List<(long At, string Text)> Lines { get; } = new();
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;
        public override void WriteLine(string? value) => Lines.Add((clock.ElapsedMilliseconds, value ?? ""));
    }

    [TestMethod]
    public void A_balance_that_falls_silent_mid_run_is_reported_on_the_console_within_one_interval()
    {
        var clock = new FakeBenchClock();
        var transport = new ScriptedTransport(clock, new[] { Weight(1), Weight(1.001), Weight(1.002) }.Concat(Enumerable.Repeat<string?>(null, 10)).ToArray());
        var log = new TimedLog(clock);
        var recorder = new Recorder(new BalanceDevice(transport, BalanceProtocol.MtSics), transport, clock, log);
        recorder.Connect(0);
        recorder.Record(new StringWriter(), 30_000, 5 * 60_000);
        var said = log.Lines.First(l => l.Text.Contains("fell silent", StringComparison.Ordinal));
        Assert.AreEqual("90000 ms: the balance fell silent: no reply to this tick's request, 32000 ms after the last reading", said.Text);
        Assert.IsTrue(said.At < 120_000, $"said at {said.At} ms, before the next tick");
    }

    [TestMethod]
    public void The_status_after_each_tick_gives_elapsed_and_remaining_time_the_last_mass_the_recent_flow_against_the_rate_and_the_gaps()
    {
        var clock = new FakeBenchClock();
        // 100 uL/h of water: 0.8317 mg every 30 s; the 4.0 min reading is lost.
        var replies = Enumerable.Range(0, 21).Select(i => i == 8 ? "S +\r\n" : Weight(10 + 100 * 0.998 * i * 0.5 / 60 / 1000)).ToArray();
        var transport = new ScriptedTransport(clock, replies);
        var statuses = new List<RecordingStatus>();
        var recorder = new Recorder(new BalanceDevice(transport, BalanceProtocol.MtSics), transport, clock) { Progress = statuses.Add, SetRateMicrolitersPerHour = 100 };
        recorder.Connect(0);
        recorder.Record(new StringWriter(), 30_000, 10 * 60_000);
        Assert.HasCount(21, statuses, "one after every tick");
        Assert.AreEqual("0:00:00 elapsed, 0:10:00 left | 10.00000 g | flow: not yet | 1 readings, 0 gaps, 0 reconnects", statuses[0].Line());
        // 99.92 uL/h: the replies carry the mass to 0.01 mg, 8.3166 mg in 5 min read as 8.31.
        Assert.AreEqual("0:10:00 elapsed, 0:00:00 left | 10.01663 g | flow 99.92 uL/h over the last 5 min (--rate 100: -0.1 %) | 20 readings, 1 gaps, 0 reconnects | last gap: 240000 ms overload", statuses[^1].Line());
    }
}
