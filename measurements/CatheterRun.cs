using System.Globalization;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Units;
using OpenIdds.Simulator.Physics;
using OpenIdds.Simulator.Running;
using OpenIdds.Simulator.Scenarios;
using System.Threading.Tasks;
using ScottPlot;

namespace OpenIdds.Measurements;

/// <summary>
/// The catheter integrity check over a simulated population (docs/catheter.md): for each patient a
/// CSF pulse drawn from the population spread, ordinary days (postures, walks, sleep, coughs, strains
/// from <see cref="DailyLife"/>), the implanted line's transmission and the sensor's noise, sampled at
/// the times the firmware's <see cref="CatheterIntegrityMonitor"/> asks for and judged by it unchanged.
/// Classes: intact (a year each), tip migrated to the epidural space, leak (80-100 % of the flow),
/// disconnection and kink (resistance x10-x50), each fault at a random hour of day 2, watched for 48 h.
/// The bursts are taken as clean (no stroke in them): the library scenarios run the same check with
/// the whole pump and its strokes. For LINE-RESISTANCE-RISE the strokes of 0.5 mL/day are simulated
/// while its windows are open, each draining through the line's R x C (raised by the kink). Also printed under wrong assumptions: half the pulse amplitude, twice
/// the sensor noise. Writes the ROC of the pulsatility-lost rule (docs/images/catheter-roc.png).
/// </summary>
public static class CatheterRun
{
    private const int IntactDays = 365;
    private const long FaultWatch = 48 * Milliseconds.PerHour;

    private enum Kind { Intact, Epidural, Leak, Disconnected, Kink }

    private sealed record Outcome(Kind Kind, bool Monitoring, double? HoursToAlert, bool RightAlert, int FalseAlerts, double MinLossRatio, double MaxRise, string Patient = "");

    public static void Run(int patients, string? rocPng = null)
    {
        Console.WriteLine();
        Console.WriteLine($"Catheter integrity: {patients} simulated patients per class (measurements catheter {patients})");
        var nominal = Population(patients, 1.0, 1.0);
        Print("nominal physics", nominal);
        Print("half the pulse amplitude", Population(patients, 0.5, 1.0));
        Print("twice the sensor noise", Population(patients, 1.0, 2.0));
        if (rocPng != null) Roc(nominal, rocPng);
    }

    /// <summary>Intact patients only, nominal physics: the false-alert figure alone, with each patient who had one.</summary>
    public static void IntactOnly(int patients) => Print("nominal physics, intact only", Population(patients, 1.0, 1.0, Kind.Intact));

    private static List<Outcome> Population(int patients, double amplitudeScale, double noiseScale, Kind? only = null)
    {
        var outcomes = new List<Outcome>();
        foreach (Kind kind in Enum.GetValues<Kind>().Where(k => only == null || k == only))
        {
            var results = new Outcome[patients];
            Parallel.For(0, patients, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => results[i] = Patient(kind, (ulong)(1000 * (int)kind + i + 1), amplitudeScale, noiseScale));
            outcomes.AddRange(results);
        }
        return outcomes;
    }

