using OpenIdds.Firmware.Control;
using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Units;
using OpenIdds.Hal;
using OpenIdds.Simulator.Virtual;

namespace OpenIdds.Measurements;

/// <summary>
/// What the firmware holds and allocates: the managed memory the WHOLE pump (InfusionPump: therapy
/// with its 24 h ledger and diary, safety supervisor, journal buffers, event log, protocol endpoint
/// and its frame buffers) retains after start-up, measured as the heap after a full collection with
/// the board's hardware (flash included) built beforehand; the parts on their own; and the bytes
/// allocated per tick once running. Allocation counts come from the runtime's per-thread counter,
/// which sees every byte asked for.
/// </summary>
public static class FootprintRun
{
    private const int Warmup = 10_000;
    private const int Measured = 1_000_000;

    public static void Run()
    {
        WholePump();
        var starts = Enumerable.Range(0, FlexSchedule.MaxSteps).Select(i => new Milliseconds(i * 30 * Milliseconds.PerMinute)).ToArray();
        var rates = Enumerable.Range(0, FlexSchedule.MaxSteps).Select(i => new NanolitersPerHour(10_000 + i * 500)).ToArray();
        var quiet = new QuietHardware();

        long before = GC.GetAllocatedBytesForCurrentThread();
        var profile = new BolusOverlays(new FlexSchedule(starts, rates, Milliseconds.Zero));
        var pump = new PumpController(quiet.Hardware, new Calibration(31_250));
        pump.Start(profile);
        long core = GC.GetAllocatedBytesForCurrentThread() - before;
        Console.WriteLine($"footprint: core objects at start-up (pump controller, scheduler, 48-step flex schedule, bolus slots) = {core} bytes ({core / 1024.0:0.0} KiB) on .NET 10 x64");

        var quiet2 = new QuietHardware();
        long beforeSupervisor = GC.GetAllocatedBytesForCurrentThread();
        var supervisor = new OpenIdds.Firmware.Safety.SafetySupervisor(quiet2.Hardware, new Calibration(31_250), new OpenIdds.Firmware.Safety.SupervisorSettings { HasPressureSensor = false }, new OpenIdds.Firmware.Safety.AlarmEventRing(64), true);
        supervisor.Tick();
        quiet2.ElapsedMilliseconds = 1;
        supervisor.Tick();
        supervisor.Filled(Nanoliters.FromMilliliters(20));
        supervisor.Start(new BolusOverlays(new FlexSchedule(starts, rates, Milliseconds.Zero)), new NanolitersPerHour(40_000));
        long withSupervisor = GC.GetAllocatedBytesForCurrentThread() - beforeSupervisor;
        Console.WriteLine($"footprint: the whole safety supervisor at start-up (alarm table state, guard windows, detectors, controller, scheduler, 48-step flex, bolus slots) = {withSupervisor} bytes ({withSupervisor / 1024.0:0.0} KiB)");
        Console.WriteLine($"footprint: safety supervisor tick on allocation-free hardware, bytes per tick = {PerOperation(() => { quiet2.ElapsedMilliseconds = supervisor.NextWake.Value; supervisor.Tick(); }):0.000}");

        var scheduler = new DosingScheduler(profile, new Calibration(31_250), Milliseconds.Zero, Milliseconds.FromSeconds(2));
        Console.WriteLine($"footprint: scheduler alone, bytes allocated per step in steady state = {PerOperation(() => scheduler.Advance(scheduler.NextStepDue, out _)):0.000}");
        Console.WriteLine($"footprint: pump controller tick on allocation-free hardware, bytes per tick = {PerOperation(() => { quiet.ElapsedMilliseconds = pump.NextWake.Value; pump.Tick(); }):0.000}");

        var board = new VirtualBoard(31_250);
        var hostPump = new PumpController(board.Hardware, new Calibration(31_250));
        hostPump.Start(new BolusOverlays(new FlexSchedule(starts, rates, Milliseconds.Zero)));
        Console.WriteLine($"footprint: same tick through .NET IoT GpioController on the virtual pin driver (host only), bytes per tick = {PerOperation(() => { board.Clock.AdvanceTo(Math.Max(hostPump.NextWake.Value, board.Clock.ElapsedMilliseconds + 1)); hostPump.Tick(); }):0.000}");
    }

