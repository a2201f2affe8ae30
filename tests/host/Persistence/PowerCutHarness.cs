using OpenIdds.Firmware.Device;
using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Persistence;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;
using OpenIdds.Hal;
using OpenIdds.Hal.Storage;
using OpenIdds.Tests.Host.Device;
using OpenIdds.Tests.Unit.Therapy;

namespace OpenIdds.Tests.Host.Persistence;

/// <summary>
/// The fault-injection harness. It runs a multi-day therapy on the whole pump (fill, basal, a patient
/// bolus, a refill, a reprogramming to flex) over RAM flash, and at chosen writes it takes the chip as
/// a power cut would leave it - the write stopped after any number of its bytes, or an erase stopped
/// half-way - boots a new pump from that image, and checks the invariants:
/// - nothing the motor did is missing from the records, and nothing is counted beyond one intent window;
/// - the resumed schedule never repeats a step;
/// - a bolus in progress keeps its end time; a journaled grant keeps its lockout;
/// - the rolling 24 h dose is never lower than what was delivered;
/// - the reservoir is the fill before or after a refill, never something else;
/// - a torn write is never mistaken for damage, and the reset is logged;
/// - a second boot of the chip the first boot left agrees with it (weak bits read afresh).
/// Two flash models (NOR-FLASH-TEAR, <see cref="NorFlashTear"/>): byte-prefix cuts (a write stopped
/// after N whole bytes, an erase half done) and, with <see cref="NorTears"/>, NOR tears drawn from a
/// seed (any subset of a program's bits cleared and some weak; a cut erase leaves any bits, some weak).
/// A torn erase may end in the storage fault (TORN-ERASE-REERASED: a slot of the page reads as a later
/// record); that is counted as a stop, checked to be the safe state on both boots, not a failure.
/// The reference run is never disturbed, so every cut point costs two recoveries, not a re-run.
/// </summary>
public sealed class PowerCutHarness
{
    /// <summary>Which cut points to try: every byte of every write (full sweep) or a spread subset (the suite).</summary>
    public bool EveryByte { get; init; }

    /// <summary>
    /// A sweep in phases: only the writes whose number is <see cref="Phase"/> modulo this get the whole
    /// treatment - every byte with <see cref="EveryByte"/>, the NOR tears, and the NOR tears of an erase
    /// right after them. With <see cref="EveryByte"/> every other write is cut where a cut changes what the
    /// slot reads as (before it, after its first byte and its second - the magic 'O', then the commit byte
    /// still erased - 2 and 1 bytes short, whole), and every erase half-way. Runs at phases 0 .. Stride - 1
    /// together cut every byte of every write and tear every write and erase.
    /// </summary>
    public int Stride { get; init; } = 1;
    public int Phase { get; init; }

    /// <summary>NOR tears tried at each write (0: byte-prefix cuts only); each erase gets four times as many.</summary>
    public int NorTears { get; init; }

    /// <summary>When set, NOR tears only (no byte-prefix cuts).</summary>
    public bool NorOnly { get; init; }

    /// <summary>Cut points are tried only in writes numbered in this range (and the erases after them): a slice of a sweep.</summary>
    public int FirstWrite { get; init; } = 1;
    public int LastWrite { get; init; } = int.MaxValue;

    /// <summary>When set, a line of progress (write, cut points, wall and CPU seconds) every 500 writes goes to this file, as it happens.</summary>
    public string? ProgressFile { get; init; }

    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

    private bool InSlice => WritesSeen >= FirstWrite && WritesSeen <= LastWrite;

    private bool InPhase => WritesSeen % Stride == Phase;

    public int CutPointsTried { get; private set; }
    /// <summary>The byte-prefix cut points every byte of every write and every erase would be (what the phases of a strided sweep cover together).</summary>
    public long ByteCutPointsInAll { get; private set; }
    public int TearsTried { get; private set; }
    public int EraseTearsTried { get; private set; }
    /// <summary>Cut points after which the pump came up in the storage fault (the safe state) instead of resuming.</summary>
    public int Stops { get; private set; }
    /// <summary>Cut points whose chip held weak bits at the first boot.</summary>
    public int WithWeakBits { get; private set; }
    public int WritesSeen { get; private set; }
    public List<string> Failures { get; } = new();