    private static Outcome Patient(Kind kind, ulong seed, double amplitudeScale, double noiseScale)
    {
        var defaults = new PhysicsParameters();
        var physics = ScenarioActions.ForStage(defaults with
        {
            CsfPulsation = true,
            CardiacAmplitudePascals = defaults.CardiacAmplitudePascals * amplitudeScale,
            RespiratoryAmplitudePascals = defaults.RespiratoryAmplitudePascals * amplitudeScale,
            PressureNoisePascals = defaults.PressureNoisePascals * noiseScale,
        }, OpenIdds.Firmware.Therapy.PumpStage.Implanted);
        var random = new SimulationRandom(seed);
        var pulse = new CsfPulsation(physics, random.Fork(5));
        var noise = random.Fork(4);
        var patient = new Patient(physics);
        var line = new CatheterLine(physics, 0);
        int days = kind == Kind.Intact ? IntactDays : 4;
        var life = DailyLife.Days(days, seed).Select(a => (At: DurationText.ParseMilliseconds(a.At, "at"), Action: a)).OrderBy(a => a.At).ToList();
        long faultAt = kind == Kind.Intact ? long.MaxValue : 2 * Milliseconds.PerDay + (long)(random.NextDouble() * Milliseconds.PerDay);
        long end = kind == Kind.Intact ? days * Milliseconds.PerDay : faultAt + FaultWatch;
        var monitor = new CatheterIntegrityMonitor(Milliseconds.Zero);
        int next = 0, falseAlerts = 0, checks = 0;
        bool faulted = false, alerted = false, right = false;
        double? hours = null;
        double minLoss = double.MaxValue;
        var window = new Queue<double>();
        // Strokes of 250 nL at 0.5 mL/day, one every 43.2 s from a random phase; only the strokes the
        // resistance trend follows (its windows) are simulated: the line drains between them.
        long strokeInterval = Milliseconds.PerDay * physics.StrokePicoliters / 500_000_000;
        long strokePhase = (long)(random.NextDouble() * strokeInterval);
        double jumpPascals = physics.StrokePicoliters / 1000.0 / physics.ComplianceNanolitersPerPascal;
        long lastStroke = long.MinValue;
        var trend = monitor.Resistance;
        int windows = 0;
        double maxRise = double.MinValue;
        while (true)
        {
            long opens = Math.Max(trend.WindowOpens.Value, lastStroke + 1);
            long nextStroke = opens + ((strokePhase - opens) % strokeInterval + strokeInterval) % strokeInterval;
            long now = Math.Min(monitor.NextWake.Value, nextStroke);
            if (now >= end) break;
            int strokes = now == nextStroke ? 1 : 0;
            while (next < life.Count && life[next].At <= now)
            {
                var a = life[next++].Action;
                switch (a.Do)
                {
                    case "posture": patient.Posture = a.Posture == "standing" ? Posture.Standing : a.Posture == "sitting" ? Posture.Sitting : Posture.Lying; break;
                    case "activity": patient.Activity = a.Activity == "walking" ? PatientActivity.Walking : a.Activity == "asleep" ? PatientActivity.Asleep : PatientActivity.Rest; break;
                    case "cough": patient.Cough(life[next - 1].At); break;
                    case "strain": patient.Strain(life[next - 1].At); break;
                }
            }
            if (!faulted && now >= faultAt)
            {
                faulted = true;
                switch (kind)
                {
                    case Kind.Epidural: line.Placement = TipPlacement.Epidural; break;
                    case Kind.Leak: line.LeakFraction = 0.8 + 0.2 * random.NextDouble(); break;
                    case Kind.Disconnected: line.Disconnected = true; break;
                    case Kind.Kink: line.OcclusionFactor = 10 + 40 * random.NextDouble(); break;
                }
            }
            double csf = patient.CsfPascals(now);
            double baseline = line.Disconnected ? 0 : line.Placement == TipPlacement.Epidural ? physics.EpiduralPascals : csf * (1 - line.LeakFraction);
            double tau = physics.ResistancePascalSecondsPerNanoliter * (line.Disconnected ? physics.DisconnectedResistanceFactor : line.OcclusionFactor) * physics.ComplianceNanolitersPerPascal;
            double held = lastStroke == long.MinValue ? 0 : jumpPascals * Math.Exp(-(now - lastStroke) / 1000.0 / tau);
            double reading = baseline + held + pulse.Pascals(now, patient.Posture, patient.Activity, line) + physics.PressureNoisePascals * noise.NextGaussian();
            double after = reading + jumpPascals * strokes + physics.PressureNoisePascals * noise.NextGaussian() * strokes;
            if (strokes > 0) lastStroke = now;
            bool suspectedBefore = monitor.Suspected, kinkBefore = monitor.PartiallyOccluded;
            monitor.Observe(new Milliseconds(now), true, (int)Math.Round(reading), 0);
            trend.Observe(new Milliseconds(now), true, (int)Math.Round(reading), true, (int)Math.Round(after), strokes);
            if (trend.Windows != windows)
            {
                windows = trend.Windows;
                if (trend.BaselineWindowsLeft == 0 && (!faulted || now - faultAt <= 24 * Milliseconds.PerHour) && (faulted || kind == Kind.Intact))
                    maxRise = Math.Max(maxRise, (trend.RetentionPerMille - trend.BaselinePerMille) / 1000.0);
            }
            if (monitor.Checks != checks)
            {
                checks = monitor.Checks;
                if (monitor.Monitoring && monitor.BaselineBurstsLeft == 0 && (!faulted || now - faultAt <= 24 * Milliseconds.PerHour))
                {
                    // The pulsatility-lost rule's statistic: the largest band ratio in a run of three bursts, at its smallest.
                    window.Enqueue(Math.Max(monitor.CardiacPercent, monitor.RespiratoryPercent) / 100.0);
                    if (window.Count > CatheterIntegrityMonitor.ConsecutiveBursts) window.Dequeue();
                    if (window.Count == CatheterIntegrityMonitor.ConsecutiveBursts && (faulted || kind == Kind.Intact)) minLoss = Math.Min(minLoss, window.Max());
                }
            }
            bool raised = (monitor.Suspected && !suspectedBefore) || (monitor.PartiallyOccluded && !kinkBefore);
            if (!raised) continue;
            if (!faulted) falseAlerts++;
            else if (!alerted)
            {
                alerted = true;
                hours = (now - faultAt) / (double)Milliseconds.PerHour;
                right = kind == Kind.Kink ? monitor.PartiallyOccluded : monitor.Suspected;
            }
        }
        string who = string.Create(CultureInfo.InvariantCulture, $"seed {seed}: heart {pulse.HeartRateHertz * 60:0}/min, breathing {pulse.BreathingRateHertz * 60:0}/min, cardiac {pulse.CardiacAmplitudePascals:0} Pa, respiratory {pulse.RespiratoryAmplitudePascals:0} Pa; baseline noise/bin {monitor.NoiseBaseline}, cardiac {monitor.CardiacBaseline}, respiratory {monitor.RespiratoryBaseline}");
        return new Outcome(kind, monitor.Monitoring, hours, right, falseAlerts, minLoss, maxRise, who);
    }

