using System.Globalization;
using System.Text.Json;
using System.Threading.Tasks;
using OpenIdds.Simulator.Running;
using OpenIdds.Simulator.Scenarios;

namespace OpenIdds.Measurements;

/// <summary>
/// False pressure-sensor faults per 10,000 simulated days through each board's signal chain at 1x, 2x
/// and 4x its characterised noise (the gauge's own, the supply ripple and the ADC's alike;
/// <c>board_noise_factor</c>), with the ordinary life of the occlusion benchmark's false-alarm runs
/// (half trial at 0.5 mL/day, half implanted at 60 uL/day; posture changes, coughs, strains). It shows
/// the margin SENSOR-NOISE-LIMIT-MARGIN writes down: none at 1x, a fault at once beyond the margin.
/// </summary>
public static class SensorNoiseRun
{
    public static readonly string[] Boards = { "esp32-devkitc", "stm32-nucleo-f746zg" };
    public static readonly double[] Factors = { 1, 2, 4 };

    public static void Run(int days)
    {
        var cells = Boards.SelectMany(b => Factors.Select(f => (Board: b, Factor: f))).ToList();
        var lines = new string[cells.Count];
        Parallel.For(0, cells.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => lines[i] = Cell(cells[i].Board, cells[i].Factor, days));
        foreach (string line in lines) Console.WriteLine(line);
    }

    private static string Cell(string board, double factor, int days)
    {
        int sensorFaults = 0, occlusions = 0, runs = 0, faultedRuns = 0;
        long simulated = 0;
        var firstFaultMinutes = new List<double>();
        for (ulong seed = 1; simulated < days; seed++)
        {
            bool trial = seed % 2 == 1;
            int length = Math.Min(365, days - (int)simulated);
            var scenario = new Scenario
            {
                Name = $"sensor-noise-{board}-{factor}-{seed}",
                Mode = trial ? "trial" : "implanted",
                Board = board,
                Seed = 1000 + seed,
                Duration = $"{length}d",
                Drug = new DrugSpec { Name = "morphine", ConcentrationUgPerMl = trial ? 1000 : 10_000 },
                Prescription = new PrescriptionSpec { Mode = "continuous", RateUlPerH = trial ? 20.833m : 2.5m },
                ReservoirMilliliters = 1000,   // never the reason to stop: this run looks for false sensor faults only
                Physics = new()
                {
                    ["reservoir_nanoliters"] = JsonDocument.Parse("1000000000").RootElement,
                    ["board_noise_factor"] = JsonDocument.Parse(factor.ToString(CultureInfo.InvariantCulture)).RootElement,
                },
                Actions = DailyLife.Days(length, seed),
            };
            var result = ScenarioRunner.Run(scenario);
            var faults = result.Events.Where(e => e.Source == "alarm" && e.Detail == "raised" && e.Kind == "pressure-sensor-fault").ToList();
            sensorFaults += faults.Count;
            if (faults.Count > 0) { faultedRuns++; firstFaultMinutes.Add(faults[0].Time / 60_000.0); }
            occlusions += result.Events.Count(e => e.Source == "alarm" && e.Detail == "raised" && e.Kind == "occlusion");
            simulated += length;
            runs++;
        }
        firstFaultMinutes.Sort();
        string first = firstFaultMinutes.Count == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"; first fault after a median {firstFaultMinutes[firstFaultMinutes.Count / 2]:0} min");
        return string.Create(CultureInfo.InvariantCulture,
            $"sensor-noise: {board}, {factor}x its characterised noise: {sensorFaults * 10_000.0 / simulated:0.0} false sensor faults per 10,000 days ({sensorFaults} in {simulated} days, {faultedRuns} of {runs} runs{first}); false occlusions {occlusions}");
    }
}