    /// <summary>The whole pump, programmed with a 12-step flex schedule and a patient bolus, as a board holds it.</summary>
    private static void WholePump()
    {
        var quiet = new QuietHardware();
        var setup = new OpenIdds.Firmware.Device.PumpSetup { HasPressureSensor = false };
        var flash = new OpenIdds.Hal.Storage.RamFlash(4096, setup.PagesNeeded, 10_000);
        var hardware = new PumpHardware(quiet, quiet, quiet, null, quiet, quiet, quiet, flash, quiet, quiet);
        var starts = Enumerable.Range(0, OpenIdds.Firmware.Therapy.Prescription.MaxFlexSteps).Select(i => new Milliseconds(i * 2 * Milliseconds.PerHour)).ToArray();
        var rates = Enumerable.Range(0, OpenIdds.Firmware.Therapy.Prescription.MaxFlexSteps).Select(i => new NanolitersPerHour(2_000 + i * 100)).ToArray();
        var drug = new OpenIdds.Firmware.Therapy.Drug("morphine", new MicrogramsPerMilliliter(10_000));
        var flex = OpenIdds.Firmware.Therapy.Prescription.Flex(drug, starts, rates, new OpenIdds.Firmware.Therapy.PatientBolusSettings(new Micrograms(50), Milliseconds.FromMinutes(10), Milliseconds.FromHours(2), 4));

        long heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var pump = new OpenIdds.Firmware.Device.InfusionPump(hardware, setup);
        pump.Tick();
        quiet.ElapsedMilliseconds = 1;
        pump.Tick();
        var expected = pump.BeginRefill();
        pump.CompleteRefill(expected, Nanoliters.FromMilliliters(20), drug, Nanoliters.FromMilliliters(2), true);
        var report = pump.Program(flex, true);
        if (!report.Accepted) throw new InvalidOperationException("footprint prescription refused: " + report);
        for (int i = 0; i < 10_000; i++) { quiet.ElapsedMilliseconds = Math.Max(quiet.ElapsedMilliseconds + 1, pump.NextWake.Value); pump.Tick(); }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        long retained = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        GC.KeepAlive(pump);
        Console.WriteLine($"footprint: the whole pump (InfusionPump) retains {retained} bytes ({retained / 1024.0:0.0} KiB) of managed heap after start-up, programming and 10,000 ticks (allocated on the way: {allocated} bytes); .NET 10 x64");
        // 200,000 ticks of up to 30 s are about 60 days: inside the 20 mL reservoir's life at this rate (its empty alarm would be an event, not steady state).
        Console.WriteLine($"footprint: the whole pump's tick in steady state (journal writes, hourly events and link polling included), bytes per tick = {PerOperation(() => { quiet.ElapsedMilliseconds = Math.Max(quiet.ElapsedMilliseconds + 1, pump.NextWake.Value); pump.Tick(); }, 200_000):0.000}");
    }

    private static double PerOperation(Action operation, int measured = Measured)
    {
        for (int i = 0; i < Warmup; i++) operation();
        long start = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < measured; i++) operation();
        return (double)(GC.GetAllocatedBytesForCurrentThread() - start) / measured;
    }

    /// <summary>Hardware that does nothing and allocates nothing, so only the core is measured.</summary>
    private sealed class QuietHardware : IMonotonicClock, IMotorDriver, IPressureSensor, IBatteryMonitor, IAnnunciator, IPatientButton, INonVolatileStore, IWatchdog, ISerialLink
    {
        public QuietHardware() { Hardware = new PumpHardware(this, this, this, null, this, this, this, this, this, this); }
        public PumpHardware Hardware { get; }
        public long ElapsedMilliseconds { get; set; }
        public bool Enabled { get; private set; }
        public MotorDirection Direction { get; private set; }
        public long CompletedSteps { get; private set; }
        public bool CanDetectStall => true;
        public bool Stalled => false;
        public void Enable() => Enabled = true;
        public void Disable() => Enabled = false;
        public void SetDirection(MotorDirection direction) => Direction = direction;
        public void Step() => CompletedSteps++;
        public SensorStatus Read(out int value) { value = 3600; return SensorStatus.Ok; }
        public long ConsumedMicroampereHours => 0;
        public void Annunciate(AlarmPriority priority, bool audible) { }
        public int TakePresses() => 0;
        public int PageSize => 256;
        public int PageCount => 1;
        public int RatedEraseCycles => 10_000;
        public void Read(int page, int offset, byte[] buffer, int index, int count) { }
        public void Erase(int page) { }
        public void Write(int page, int offset, byte[] data, int index, int count) { }
        public void Arm(int timeoutMilliseconds) { }
        public void Kick() { }
        public int Read(byte[] buffer, int offset, int count) => 0;
        public void Write(byte[] buffer, int offset, int count) { }
    }
}