    private PumpRig _rig = null!;
    private long _bolusEnd = long.MinValue;
    private long _bolusGrant = long.MinValue;
    private int _grantJournaledAtWrite = int.MaxValue;
    private int _refillJournaledAtWrite = int.MaxValue;
    private static readonly long FillBefore = Nanoliters.FromMilliliters(20).Value;
    private static readonly long FillAfter = Nanoliters.FromMilliliters(18).Value;
    private bool _armed;
    private bool _refilling;

    /// <summary>Morphine 1 mg/mL: 100 uL/h is 2.4 mg a day; a 20 ug patient bolus over 10 minutes.</summary>
    private const long Concentration = 1000;
    private static readonly PatientBolusSettings Pca = new(new Micrograms(20), Milliseconds.FromMinutes(10), Milliseconds.FromHours(2), 4);

    /// <summary>One step of drug: the ideal integral the ledger keeps and the steps the motor makes differ by less.</summary>
    private const long StepNanograms = 250 * Concentration / 1000;

    /// <summary>The steps the reference pump's profile can fall due in one intent window from now, plus one: what a record may count ahead.</summary>
    private long WindowSteps()
    {
        var now = _rig.Pump.Now;
        var peak = PeakRate.Of(_rig.Pump.Therapy.Profile, now, _rig.Setup.IntentWindow);
        return peak.Value * _rig.Setup.IntentWindow.Value / Milliseconds.PerHour / 250 + 1;
    }

    public void Run(int days)
    {
        _rig = new PumpRig(wrap: flash => new CutProbe(flash, this));
        _rig.PassSelfTest();
        _rig.Fill(20, Concentration);
        Expect(_rig.Pump.Program(PumpRig.Continuous(100, Pca, Concentration), true));
        _armed = true;
        long end = days * Milliseconds.PerDay;
        bool bolused = false, reprogrammed = false, refilled = false;
        while (_rig.Pump.Now.Value < end)
        {
            long t = _rig.Pump.Now.Value;
            if (!bolused && t >= 10 * Milliseconds.PerHour)
            {
                Expect(_rig.Pump.RequestPatientBolus());
                _bolusGrant = _rig.Pump.Now.Value;
                _bolusEnd = _bolusGrant + Milliseconds.FromMinutes(10).Value;
                _grantJournaledAtWrite = WritesSeen;
                bolused = true;
            }
            if (!refilled && t >= 30 * Milliseconds.PerHour)
            {
                Nanoliters expected = _rig.Pump.BeginRefill();
                _refilling = true;
                Expect(_rig.Pump.CompleteRefill(expected, new Nanoliters(FillAfter), TherapyFixture.Morphine(Concentration), PumpConfiguration.DefaultLowReservoir, true).Report);
                _refillJournaledAtWrite = WritesSeen;
                _refilling = false;
                refilled = true;
            }
            if (!reprogrammed && t >= Milliseconds.PerDay)
            {
                Expect(_rig.Pump.Program(Prescription.Flex(TherapyFixture.Morphine(Concentration), new[] { Milliseconds.FromHours(6), Milliseconds.FromHours(22) },
                    new[] { NanolitersPerHour.FromMicrolitersPerHour(100), NanolitersPerHour.FromMicrolitersPerHour(50) }, Pca), true));
                reprogrammed = true;
            }
            _rig.RunTo(Math.Min(end, Math.Max(t + 1, _rig.Pump.NextWake.Value)));
        }
    }

    private static void Expect(CheckReport report)
    {
        if (!report.Accepted) throw new InvalidOperationException("the harness's own therapy was refused: " + report);
    }

