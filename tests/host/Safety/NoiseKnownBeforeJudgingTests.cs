using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Units;
using OpenIdds.Hal;
using OpenIdds.Tests.Unit.Fakes;

namespace OpenIdds.Tests.Host.Safety;

/// <summary>NOISE-KNOWN-BEFORE-JUDGING: a sensor too noisy for the occlusion detector is faulted before the detector judges a stroke.</summary>
[TestClass]
public class NoiseKnownBeforeJudgingTests
{
    /// <summary>A healthy line at 1,333 Pa read through a chain four times noisier than the Nucleo's: 100 Pa (1 sd) a reading.</summary>
    private sealed class NoisyLine(int seed) : IPressureSensor
    {
        private readonly Random _random = new(seed);

        public SensorStatus Read(out int pascals)
        {
            double u1 = 1 - _random.NextDouble(), u2 = _random.NextDouble();
            pascals = 1333 + (int)Math.Round(100 * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
            return SensorStatus.Ok;
        }
    }

    [TestMethod]
    public void A_sensor_too_noisy_for_the_detector_is_faulted_at_the_first_tick_and_raises_no_occlusion()
    {
        for (int seed = 1; seed <= 20; seed++)
        {
            var board = new FakeBoard();
            var hardware = new PumpHardware(board.Clock, board.Motor, new NoisyLine(seed), null, board.Battery, board.Annunciator, board.Button, board.Store, board.Watchdog, board.Link);
            var supervisor = new SafetySupervisor(hardware, new Calibration(250_000), new SupervisorSettings(), new AlarmEventRing(32), true);
            supervisor.Tick();
            board.Clock.ElapsedMilliseconds += 10;
            supervisor.Tick();
            supervisor.Filled(Nanoliters.FromMilliliters(20));
            // A priming rate: a stroke every 0.9 s, so a false run of four "retained" strokes has every chance.
            supervisor.Start(new ConstantRate(new NanolitersPerHour(1_000_000)), new NanolitersPerHour(1_000_000));
            board.Clock.ElapsedMilliseconds = supervisor.NextWake.Value;
            supervisor.Tick();
            Assert.IsTrue(supervisor.Alarms.IsShown(AlarmCode.PressureSensorFault), $"seed {seed}: faulted at the first tick that reads the sensor");
            for (int i = 0; i < 200; i++)
            {
                board.Clock.ElapsedMilliseconds = supervisor.NextWake.Value;
                supervisor.Tick();
            }
            Assert.IsFalse(supervisor.Alarms.IsShown(AlarmCode.Occlusion), $"seed {seed}: no occlusion on a healthy line");
        }
    }
}
