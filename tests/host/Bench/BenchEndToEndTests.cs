using System.Diagnostics;
using System.Text;
using System.Threading;
using OpenIdds.Bench.Analysis;
using OpenIdds.Bench.Balance;
using OpenIdds.Bench.Reporting;

namespace OpenIdds.Tests.Host.Bench;

/// <summary>
/// `record` against a simulated MT-SICS balance on a real pseudo-terminal, then `analyze`, then the
/// report - the same path a bench engineer takes, in accelerated time (a reading every 200 ms).
/// </summary>
[TestClass]
public class BenchEndToEndTests
{
    [TestMethod]
    [Timeout(20_000)]
    public void Record_on_a_pseudo_terminal_then_analyze_then_report()
    {
        if (!OperatingSystem.IsLinux()) Assert.Inconclusive("pseudo-terminals from libc openpty: Linux");
        using var pty = new PseudoTerminal();
        // The balance: every SI gets the mass of 1 uL/s of water delivered for another 200 ms (0.1996 mg).
        int requests = 0;
        var balance = new Thread(() =>
        {
            var line = new StringBuilder();
            var buffer = new byte[64];
            try
            {
                while (true)
                {
                    int n = pty.Master.Read(buffer, 0, buffer.Length);
                    if (n <= 0) return;
                    for (int i = 0; i < n; i++)
                    {
                        char c = (char)buffer[i];
                        if (c != '\n') { if (c != '\r') line.Append(c); continue; }
                        if (line.ToString() == "SI")
                        {
                            double grams = requests++ * 0.1996 / 1000;
                            byte[] reply = Encoding.ASCII.GetBytes(FormattableString.Invariant($"S S {grams,12:0.00000} g\r\n"));
                            pty.Master.Write(reply, 0, reply.Length);
                            pty.Master.Flush();
                        }
                        line.Clear();
                    }
                }
            }
            catch (IOException) { }
        }) { IsBackground = true };
        balance.Start();

        string folder = Path.Combine(Path.GetTempPath(), $"openidds-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        string csvPath = Path.Combine(folder, "readings.csv");
        using (var transport = new SerialBalanceTransport(pty.SlavePath, 9600, System.IO.Ports.Parity.None, 8, System.IO.Ports.StopBits.One))
        using (var csv = new StreamWriter(csvPath))
        {
            var clock = Stopwatch.StartNew();
            var recorder = new Recorder(new BalanceDevice(transport, BalanceProtocol.MtSics), transport, csv, () => clock.ElapsedMilliseconds, ms => Thread.Sleep(ms));
            recorder.Run(intervalMilliseconds: 200, durationMilliseconds: 4000);
            Assert.AreEqual(21, recorder.Readings, string.Join("; ", recorder.Notes));
            Assert.AreEqual(0, recorder.Gaps);
        }

        var minute = 1.0 / 60_000;   // accelerated: settings in minutes of 200 ms samples
        var settings = new AnalysisSettings
        {
            SampleIntervalMinutes = 200 * minute, RunMinutes = 4000 * minute,
            AnalysisStartMinutes = 2000 * minute, AnalysisEndMinutes = 4000 * minute,
            WindowsMinutes = new[] { 400 * minute, 1000 * minute },
        };
        var result = AccuracyAnalysis.Run(BalanceCsv.Read(csvPath), setRateMicrolitersPerHour: 3600, settings);
        // 1 uL/s delivered and set; the balance reads to 0.01 mg, so 2 s of 0.2 mg steps agree within 1 %.
        Assert.AreEqual(0, result.MeanErrorPercent, 1.0, $"A = {result.MeanErrorPercent} %");
        AccuracyReport.Write(result, folder, csvPath);
        foreach (string file in new[] { "accuracy.json", "accuracy.html", "trumpet.png", "flow.png", "startup.png" })
            Assert.IsTrue(File.Exists(Path.Combine(folder, file)), $"{file} missing from the report");
        StringAssert.Contains(File.ReadAllText(Path.Combine(folder, "accuracy.html")), "IEC 60601-2-24 style");
        Directory.Delete(folder, recursive: true);
    }
}