    /// <summary>Called before every write reaches the chip: tries the cut points inside it.</summary>
    private void BeforeWrite(int page, int offset, byte[] data, int index, int count)
    {
        WritesSeen++;
        if (ProgressFile != null && WritesSeen % 500 == 0)
            File.AppendAllText(ProgressFile, $"write {WritesSeen}: {CutPointsTried} cut points, {Failures.Count} failures, {_clock.Elapsed.TotalSeconds:F1} s ({System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:F1} s of CPU){Environment.NewLine}");
        if (!_armed || !InSlice) return;
        ByteCutPointsInAll += count + 1;
        bool sample = WritesSeen % 7 == 1;
        int[] cuts = EveryByte && InPhase ? Enumerable.Range(0, count + 1).ToArray()
            : EveryByte ? new[] { 0, 1, 2, count - 2, count - 1, count }.Where(b => b >= 0 && b <= count).Distinct().ToArray()
            : sample && WritesSeen < 60 ? Enumerable.Range(0, count + 1).Where(b => count <= 64 || b % 16 == 0 || b >= count - 2).ToArray()
            : sample ? new[] { 0, 1, 2, count / 4, count / 2, 3 * count / 4, count - 2, count - 1, count }.Where(b => b >= 0 && b <= count).Distinct().ToArray()
            : new[] { 0, count };
        if (!NorOnly)
        {
            foreach (int bytes in cuts)
            {
                byte[] image = _rig.Flash.Image();
                for (int i = 0; i < bytes; i++) image[page * PumpRig.PageSize + offset + i] &= data[index + i];
                Check(image, null, $"write {WritesSeen} cut after {bytes} of {count} bytes", false);
            }
        }
        int tears = !InPhase ? 0 : sample || EveryByte ? NorTears * 4 : NorTears;
        for (int t = 0; t < tears; t++)
        {
            int seed = WritesSeen * 1000 + t;
            Check(_rig.Flash.Image(), f => f.TearWrite(page, offset, data, index, count, seed), $"write {WritesSeen} ({count} bytes) torn, seed {seed}", false);
            TearsTried++;
        }
    }

    private void BeforeErase(int page)
    {
        if (!_armed || !InSlice) return;
        ByteCutPointsInAll++;
        if (!NorOnly)
        {
            byte[] image = _rig.Flash.Image();
            for (int i = 0; i < PumpRig.PageSize / 2; i++) image[page * PumpRig.PageSize + i] = 0xFF;
            Check(image, null, $"erase of page {page} cut half-way (after write {WritesSeen})", false);
        }
        for (int t = 0; InPhase && t < NorTears * 4; t++)
        {
            int seed = 1_000_000_000 + WritesSeen * 1000 + t;
            Check(_rig.Flash.Image(), f => f.TearErase(page, seed), $"erase of page {page} torn (after write {WritesSeen}), seed {seed}", true);
            EraseTearsTried++;
        }
    }

