using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Units;
using OpenIdds.Hal;
using OpenIdds.Tests.Unit.Fakes;

namespace OpenIdds.Tests.Unit.Safety
{
    /// <summary>OCCLUSION-RELIEF-PACED: a motor with a pump head cannot start at the rate of back-to-back pulses.</summary>
    [TestClass]
    public class OcclusionReliefTests
    {
        [TestMethod]
        public void Relief_strokes_are_paced_from_the_start_rate_and_ramp_up_never_back_to_back()
        {
            FakeBoard board = new FakeBoard();
            StepTimes motor = new StepTimes(board.Motor, board.Clock);
            PumpHardware hardware = new PumpHardware(board.Clock, motor, new RisingLine(board.Motor, 1000), null,
                board.Battery, board.Annunciator, board.Button, board.Store, board.Watchdog, board.Link);
            board.Pressure.Jitter = 7;
            board.Battery.ConsumedMicroampereHours = 0;
            SafetySupervisor supervisor = new SafetySupervisor(hardware, new Calibration(250000), new SupervisorSettings(), new AlarmEventRing(32), true);
            supervisor.Tick();
            board.Clock.ElapsedMilliseconds += 10;
            supervisor.Tick();
            supervisor.Filled(Nanoliters.FromMilliliters(20));
            supervisor.Start(new ConstantRate(new NanolitersPerHour(1000000)), new NanolitersPerHour(1000000));
            long alarmAt = -1;
            for (int i = 0; i < 100000 && (alarmAt < 0 || board.Motor.Enabled); i++)
            {
                board.Clock.ElapsedMilliseconds = supervisor.NextWake.Value;
                supervisor.Tick();
                if (alarmAt < 0 && supervisor.State == SafetyState.AlarmStopped) alarmAt = board.Clock.ElapsedMilliseconds;
            }
            Assert.IsTrue(supervisor.Alarms.IsShown(AlarmCode.Occlusion));
            Assert.IsTrue(motor.Reverse >= 5, "reverse strokes: " + motor.Reverse.ToString());
            Assert.AreEqual((long)supervisor.RelievedStrokes, (long)motor.Reverse, "every held stroke taken back");
            Assert.IsTrue(motor.ReverseTime(0) - alarmAt >= 1000 / OcclusionRelief.StartStepsPerSecond, "the first stroke comes at the start rate, not at once");
            long previous = motor.ReverseTime(1) - motor.ReverseTime(0);
            for (int i = 1; i < motor.Reverse; i++)
            {
                long interval = motor.ReverseTime(i) - motor.ReverseTime(i - 1);
                Assert.IsTrue(interval >= 1000 / OcclusionRelief.MaximumStepsPerSecond, "stroke " + i.ToString() + " came " + interval.ToString() + " ms after the one before");
                Assert.IsTrue(interval <= previous, "the rate only ramps up: stroke " + i.ToString());
                previous = interval;
            }
            Assert.IsFalse(board.Motor.Enabled, "the motor is disabled once relief is done");
            Assert.AreEqual((int)MotorDirection.Forward, (int)board.Motor.Direction);
        }

        /// <summary>The motor as the supervisor sees it, recording when each reverse step came.</summary>
        private sealed class StepTimes : IMotorDriver
        {
            private readonly FakeMotor _motor;
            private readonly FakeMonotonicClock _clock;
            private readonly long[] _reverseTimes = new long[OcclusionDetector.MaximumHeldStrokes];

            public StepTimes(FakeMotor motor, FakeMonotonicClock clock)
            {
                _motor = motor;
                _clock = clock;
            }

            public int Reverse { get; private set; }
            public long ReverseTime(int i) { return _reverseTimes[i]; }

            public bool Enabled { get { return _motor.Enabled; } }
            public void Enable() { _motor.Enable(); }
            public void Disable() { _motor.Disable(); }
            public MotorDirection Direction { get { return _motor.Direction; } }
            public void SetDirection(MotorDirection direction) { _motor.SetDirection(direction); }
            public long CompletedSteps { get { return _motor.CompletedSteps; } }
            public bool CanDetectStall { get { return true; } }
            public bool Stalled { get { return false; } }

            public void Step()
            {
                if (_motor.Enabled && _motor.Direction == MotorDirection.Reverse && Reverse < _reverseTimes.Length) _reverseTimes[Reverse++] = _clock.ElapsedMilliseconds;
                _motor.Step();
            }
        }

        /// <summary>A blocked line: each stroke stays, so four in a row raise the occlusion alarm.</summary>
        private sealed class RisingLine : IPressureSensor
        {
            private readonly FakeMotor _motor;
            private readonly int _pascalsPerStep;
            private int _reads;

            public RisingLine(FakeMotor motor, int pascalsPerStep)
            {
                _motor = motor;
                _pascalsPerStep = pascalsPerStep;
            }

            public SensorStatus Read(out int pascals)
            {
                _reads++;
                pascals = 1333 + (int)_motor.CompletedSteps * _pascalsPerStep + (_reads & 1) * 7;
                return SensorStatus.Ok;
            }
        }
    }
}
