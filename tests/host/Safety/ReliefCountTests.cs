using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;
using OpenIdds.Hal;
using OpenIdds.Tests.Host.Device;
using OpenIdds.Tests.Unit.Fakes;

namespace OpenIdds.Tests.Host.Safety;

/// <summary>
/// RELIEF-COUNTED-ONCE: the paced reverse strokes of an occlusion relief (OCCLUSION-RELIEF-PACED) are each
/// given once - never repeated and never dropped, across a reset too - and never counted as delivery.
/// </summary>
[TestClass]
public class ReliefCountTests
{
    /// <summary>The motor as the board drives it, counting forward and reverse pulses that moved it.</summary>
    private sealed class PulseCount(FakeMotor motor) : IMotorDriver
    {
        public long Forward { get; private set; }
        public long Reverse { get; private set; }
        public bool Enabled => motor.Enabled;
        public void Enable() => motor.Enable();
        public void Disable() => motor.Disable();
        public MotorDirection Direction => motor.Direction;
        public void SetDirection(MotorDirection direction) => motor.SetDirection(direction);
        public long CompletedSteps => motor.CompletedSteps;
        public bool CanDetectStall => true;
        public bool Stalled => false;

        public void Step()
        {
            if (motor.Enabled) { if (motor.Direction == MotorDirection.Forward) Forward++; else Reverse++; }
            motor.Step();
        }
    }

    /// <summary>A blocked line: every stroke the motor holds in it (net of the strokes taken back) adds 1 kPa.</summary>
    private sealed class BlockedLine(FakeMotor motor) : IPressureSensor
    {
        private int _reads;

        public SensorStatus Read(out int pascals)
        {
            _reads++;
            pascals = 1333 + (int)Math.Min(20, Math.Max(0, motor.CompletedSteps)) * 1000 + (_reads & 1) * 7;
            return SensorStatus.Ok;
        }
    }

    /// <summary>A trial pump at 20 uL/h into a blocked line, run until the occlusion alarm.</summary>
    private static (PumpRig Rig, PulseCount Motor) Occluded()
    {
        var rig = new PumpRig(PumpStage.Trial);
        var motor = new PulseCount(rig.Motor);
        rig.MotorDriver = motor;
        rig.Pressure = new BlockedLine(rig.Motor);
        rig.PowerCycle();
        rig.PassSelfTest();
        rig.Fill();
        var report = rig.Pump.Program(PumpRig.Continuous(20), true);
        Assert.IsTrue(report.Accepted, report.ToString());
        // In 20 ms steps, under the relief's first stroke interval, so the test sees the relief from its start.
        for (int i = 0; i < 100_000 && !rig.Pump.Supervisor.Alarms.IsShown(AlarmCode.Occlusion); i++) rig.RunFor(new Milliseconds(20));
        Assert.IsTrue(rig.Pump.Supervisor.Alarms.IsShown(AlarmCode.Occlusion), "the blocked line raised occlusion");
        Assert.IsTrue(rig.Pump.Supervisor.RelievedStrokes >= 4, $"{rig.Pump.Supervisor.RelievedStrokes} strokes to take back");
        return (rig, motor);
    }

    [TestMethod]
    public void Each_paced_relief_stroke_is_given_once_and_never_counted_as_delivery()
    {
        var (rig, motor) = Occluded();
        long delivered = rig.Pump.Supervisor.Pump.StepsTaken, forward = motor.Forward, reverseAtAlarm = motor.Reverse;
        int planned = rig.Pump.Supervisor.RelievedStrokes;
        rig.RunFor(Milliseconds.FromSeconds(60));
        Assert.AreEqual(0, reverseAtAlarm, "nothing reversed before the alarm");
        Assert.AreEqual(planned, motor.Reverse - reverseAtAlarm, "every held stroke taken back once");
        Assert.AreEqual(forward, motor.Forward, "no forward stroke during the relief");
        Assert.AreEqual(delivered, rig.Pump.Supervisor.Pump.StepsTaken, "a relief stroke is not delivery");
        Assert.AreEqual(motor.Forward, rig.Pump.Supervisor.Pump.StepsTaken, "every forward stroke counted once, no reverse one");
        var pump = rig.PowerCycle();
        rig.RunFor(Milliseconds.FromSeconds(60));
        Assert.AreEqual(delivered, pump.Supervisor.Pump.StepsTaken, "the journal has the same delivery");
        Assert.AreEqual(planned, motor.Reverse - reverseAtAlarm, "a finished relief is not given again after a reset");
    }

    [TestMethod]
    public void A_reset_in_the_middle_of_a_relief_neither_repeats_nor_drops_a_stroke()
    {
        var (rig, motor) = Occluded();
        long delivered = rig.Pump.Supervisor.Pump.StepsTaken, reverseAtAlarm = motor.Reverse;
        int planned = rig.Pump.Supervisor.RelievedStrokes;
        for (int i = 0; i < 1000 && motor.Reverse - reverseAtAlarm < planned / 2; i++) rig.RunFor(new Milliseconds(10));
        long beforeCut = motor.Reverse - reverseAtAlarm;
        Assert.IsTrue(beforeCut > 0 && beforeCut < planned, $"{beforeCut} of {planned} given before the cut");
        var pump = rig.PowerCycle();
        rig.RunFor(Milliseconds.FromSeconds(60));
        Assert.AreEqual(planned, motor.Reverse - reverseAtAlarm, $"{beforeCut} given before the reset, record left {pump.Supervisor.ReliefStrokesLeft}, recovered {pump.Recovered}; every held stroke taken back once in all");
        Assert.AreEqual(delivered, pump.Supervisor.Pump.StepsTaken, "a relief stroke is not delivery");
        Assert.IsFalse(rig.Motor.Enabled, "the motor is disabled once the relief is done");
        Assert.AreEqual(MotorDirection.Forward, rig.Motor.Direction);
    }
}