    private void Check(byte[] image, Action<RamFlash>? tear, string where, bool erase)
    {
        CutPointsTried++;
        long truth = _rig.Motor.CompletedSteps;
        var copy = new PumpRig(boot: false);
        copy.Flash.Load(image);
        tear?.Invoke(copy.Flash);
        if (copy.Flash.HasWeakBits) WithWeakBits++;
        copy.Flash.SeedReads(CutPointsTried);
        // Booted as after a glitch (brown-out), so a bolus in progress must come back with its end time;
        // after a real power-off it is abandoned instead (BOLUS-ABANDONED-AFTER-OUTAGE, BolusAbandonTests).
        var first = copy.Boot(OpenIdds.Firmware.Safety.ResetCause.BrownOut);
        // The chip as the first boot left it, booted again with its weak bits read afresh: the same outcome.
        copy.Flash.SeedReads(CutPointsTried + 7_777_777);
        var pump = copy.Boot(OpenIdds.Firmware.Safety.ResetCause.BrownOut);
        if (first.StorageValid != pump.StorageValid || first.Recovered != pump.Recovered || first.StepsRecorded != pump.StepsRecorded || first.Now.Value < pump.Now.Value - 1 || first.Now.Value > pump.Now.Value)
        {
            Failures.Add($"{where}: two boots disagree (storage valid {first.StorageValid}/{pump.StorageValid}, {first.StepsRecorded}/{pump.StepsRecorded} steps recorded, pump time {first.Now.Value}/{pump.Now.Value} ms)");
            return;
        }
        if (!pump.Recovered) { Failures.Add($"{where}: nothing recovered"); return; }
        if (!pump.StorageValid)
        {
            if (!erase) { Failures.Add($"{where}: a torn write was taken for damage"); return; }
            // A stop: the storage fault, the safe state, and still latched at the next boot.
            Stops++;
            copy.PassSelfTest();
            if (pump.Supervisor.State != OpenIdds.Firmware.Safety.SafetyState.SafeState || copy.Motor.Enabled) Failures.Add($"{where}: storage fault but not the safe state");
            var after = copy.PowerCycle();
            copy.PassSelfTest();
            if (!after.Supervisor.Alarms.IsShown(OpenIdds.Firmware.Safety.AlarmCode.StorageFault)) Failures.Add($"{where}: the storage fault was not latched at the next boot");
            return;
        }
        long recorded = pump.StepsRecorded;
        if (recorded < truth) Failures.Add($"{where}: {truth} steps made but only {recorded} recorded (a delivered dose lost)");
        if (recorded > truth + WindowSteps()) Failures.Add($"{where}: {recorded} recorded for {truth} made (counted beyond one intent window)");
        if (!LoggedReset(pump)) Failures.Add($"{where}: the reset was not logged");
        if (pump.Controller.StepsTaken != recorded) Failures.Add($"{where}: restored at {pump.Controller.StepsTaken} steps, not at the recorded {recorded}");

        // The therapy as the records left it, brought up to the pump time the reset resumes at.
        long now = pump.Now.Value;
        pump.Therapy.Tick(pump.Now);
        long reference = _rig.Pump.Therapy.Ledger.InLast24Hours(new Milliseconds(now)).Value;
        long restored = pump.Therapy.Ledger.InLast24Hours(new Milliseconds(now)).Value;
        if (restored < reference - StepNanograms) Failures.Add($"{where}: rolling 24 h dose {restored} ng after the reset, more than one step below the {reference} ng delivered");
        // At or after the write that journaled it: an erase cut later, before the next write, sees the same count.
        if (WritesSeen >= _grantJournaledAtWrite && pump.Therapy.LastPatientBolus.Value != _bolusGrant) Failures.Add($"{where}: the journaled bolus grant (lockout) was lost");
        long fill = pump.Supervisor.Fill.Value;
        long expectedFill = WritesSeen >= _refillJournaledAtWrite ? FillAfter : FillBefore;
        // While the refill's own writes are in flight, either fill is a committed state.
        if (fill != expectedFill && !(_refilling && (fill == FillBefore || fill == FillAfter)))
            Failures.Add($"{where}: reservoir fill {fill} nL; the records say {expectedFill} nL ({(WritesSeen >= _refillJournaledAtWrite ? "after" : "before")} the refill)");

        // A bolus in progress at the cut must end when it was going to, not restart.
        bool bolusRunning = _bolusEnd > now && WritesSeen > _grantJournaledAtWrite;
        if (bolusRunning)
        {
            bool found = false;
            for (int s = 0; s < BolusOverlays.Capacity; s++)
                if (pump.Therapy.Profile.TryGet(s, out _, out var e, out _) && e.Value == _bolusEnd) found = true;
            if (!found) Failures.Add($"{where}: the bolus in progress was not restored with its end time");
        }

        // Resume: after the self-test, no step is due that the records already vouched for.
        copy.PassSelfTest();
        long resumed = pump.Controller.StepsTaken - recorded;
        if (resumed > 1) Failures.Add($"{where}: {resumed} steps taken at once after the reset (a repeat)");

        // A torn slot must stay harmless after the journal moves past it: run on, reset again.
        if (CutPointsTried % 5 == 0)
        {
            copy.RunFor(Milliseconds.FromMinutes(45));
            var again = copy.PowerCycle();
            if (!again.StorageValid) Failures.Add($"{where}: after recovering, running on and resetting again, the old torn slot was taken for damage");
        }
    }

    private static bool LoggedReset(InfusionPump pump)
    {
        for (uint s = pump.Events.Newest; s >= pump.Events.Oldest && s > 0; s--)
            if (pump.Events.Read(s, out var kind, out _, out _, out _) && kind == EventKind.Reset) return true;
        return false;
    }

    /// <summary>A store decorator that lets the harness see each write and erase before the chip does.</summary>
    private sealed class CutProbe(RamFlash flash, PowerCutHarness harness) : INonVolatileStore
    {
        public int PageSize => flash.PageSize;
        public int PageCount => flash.PageCount;
        public int RatedEraseCycles => flash.RatedEraseCycles;
        public void Read(int page, int offset, byte[] buffer, int index, int count) => flash.Read(page, offset, buffer, index, count);
        public void Erase(int page) { harness.BeforeErase(page); flash.Erase(page); }
        public void Write(int page, int offset, byte[] data, int index, int count) { harness.BeforeWrite(page, offset, data, index, count); flash.Write(page, offset, data, index, count); }
    }
}
