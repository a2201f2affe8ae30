using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Units;
using OpenIdds.Hal;
using OpenIdds.Tests.Unit.Fakes;

namespace OpenIdds.Tests.Unit.Safety
{
    /// <summary>FULL-SCALE-IS-OCCLUSION: the boards' 0-25 kPa gauge saturates long before the 124 kPa backstop.</summary>
    [TestClass]
    public class FullScaleOcclusionTests
    {
        /// <summary>
        /// A compliant line whose strokes each raise it 60 Pa (too little to judge, under the 100 Pa
        /// minimum jump) fills until the sensor saturates at 25 kPa. That is a possible occlusion, not a
        /// sensor with nothing to say while delivery goes on.
        /// </summary>
        [TestMethod]
        public void A_sensor_at_full_scale_while_delivering_stops_delivery_as_an_occlusion()
        {
            FakeBoard board = new FakeBoard();
            SaturatingLine line = new SaturatingLine(board.Motor, 24000, 60, 25000);
            PumpHardware hardware = new PumpHardware(board.Clock, board.Motor, line, null,
                board.Battery, board.Annunciator, board.Button, board.Store, board.Watchdog, board.Link);
            board.Battery.ConsumedMicroampereHours = 0;
            SafetySupervisor supervisor = new SafetySupervisor(hardware, new Calibration(250000), new SupervisorSettings(), new AlarmEventRing(32), true);
            supervisor.Tick();
            board.Clock.ElapsedMilliseconds += 10;
            supervisor.Tick();
            supervisor.Filled(Nanoliters.FromMilliliters(20));
            supervisor.Start(new ConstantRate(new NanolitersPerHour(1000000)), new NanolitersPerHour(1000000));
            for (int i = 0; i < 600 && supervisor.State == SafetyState.Running; i++)
            {
                board.Clock.ElapsedMilliseconds = supervisor.NextWake.Value;
                supervisor.Tick();
            }
            // Relief takes the held strokes back over the ticks that follow (OCCLUSION-RELIEF-PACED).
            for (int i = 0; i < 1000 && board.Motor.Enabled; i++)
            {
                board.Clock.ElapsedMilliseconds = supervisor.NextWake.Value;
                supervisor.Tick();
            }
            Assert.IsTrue(supervisor.Alarms.IsShown(AlarmCode.Occlusion), "full scale during delivery is an occlusion");
            Assert.AreEqual((int)SafetyState.AlarmStopped, (int)supervisor.State);
            Assert.IsFalse(board.Motor.Enabled);
        }

        private sealed class SaturatingLine : IPressureSensor
        {
            private readonly FakeMotor _motor;
            private readonly int _start;
            private readonly int _pascalsPerStep;
            private readonly int _fullScale;
            private int _reads;

            public SaturatingLine(FakeMotor motor, int start, int pascalsPerStep, int fullScale)
            {
                _motor = motor;
                _start = start;
                _pascalsPerStep = pascalsPerStep;
                _fullScale = fullScale;
            }

            public SensorStatus Read(out int pascals)
            {
                _reads++;
                pascals = _start + (int)_motor.CompletedSteps * _pascalsPerStep + (_reads & 1) * 7;
                if (pascals < _fullScale) return SensorStatus.Ok;
                pascals = _fullScale;
                return SensorStatus.OutOfRange;
            }
        }
    }
}