    private static void Print(string label, List<Outcome> outcomes)
    {
        string P(double x) => (100 * x).ToString("0.0", CultureInfo.InvariantCulture) + " %";
        string H(double x) => x.ToString("0.0", CultureInfo.InvariantCulture);
        Console.WriteLine();
        Console.WriteLine($"{label}:");
        Console.WriteLine("| class | patients | baseline above the floor | alerted within 24 h (sensitivity) | the right alert | hours to alert, median / 95th pct / max |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|");
        foreach (var group in outcomes.Where(o => o.Kind != Kind.Intact).GroupBy(o => o.Kind))
        {
            var list = group.ToList();
            var times = list.Where(o => o.HoursToAlert is <= 24).Select(o => o.HoursToAlert!.Value).Order().ToList();
            string timing = times.Count == 0 ? "-" : $"{H(times[times.Count / 2])} / {H(times[(int)(0.95 * (times.Count - 1))])} / {H(times[^1])}";
            Console.WriteLine($"| {group.Key.ToString().ToLowerInvariant()} | {list.Count} | {P(list.Count(o => o.Monitoring) / (double)list.Count)} | {P(times.Count / (double)list.Count)} | {P(list.Count(o => o.HoursToAlert is <= 24 && o.RightAlert) / (double)list.Count)} | {timing} |");
        }
        var intact = outcomes.Where(o => o.Kind == Kind.Intact).ToList();
        int falseAlerts = intact.Sum(o => o.FalseAlerts);
        double years = intact.Count * IntactDays / 365.0;
        Console.WriteLine($"intact: {intact.Count} patients x {IntactDays} days, baseline above the floor for {P(intact.Count(o => o.Monitoring) / (double)intact.Count)}; " +
            $"{falseAlerts} false alerts in {H(years)} patient-years ({(falseAlerts / years).ToString("0.000", CultureInfo.InvariantCulture)} per patient-year); " +
            $"specificity (no alert in the year) {P(intact.Count(o => o.FalseAlerts == 0) / (double)intact.Count)}");
        var kinks = outcomes.Where(o => o.Kind == Kind.Kink && o.MaxRise > double.MinValue).Select(o => o.MaxRise).Order().ToList();
        if (intact.Count > 0)
            Console.WriteLine($"line-resistance-rise (threshold {P(LineResistanceTrend.RisePerMille / 1000.0)} of a stroke above the baseline): largest window rise in an intact year {P(intact.Max(o => o.MaxRise))}" +
                (kinks.Count == 0 ? "" : $"; kinks, the largest rise within 24 h: smallest {P(kinks[0])}, 5th pct {P(kinks[(int)(0.05 * (kinks.Count - 1))])}"));
        foreach (var o in intact.Where(o => o.FalseAlerts > 0)) Console.WriteLine($"  false alerts {o.FalseAlerts}, {o.Patient}");
    }

