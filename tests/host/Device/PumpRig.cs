using OpenIdds.Firmware.Device;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;
using OpenIdds.Hal;
using OpenIdds.Hal.Storage;
using OpenIdds.Tests.Unit.Fakes;
using OpenIdds.Tests.Unit.Therapy;

namespace OpenIdds.Tests.Host.Device;

/// <summary>
/// One whole pump (the InfusionPump) on fake hardware over RAM flash, and the moves a test makes with
/// it: boot, run in pump time, refill, program, cut the power. The flash and the motor outlive a power
/// cut; the board's clock starts again at zero, as a real board's does.
/// </summary>
public sealed class PumpRig
{
    public const int PageSize = 4096;

    /// <param name="wrap">Puts a decorator between the pump and the flash (the power-cut harness watches every write).</param>
    /// <param name="setup">The firmware's set-up; default <see cref="SmallSetup"/> (a 4-page journal), or a board's, e.g. <c>new PumpSetup()</c>.</param>
    /// <param name="boot">False: no pump yet (the caller loads an image into <see cref="Flash"/> and calls <see cref="Boot"/>).</param>
    public PumpRig(PumpStage stage = PumpStage.Implanted, Func<RamFlash, INonVolatileStore>? wrap = null, ISerialLink? link = null, PumpSetup? setup = null, bool boot = true)
    {
        Link = link;
        Setup = setup ?? SmallSetup(stage);
        Flash = new RamFlash(PageSize, Setup.PagesNeeded, 10_000);
        Store = wrap?.Invoke(Flash) ?? Flash;
        Pump = boot ? Boot() : null!;
    }

    public PumpSetup Setup { get; }
    public RamFlash Flash { get; }
    public INonVolatileStore Store { get; }
    public FakeBoard Board { get; private set; } = new();
    public FakeMonotonicClock Clock => Board.Clock;
    public FakeMotor Motor { get; } = new();
    public FakeLevelSensor? LevelSensor { get; set; }
    /// <summary>A pressure sensor that outlives power cuts (the board's own, with its raw reading); null: a fresh fake each boot.</summary>
    public IPressureSensor? Pressure { get; set; }
    /// <summary>A motor seen through a decorator (e.g. one that records each pulse); null: <see cref="Motor"/> itself.</summary>
    public IMotorDriver? MotorDriver { get; set; }
    public ISerialLink? Link { get; set; }
    public InfusionPump Pump { get; private set; }

    /// <summary>The test device's factory agreement secret (KEY-AGREEMENT-NOT-WRAP); its public key is <see cref="LabelKey"/>.</summary>
    public static readonly byte[] AgreementSecret = System.Security.Cryptography.SHA256.HashData("TEST-0001 factory agreement secret"u8.ToArray());

    /// <summary>X25519(AgreementSecret, 9): what the test device's label shows.</summary>
    public static byte[] LabelKey
    {
        get
        {
            var label = new byte[OpenIdds.Firmware.Protocol.X25519.Bytes];
            OpenIdds.Firmware.Protocol.X25519.PublicKey(AgreementSecret, label);
            return label;
        }
    }

    /// <summary>A small flash layout (a 4-page journal) so tests and the power-cut harness stay fast.</summary>
    public static PumpSetup SmallSetup(PumpStage stage) => new()
    {
        DeviceId = "TEST-0001",
        AgreementSecret = AgreementSecret,
        Stage = stage,
        JournalFirstPage = 0, JournalPages = 4,
        EventFirstPage = 4, EventPages = 4,
        DiaryFirstPage = 8, DiaryPages = 3,
        KeyFirstPage = 11, KeyPages = 2,
        HasPressureSensor = stage == PumpStage.Trial,
    };

