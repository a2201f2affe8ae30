using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Persistence;
using OpenIdds.Firmware.Units;
using OpenIdds.Hal;
using OpenIdds.Hal.Storage;
using OpenIdds.Tests.Unit.Fakes;

namespace OpenIdds.Tests.Host.Persistence;

/// <summary>
/// The fault-injection harness. It runs a multi-day therapy (basal, a patient bolus, a reprogramming,
/// a refill-style stop and restart) on a journaled pump over RAM flash, and at chosen writes it takes
/// the chip as a power cut would leave it - the write stopped after any number of its bytes, or an
/// erase stopped half-way - recovers a new pump from that image, and checks the invariants:
/// nothing the motor did is missing from the records, nothing is counted beyond one intent window,
/// the resumed schedule never repeats a step, a bolus in progress keeps its end time, and the reset is
/// logged. The reference run is never disturbed, so every cut point costs one recovery, not a re-run.
/// </summary>
public sealed class PowerCutHarness
{
    public const int PageSize = 4096;
    public const int JournalPages = 4;
    public const int EventPages = 4;
    public const int SlotBytes = 256;
    public static readonly Calibration Calibration = new(250_000);

    /// <summary>Which cut points to try: every byte of every write (full sweep) or a spread subset (the suite).</summary>
    public bool EveryByte { get; init; }

    public int CutPointsTried { get; private set; }
    public int WritesSeen { get; private set; }
    public List<string> Failures { get; } = new();

    private FakeClock _clock = null!;
    private FakeMotor _motor = null!;
    private JournaledPump _pump = null!;
    private long _bolusEnd = long.MinValue;

    public void Run(int days)
    {
        var flash = new RamFlash(PageSize, JournalPages + EventPages, 10_000);
        var probe = new CutProbe(flash, this);
        _clock = new FakeClock();
        _motor = new FakeMotor();
        _pump = Boot(probe, _clock, _motor);
        _pump.Program(new ConstantRate(new NanolitersPerHour(100_000)));
        long end = days * Milliseconds.PerDay;
        bool bolused = false, reprogrammed = false, refilled = false;
        while (_clock.ElapsedMilliseconds < end)
        {
            long t = _clock.ElapsedMilliseconds;
            if (!bolused && t >= 10 * Milliseconds.PerHour)
            {
                _pump.Bolus(Milliseconds.FromMinutes(30), new NanolitersPerHour(100_000), patient: true);
                _bolusEnd = _pump.Clock.ElapsedMilliseconds + Milliseconds.FromMinutes(30).Value;
                bolused = true;
            }
            if (!refilled && t >= 30 * Milliseconds.PerHour)
            {
                _pump.Refilled(Nanoliters.FromMilliliters(20), "morphine", new MicrogramsPerMilliliter(10_000));
                refilled = true;
            }
            if (!reprogrammed && t >= Milliseconds.PerDay)
            {
                _pump.Program(new FlexSchedule(new[] { Milliseconds.FromHours(6), Milliseconds.FromHours(22) },
                    new[] { new NanolitersPerHour(150_000), new NanolitersPerHour(50_000) }, Milliseconds.FromHours(8)));
                reprogrammed = true;
            }
            _clock.ElapsedMilliseconds = Math.Max(t + 1, _pump.NextWake.Value);
            _pump.Tick();
        }
    }

    private static JournaledPump Boot(INonVolatileStore store, FakeClock clock, FakeMotor motor)
    {
        var board = new FakeBoard();
        var hardware = new PumpHardware(clock, motor, board.Pressure, null, board.Battery, board.Annunciator, board.Button, store, board.Watchdog, board.Link);
        return new JournaledPump(hardware, new Journal(store, 0, JournalPages, SlotBytes), new EventLog(store, JournalPages, EventPages), Calibration, JournaledPump.DefaultIntentWindow);
    }

