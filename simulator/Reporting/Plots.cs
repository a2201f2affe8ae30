using System.Globalization;
using OpenIdds.Simulator.Running;

namespace OpenIdds.Simulator.Reporting;

/// <summary>The run's pictures: delivery against prescription, the reservoir, line pressure, and the balance's flow.</summary>
public static class Plots
{
    public const int Width = 1000;
    public const int Height = 500;

    public static List<(string File, string Caption)> WriteAll(ScenarioResult r, string folder)
    {
        var days = r.Samples.Select(s => s.Time / 86_400_000.0).ToArray();
        var list = new List<(string, string)>();

        list.Add(Save(folder, "delivery.png", "Cumulative volume: prescribed vs delivered", "uL", days,
            ("prescribed (exact integral)", r.Samples.Select(s => s.PrescribedMicroliters)),
            ("delivered, computed by firmware", r.Samples.Select(s => s.ComputedDeliveredMicroliters)),
            ("pumped, measured at the head", r.Samples.Select(s => s.PumpedMicroliters)),
            ("reached CSF, measured at the tip", r.Samples.Select(s => s.ToCsfMicroliters))));

        // The firmware's count is within one step of the prescription on each device, so the bound on the
        // sum grows with the devices (the trial pump and the implant: two steps).
        double step = r.CalibrationPicolitersPerStep / 1_000_000.0;
        string bound = r.Devices == 1
            ? string.Create(CultureInfo.InvariantCulture, $"the firmware's count stays within one step, {step:0.###} uL")
            : string.Create(CultureInfo.InvariantCulture, $"the firmware's count stays within one step per device: {r.Devices} x {step:0.###} uL");
        list.Add(Save(folder, "delivery-error.png", $"Delivered minus prescribed ({bound})", "uL", days,
            ("computed by firmware - prescribed", r.Samples.Select(s => s.ComputedDeliveredMicroliters - s.PrescribedMicroliters)),
            ("pumped (measured) - prescribed", r.Samples.Select(s => s.PumpedMicroliters - s.PrescribedMicroliters))));

        list.Add(Save(folder, "reservoir.png", "Reservoir: computed by firmware vs actual (physics)", "mL", days,
            ("actual", r.Samples.Select(s => s.ReservoirActualMilliliters)),
            ("computed", r.Samples.Select(s => s.ReservoirComputedMilliliters))));

        list.Add(Save(folder, "pressure.png", "Pressure at each sample: line (pump outlet) and CSF", "mmHg", days,
            ("line", r.Samples.Select(s => s.LinePressureMmHg)),
            ("CSF", r.Samples.Select(s => s.CsfPressureMmHg))));

        if (r.BalanceReadings.Count > 0 && r.InitialRateMicrolitersPerHour > 0)
        {
            // The trumpet of the first two hours, through the same analysis a real bench run gets.
            var readings = r.BalanceReadings.Select(b => new OpenIdds.Bench.Analysis.BalanceReading(b.Time, b.Milligrams)).ToList();
            var accuracy = OpenIdds.Bench.Analysis.AccuracyAnalysis.Run(readings, r.InitialRateMicrolitersPerHour, OpenIdds.Bench.Analysis.AnalysisSettings.Standard);
            OpenIdds.Bench.Reporting.AccuracyReport.Trumpet(accuracy, Path.Combine(folder, "trumpet.png"));
            // The third section formats a value that rounds to zero (e.g. -0.001) as "0.00", not "-+0.00".
            list.Add(("trumpet.png", string.Create(CultureInfo.InvariantCulture,
                $"Trumpet curve of the first two hours from the simulated balance (IEC 60601-2-24 style; A = {accuracy.MeanErrorPercent:+0.00;-0.00;0.00} %)")));
        }
        var flow = BalanceFlow(r);
        if (flow.Count > 0) list.Add(Save(folder, "balance-flow.png", "Flow from the simulated balance, 1 h moving window", "uL/h",
            flow.Select(f => f.Days).ToArray(), ("balance flow", flow.Select(f => f.MicrolitersPerHour))));
        return list;
    }

    private static List<(double Days, double MicrolitersPerHour)> BalanceFlow(ScenarioResult r)
    {
        var readings = r.BalanceReadings;
        var result = new List<(double, double)>();
        int window = (int)(3_600_000 / ScenarioRunner.BalanceIntervalMilliseconds);
        for (int i = window; i < readings.Count; i += Math.Max(1, readings.Count / 2000))
        {
            double mg = readings[i].Milligrams - readings[i - window].Milligrams;
            double hours = (readings[i].Time - readings[i - window].Time) / 3_600_000.0;
            result.Add((readings[i].Time / 86_400_000.0, mg / 0.998 / hours));
        }
        return result;
    }

    private static (string, string) Save(string folder, string file, string title, string unit, double[] xs, params (string Label, IEnumerable<double> Ys)[] series)
    {
        var plot = new ScottPlot.Plot();
        // Later series dashed and thinner, so one lying on another (computed on prescribed) still shows.
        var patterns = new[] { ScottPlot.LinePattern.Solid, ScottPlot.LinePattern.Dashed, ScottPlot.LinePattern.Dotted, ScottPlot.LinePattern.DenselyDashed };
        for (int i = 0; i < series.Length; i++)
        {
            var line = plot.Add.ScatterLine(xs, series[i].Ys.ToArray());
            line.LegendText = series[i].Label;
            line.LineWidth = i == 0 ? 3 : 2;
            line.LinePattern = patterns[i % patterns.Length];
        }
        plot.Title(title);
        plot.Axes.Bottom.Label.Text = "simulated days";
        plot.Axes.Left.Label.Text = unit;
        plot.ShowLegend(ScottPlot.Alignment.UpperLeft);
        plot.SavePng(Path.Combine(folder, file), Width, Height);
        return (file, title);
    }
}