    /// <summary>Morphine 10 mg/mL at 20 uL/h: 4.8 mg/day, 80 steps an hour at 250 nL per step.</summary>
    public static Prescription Continuous(long microlitersPerHour = 20, PatientBolusSettings? bolus = null, long concentration = 10_000) =>
        Prescription.Continuous(TherapyFixture.Morphine(concentration), NanolitersPerHour.FromMicrolitersPerHour(microlitersPerHour), bolus);

    /// <summary>100 ug over 10 min, lockout 2 h, at most 4 per 24 h.</summary>
    public static PatientBolusSettings Pca() => new(new Micrograms(100), Milliseconds.FromMinutes(10), Milliseconds.FromHours(2), 4);

    public InfusionPump Boot(ResetCause cause = ResetCause.PowerOn)
    {
        Board = new FakeBoard();
        Setup.ResetCause = cause;
        var hardware = new PumpHardware(Board.Clock, MotorDriver ?? Motor, Pressure ?? Board.Pressure, LevelSensor, Board.Battery, Board.Annunciator, Board.Button, Store, Board.Watchdog, Link ?? Board.Link);
        Pump = new InfusionPump(hardware, Setup);
        return Pump;
    }

    /// <summary>Power off and on again: a new board clock from zero, the same flash and motor.</summary>
    public InfusionPump PowerCycle(ResetCause cause = ResetCause.PowerOn) => Boot(cause);

    /// <summary>Runs the two self-test ticks (and the resume tick after them).</summary>
    public InfusionPump PassSelfTest() => PassSelfTest(Pump, Clock);

    /// <summary>The same for a pump wired by hand on <paramref name="clock"/>.</summary>
    public static InfusionPump PassSelfTest(InfusionPump pump, FakeMonotonicClock clock)
    {
        pump.Tick();
        clock.ElapsedMilliseconds += 1;
        pump.Tick();
        pump.Tick();
        return pump;
    }

    /// <summary>Wakes the pump as a board would, until pump time reaches <paramref name="pumpTime"/>.</summary>
    public void RunTo(long pumpTime) => RunTo(Pump, Clock, pumpTime);

    /// <summary>The same for a pump wired by hand on <paramref name="clock"/>.</summary>
    public static void RunTo(InfusionPump pump, FakeMonotonicClock clock, long pumpTime)
    {
        while (pump.Now.Value < pumpTime)
        {
            long offset = pump.Now.Value - clock.ElapsedMilliseconds;
            long wake = Math.Min(pump.NextWake.Value, pumpTime);
            clock.ElapsedMilliseconds = Math.Max(clock.ElapsedMilliseconds + 1, wake - offset);
            pump.Tick();
        }
    }

    public void RunFor(Milliseconds span) => RunTo(Pump.Now.Value + span.Value);

    /// <summary>Fills the reservoir with <paramref name="milliliters"/> of morphine through a refill session.</summary>
    public RefillResult Fill(long milliliters = 20, long concentration = 10_000)
    {
        Nanoliters expected = Pump.BeginRefill();
        var result = Pump.CompleteRefill(expected, Nanoliters.FromMilliliters(milliliters), TherapyFixture.Morphine(concentration), PumpConfiguration.DefaultLowReservoir, confirmed: true);
        Assert.IsTrue(result.Report.Accepted, result.Report.ToString());
        return result;
    }

    /// <summary>Self-test passed, filled, programmed, and run past the priming bolus.</summary>
    public static PumpRig Running(Prescription? prescription = null, PumpStage stage = PumpStage.Implanted, ISerialLink? link = null)
    {
        var rig = new PumpRig(stage, link: link);
        rig.PassSelfTest();
        rig.Fill();
        var report = rig.Pump.Program(prescription ?? Continuous(bolus: Pca()), confirmed: true);
        Assert.IsTrue(report.Accepted, report.ToString());
        Assert.AreEqual(SafetyState.Running, rig.Pump.Supervisor.State);
        rig.RunTo(rig.Pump.Therapy.TipArrival.Value + 1);
        Assert.IsFalse(rig.Pump.Therapy.Flushing, "priming ended");
        return rig;
    }
}