    /// <summary>Called before every write reaches the chip: tries the cut points inside it.</summary>
    private void BeforeWrite(RamFlash flash, int page, int offset, byte[] data, int index, int count)
    {
        WritesSeen++;
        bool sample = EveryByte || WritesSeen % 7 == 1;
        int[] cuts = EveryByte || (sample && WritesSeen < 40)
            ? Enumerable.Range(0, count + 1).ToArray()
            : sample ? new[] { 0, 1, count / 2, count - 1, count } : new[] { 0, count };
        foreach (int bytes in cuts)
        {
            byte[] image = flash.Image();
            for (int i = 0; i < bytes; i++) image[page * PageSize + offset + i] &= data[index + i];
            Check(image, $"write {WritesSeen} cut after {bytes} of {count} bytes");
        }
    }

    private void BeforeErase(RamFlash flash, int page)
    {
        byte[] image = flash.Image();
        for (int i = 0; i < PageSize / 2; i++) image[page * PageSize + i] = 0xFF;
        Check(image, $"erase of page {page} cut half-way (after write {WritesSeen})");
    }

    private void Check(byte[] image, string where)
    {
        CutPointsTried++;
        long truth = _motor.CompletedSteps;
        var flash = new RamFlash(PageSize, JournalPages + EventPages, 10_000);
        flash.Load(image);
        var clock = new FakeClock();
        var motor = new FakeMotor();
        var recovered = Boot(flash, clock, motor);
        if (WritesSeen > 2 && !recovered.Recovered) { Failures.Add($"{where}: nothing recovered"); return; }
        long recorded = recovered.StepsRecorded;
        long windowSteps = 12 * 400 / 60 * 10;   // the fastest rate here (1.2 mL/h incl. bolus) for 10 min, in steps
        if (recorded < truth) Failures.Add($"{where}: {truth} steps made but only {recorded} recorded (a delivered dose lost)");
        if (recorded > truth + windowSteps) Failures.Add($"{where}: {recorded} recorded for {truth} made (counted beyond one intent window)");
        if (!recovered.StorageValid) Failures.Add($"{where}: a torn write was taken for damage");
        if (recovered.Recovered)
        {
            if (WritesSeen > 1 && _reset(recovered) == false) Failures.Add($"{where}: the reset was not logged");
            if (recovered.Pump.StepsTaken != recorded) Failures.Add($"{where}: resumed at {recovered.Pump.StepsTaken}, not at the recorded {recorded}");
            var next = recovered.Pump.Scheduler?.NextStepDue.Value ?? long.MaxValue;
            if (next <= recovered.Clock.ElapsedMilliseconds) Failures.Add($"{where}: a step is due at once after the reset (a repeat)");
        }
        // A bolus in progress at the cut must end when it was going to, not restart.
        if (recovered.Recovered && _bolusEnd > recovered.Clock.ElapsedMilliseconds && _pump.Pump.Scheduler != null)
        {
            var profile = recovered.Pump.Scheduler?.Profile as BolusOverlays;
            bool found = false;
            for (int s = 0; profile != null && s < BolusOverlays.Capacity; s++)
                if (profile.TryGet(s, out _, out var end, out _) && end.Value == _bolusEnd) found = true;
            if (!found) Failures.Add($"{where}: the bolus in progress was not restored with its end time");
        }
    }

    /// <summary>True when the recovered pump's event log ends with its own reset.</summary>
    private static bool _reset(JournaledPump recovered) => recovered.LastEvent == EventKind.Reset;

    /// <summary>A store decorator that lets the harness see each write and erase before the chip does.</summary>
    private sealed class CutProbe(RamFlash flash, PowerCutHarness harness) : INonVolatileStore
    {
        public int PageSize => flash.PageSize;
        public int PageCount => flash.PageCount;
        public int RatedEraseCycles => flash.RatedEraseCycles;
        public void Read(int page, int offset, byte[] buffer, int index, int count) => flash.Read(page, offset, buffer, index, count);
        public void Erase(int page) { harness.BeforeErase(flash, page); flash.Erase(page); }
        public void Write(int page, int offset, byte[] data, int index, int count) { harness.BeforeWrite(flash, page, offset, data, index, count); flash.Write(page, offset, data, index, count); }
    }
}
