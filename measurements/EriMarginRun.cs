using System.Globalization;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Units;
using OpenIdds.Hal;

namespace OpenIdds.Measurements;

/// <summary>
/// ERI-MARGIN, measured: for each programmed rate, step size and cell capacity, a cell drawing the
/// real (fractional) charge of its steps, its quiescent current and the catheter checks' readings (as many as
/// the firmware's <see cref="CatheterIntegrityMonitor"/> takes at that rate, CATHETER-BURST-IN-ERI) hour by hour, and the firmware's
/// <see cref="BatteryLifeMonitor"/> updated every hour with the daily charge the supervisor models.
/// Prints the days from elective replacement to end of service per rate and the worst case over all
/// runs: the promise is at least 90.
/// </summary>
public static class EriMarginRun
{
    private sealed class Cell : IBatteryMonitor
    {
        public double Consumed;
        public long ConsumedMicroampereHours => (long)Consumed;
        public SensorStatus Read(out int millivolts) { millivolts = 3600; return SensorStatus.Ok; }
    }

    public static void Run()
    {
        var settings = new SupervisorSettings();
        long[] ratesNanolitersPerHour = [2_000, 3_000, 5_000, 10_000, 20_000, 50_000, 100_000, 250_000, 1_000_000];
        long[] picolitersPerStep = [62_500, 125_000, 249_999, 250_000, 500_000];
        long[] capacities = [500_000, 1_000_000, 2_000_000, 3_000_000];
        double worst = double.MaxValue;
        string worstCase = "";
        Console.WriteLine("ERI-MARGIN: days from ERI to EOS, hourly updates, the cell drawing its real fractional charge");
        Console.WriteLine($"{"rate uL/h",10} {"fewest days",12} {"most days",10} {"check samples/day",18} {"modelled",9}");
        foreach (long rate in ratesNanolitersPerHour)
        {
            double fewest = double.MaxValue, most = 0;
            long samplesMost = 0, modelledMost = 0;
            foreach (long pl in picolitersPerStep)
            {
            long samplesPerDay = CheckSamplesPerDay(rate, pl);
            samplesMost = Math.Max(samplesMost, samplesPerDay);
            modelledMost = Math.Max(modelledMost, CatheterBurstCharge.ReadingsPerDayAtMost(new NanolitersPerHour(rate)));
            foreach (long capacity in capacities)
            {
                var cell = new Cell();
                var monitor = new BatteryLifeMonitor(cell, capacity);
                long daily = SafetySupervisor.DailyChargeMicroampereHours(new NanolitersPerHour(rate), pl, settings);
                double perHour = rate * 1000.0 / pl * settings.StepNanoampereHours / 1000 + settings.QuiescentMicroamperes
                    + samplesPerDay / 24.0 * settings.CatheterSamplePicoampereHours / 1e6;
                long eri = -1, eos = -1;
                for (long hour = 1; eos < 0; hour++)
                {
                    cell.Consumed += perHour;
                    monitor.Update(daily);
                    if (eri < 0 && monitor.ElectiveReplacement) eri = hour;
                    if (monitor.EndOfService) eos = hour;
                }
                double days = (eos - eri) / 24.0;
                fewest = Math.Min(fewest, days);
                most = Math.Max(most, days);
                if (days < worst) { worst = days; worstCase = $"{rate / 1000.0} uL/h, {pl / 1000.0} nL/step, {capacity / 1000} mAh"; }
            }
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rate / 1000.0,10:0.###} {fewest,12:F2} {most,10:F2} {samplesMost,18} {modelledMost,9}"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"worst case: {worst:F2} days from ERI to EOS ({worstCase}); the limit is 90"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"catheter check: {settings.CatheterSamplePicoampereHours} pAh a reading; samples/day = the firmware's monitor (bursts and decay readings) over two days of steady strokes (max over step sizes), modelled = its daily charge's bound"));
    }

    /// <summary>
    /// The readings the firmware's catheter check takes a day at a steady rate - burst samples and LINE-RESISTANCE-RISE's
    /// decay readings - woken at each reading it asks for and at each stroke, told the next stroke as the supervisor
    /// tells it (CATHETER-BURST-IN-A-GAP); each stroke raises the line by its volume over the line's compliance (0.2 nL/Pa),
    /// drained by the next reading.
    /// </summary>
    private static long CheckSamplesPerDay(long rate, long picolitersPerStep)
    {
        var monitor = new CatheterIntegrityMonitor(Milliseconds.Zero);
        double interval = rate == 0 ? double.MaxValue : 3_600_000.0 * picolitersPerStep / 1000 / rate;
        double nextStroke = interval;
        int jumpPascals = (int)(picolitersPerStep / 1000 / 0.2);
        const long Days = 2;
        while (true)
        {
            long now = Math.Min(monitor.NextWake.Value, (long)Math.Min(nextStroke, long.MaxValue / 2));
            if (now >= Days * Milliseconds.PerDay) break;
            int strokes = 0;
            while ((long)nextStroke <= now) { strokes++; nextStroke += interval; }
            int before = 1333 + (int)(now % 7);
            var next = new Milliseconds((long)Math.Min(Math.Ceiling(nextStroke), long.MaxValue / 2));
            monitor.Observe(new Milliseconds(now), true, before, strokes, next);
            monitor.Resistance.Observe(new Milliseconds(now), true, before, true, before + strokes * jumpPascals, strokes);
        }
        return monitor.SamplesTaken / Days;
    }
}
