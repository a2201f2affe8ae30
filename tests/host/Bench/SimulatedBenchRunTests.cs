using OpenIdds.HostLib.Prescriptions;
using OpenIdds.Bench.Analysis;
using OpenIdds.Simulator.Reporting;
using OpenIdds.Simulator.Running;
using OpenIdds.Simulator.Scenarios;

namespace OpenIdds.Tests.Host.Bench;

/// <summary>
/// The simulator-to-bench link (issue 7, item 4): the simulator's balance model writes the same CSV as
/// `bench record`, so a simulated bench run and a real one go through the same analysis. A short run
/// with the balance on goes through the simulator's own report writer; its balance.csv and delivery.csv
/// are read back with the bench tool's readers and analysed as a real balance's would be.
/// </summary>
[TestClass]
public class SimulatedBenchRunTests
{
    private const double Rate = 20.833;   // uL/h: the default scenario's trial rate, one 250 nL stroke every 43 s

    [TestMethod]
    [Timeout(30_000)]
    public void The_simulators_balance_csv_reads_back_through_the_bench_reader_and_analysis()
    {
        // The standard profile's two hours: priming (250 uL in the first 15 min) falls in the first hour,
        // the analysis period is the second.
        var scenario = new Scenario
        {
            Name = "bench-link",
            Seed = 7,
            Duration = "2h",
            Balance = true,
            Prescription = new PrescriptionSpec { Mode = "continuous", RateUlPerH = (decimal)Rate },
        };
        var result = ScenarioRunner.Run(scenario);
        string folder = Path.Combine(Path.GetTempPath(), $"openidds-simbench-{Guid.NewGuid():N}");
        try
        {
            ReportWriter.Write(result, [], folder);
            var readings = BalanceCsv.Read(Path.Combine(folder, "balance.csv"));

            // Every 30 s from 0 to 120 min inclusive, and each one as the simulator read it (the CSV keeps
            // five decimals of a 0.01 mg balance: nothing is lost on the way).
            Assert.HasCount(241, readings);
            Assert.HasCount(readings.Count, result.BalanceReadings);
            for (int i = 0; i < readings.Count; i++)
            {
                Assert.AreEqual(i * ScenarioRunner.BalanceIntervalMilliseconds, readings[i].TimeMilliseconds, $"reading {i}");
                Assert.AreEqual(result.BalanceReadings[i].Time, readings[i].TimeMilliseconds, $"reading {i}");
                Assert.AreEqual(result.BalanceReadings[i].Milligrams, readings[i].MassMilligrams, 1e-9, $"reading {i}");
                Assert.IsFalse(readings[i].Gap, $"reading {i}");
                Assert.IsTrue(readings[i].Stable, $"reading {i}");
            }
            // The vessel holds what reached it: the last reading against the physics' own total, less
            // 2 h of evaporation (0.05 mg/h), within the balance's noise (0.02 mg, 1 sd) and resolution.
            double expectedMilligrams = result.ToCsfMicroliters * 0.998 - 0.05 * 2;
            Assert.AreEqual(expectedMilligrams, readings[^1].MassMilligrams, 0.15, "the balance's last reading against the volume delivered");

            var analysis = AccuracyAnalysis.Run(readings, Rate, AnalysisSettings.Standard);
            Assert.AreEqual(241, analysis.Quality.ReadingsUsed);
            Assert.AreEqual(0, analysis.Quality.Lost);
            Assert.HasCount(5, analysis.Trumpet);
            Assert.IsTrue(analysis.Trumpet.All(p => p.Windows == p.WindowsExpected && p.Windows > 0), "no window lost");
            // The same analysis of the readings in memory: the file changes nothing.
            var direct = AccuracyAnalysis.Run(result.BalanceReadings.Select(b => new BalanceReading(b.Time, b.Milligrams)).ToList(), Rate, AnalysisSettings.Standard);
            Assert.AreEqual(direct.MeanErrorPercent, analysis.MeanErrorPercent, 1e-9);
            // The head slips against CSF pressure, so it delivers a little short; strokes vary 2 % (1 sd)
            // each, ~84 of them in the analysis hour. A gain error beyond a few percent is not this model.
            Assert.IsTrue(analysis.MeanErrorPercent is > -4 and < 0.5, $"A = {analysis.MeanErrorPercent} %");
            Assert.IsTrue(analysis.Pass, "within the +-5 % claim");
            // A 2 min window holds two or three strokes of 43 s: the trumpet is wide there and narrows.
            Assert.IsTrue(analysis.Trumpet[0].MaxPercent - analysis.Trumpet[0].MinPercent > analysis.Trumpet[^1].MaxPercent - analysis.Trumpet[^1].MinPercent,
                "the 2 min trumpet is wider than the 31 min one");

            // The pump's hourly log beside it goes through `bench compare`: the second hour's delivered
            // volume is the one the accuracy analysis measured over its analysis period.
            var log = MechanismComparison.ReadPumpLog(Path.Combine(folder, "delivery.csv"));
            Assert.HasCount(2, log);
            var hours = MechanismComparison.Compare(log, readings, null, 0.998);
            Assert.HasCount(2, hours);
            Assert.AreEqual(Rate * (1 + analysis.MeanErrorPercent / 100), hours[1].DeliveredMicroliters, 1e-6);
            Assert.AreEqual(Rate, hours[1].PrescribedMicroliters, 1e-3);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}
