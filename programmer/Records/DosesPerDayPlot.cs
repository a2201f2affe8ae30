namespace OpenIdds.Programmer.Records;

/// <summary>The doses per day as a bar chart (PNG): the drug mass that reached the catheter tip each pump day, ug.</summary>
public static class DosesPerDayPlot
{
    public const int Width = 900, Height = 320;

    public static byte[] Png(IReadOnlyList<DailyDelivery> days, string drug)
    {
        var plot = new ScottPlot.Plot();
        var bars = plot.Add.Bars(days.Select(d => (double)d.Day).ToArray(), days.Select(d => d.Nanograms / 1000.0).ToArray());
        bars.Color = ScottPlot.Colors.SteelBlue;
        plot.Axes.Margins(bottom: 0);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Font.Set("DejaVu Sans");
        plot.Title($"Dose per day at the catheter tip{(drug.Length == 0 ? "" : ": " + drug)}");
        plot.Axes.Bottom.Label.Text = "pump day (day 0 = installation; the last day is partial)";
        plot.Axes.Left.Label.Text = "ug";
        return plot.GetImageBytes(Width, Height, ScottPlot.ImageFormat.Png);
    }
}