    private static void Roc(List<Outcome> outcomes, string file)
    {
        var faulty = outcomes.Where(o => o.Kind is Kind.Epidural or Kind.Leak or Kind.Disconnected).Select(o => o.MinLossRatio).ToList();
        var intact = outcomes.Where(o => o.Kind == Kind.Intact).Select(o => o.MinLossRatio).ToList();
        var xs = new List<double>();
        var ys = new List<double>();
        for (double t = 0.001; t <= 1.5; t *= 1.05)
        {
            xs.Add(intact.Count(r => r < t) / (double)intact.Count);
            ys.Add(faulty.Count(r => r < t) / (double)faulty.Count);
        }
        var plot = new Plot();
        plot.Add.Scatter(xs.ToArray(), ys.ToArray());
        double op = 1.0 / CatheterIntegrityMonitor.LossDivisor;
        var mark = plot.Add.Marker(intact.Count(r => r < op) / (double)intact.Count, faulty.Count(r => r < op) / (double)faulty.Count);
        mark.LegendText = "operating point: 1/8 of the baseline";
        var saulino = plot.Add.Marker(1 - 0.68, 0.89, MarkerShape.OpenSquare, 10, Colors.Red);
        saulino.LegendText = "Saulino et al. 2017, clinical (89 % / 68 %)";
        plot.Title("Pulsatility lost (dislodged, leak, disconnected) vs intact: ROC of the 3-burst statistic, no-alert-in-a-year");
        plot.XLabel("1 - specificity (intact patients with an alert in a year)");
        plot.YLabel("sensitivity (alert within 24 h)");
        plot.Axes.SetLimits(-0.02, 1.02, -0.02, 1.02);
        plot.ShowLegend(Alignment.LowerRight);
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(file))!);
        plot.SavePng(file, 900, 600);
        Console.WriteLine($"ROC: {file}");
    }

    /// <summary>One patient's burst (25.6 s at 10 samples/s) through an intact, a kinked (x15) and a leaking (90 %) catheter, with each burst's band signals against the intact one.</summary>
    public static void Trace(string file)
    {
        var physics = ScenarioActions.ForStage(new PhysicsParameters { CsfPulsation = true }, OpenIdds.Firmware.Therapy.PumpStage.Implanted);
        var random = new SimulationRandom(306);
        var pulse = new CsfPulsation(physics, random.Fork(5));
        var plot = new Plot();
        long intactCardiac = 0, intactRespiratory = 0;
        foreach (var (name, setUp) in new (string, Action<CatheterLine>)[]
        {
            ("intact", _ => { }),
            ("kink x15", l => l.OcclusionFactor = 15),
            ("leak 90 %", l => l.LeakFraction = 0.9),
        })
        {
            var line = new CatheterLine(physics, 0);
            setUp(line);
            var noise = random.Fork(4);
            var bands = new PulseBandEnergy();
            bands.Start();
            var xs = new double[PulseBandEnergy.Samples];
            var ys = new double[PulseBandEnergy.Samples];
            for (int n = 0; n < PulseBandEnergy.Samples; n++)
            {
                long now = n * CatheterIntegrityMonitor.SamplePeriodMilliseconds;
                double reading = physics.CsfLyingPascals * (1 - line.LeakFraction) + pulse.Pascals(now, Posture.Lying, PatientActivity.Rest, line) + physics.PressureNoisePascals * noise.NextGaussian();
                int pascals = (int)Math.Round(reading);
                bands.Add(pascals);
                xs[n] = now / 1000.0;
                ys[n] = pascals;
            }
            if (name == "intact") { intactCardiac = bands.CardiacSignal; intactRespiratory = bands.RespiratorySignal; }
            var series = plot.Add.Scatter(xs, ys);
            series.MarkerSize = 0;
            series.LegendText = $"{name}: respiratory {100 * bands.RespiratorySignal / intactRespiratory} %, cardiac {100 * bands.CardiacSignal / intactCardiac} % of intact";
            Console.WriteLine(series.LegendText);
        }
        plot.Title("One burst at the pump's pressure sensor, patient lying at rest");
        plot.XLabel("s");
        plot.YLabel("Pa");
        plot.ShowLegend(Alignment.UpperRight);
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(file))!);
        plot.SavePng(file, 900, 500);
        Console.WriteLine($"trace: {file}");
    }
}
