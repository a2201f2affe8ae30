using OpenIdds.Firmware.Safety;
using OpenIdds.Hal;
using OpenIdds.Simulator.Physics;
using OpenIdds.Simulator.Virtual;

namespace OpenIdds.Tests.Host.Simulator;

/// <summary>Each board's pressure signal chain in the simulator, and the noise limit set from it (SENSOR-NOISE-LIMIT-MARGIN).</summary>
[TestClass]
public class PressureSignalChainTests
{
    private static PumpWorld World(BoardPins pins, double noiseFactor = 1, ulong seed = 7) =>
        new(new PhysicsParameters { BoardNoiseFactor = noiseFactor }, seed, 20_000_000, 1000, false, pins: pins);

    /// <summary>The mean difference between two readings a moment apart, as SENSOR-NOISE-MEASURED takes it, at CSF pressure.</summary>
    public static double MeanSuccessiveDifference(BoardPins pins, double noiseFactor = 1, int pairs = 20_000)
    {
        var world = World(pins, noiseFactor);
        double sum = 0;
        for (int i = 0; i < pairs; i++)
        {
            world.PressureSensor.Read(out int first);
            world.PressureSensor.Read(out int second);
            sum += Math.Abs(second - first);
        }
        return sum / pairs;
    }

    [TestMethod]
    public void Each_board_with_an_ADC_reads_its_pressure_through_its_own_chain()
    {
        Assert.AreSame(BoardAdc.Esp32At11Db, World(BoardPins.Esp32DevKitC).PressureSensor.Chain!.Adc);
        Assert.AreSame(BoardAdc.Stm32F746, World(BoardPins.NucleoF746ZG).PressureSensor.Chain!.Adc);
        Assert.IsNull(World(BoardPins.LinuxSbc).PressureSensor.Chain, "a Raspberry Pi has no ADC");
        // The ESP32's chain adds its ADC's noise to the gauge's own: the readings scatter more than the gauge alone.
        double esp32 = MeanSuccessiveDifference(BoardPins.Esp32DevKitC), gaugeAlone = MeanSuccessiveDifference(BoardPins.LinuxSbc);
        Assert.IsTrue(esp32 > gaugeAlone * 1.02, $"ESP32 chain {esp32:F1} Pa against the gauge alone {gaugeAlone:F1} Pa");
    }

    [TestMethod]
    public void Calibrated_chains_read_within_60_Pa_over_the_range_and_on_any_USB_supply()
    {
        foreach (var pins in new[] { BoardPins.Esp32DevKitC, BoardPins.NucleoF746ZG })
        foreach (double supply in new[] { 4750.0, 5000, 5250 })
        {
            // Calibrated on the bench at 5 V, read on the supply the rig has now, without noise.
            var calibrated = World(pins, 0).PressureSensor.Chain!;
            var parameters = new PhysicsParameters { BoardNoiseFactor = 0, SensorSupplyMillivolts = supply };
            var chain = new PressureSignalChain(calibrated.Adc, parameters, new SimulationRandom(7).Fork(5));
            foreach (int pressure in new[] { 0, 1333, 5000, 12000, 24000 })
            {
                Assert.AreEqual(SensorStatus.Ok, chain.Read(pressure, out int pascals), $"{pins.Name} on {supply} mV at {pressure} Pa: {pascals}, calibration {chain.ZeroPartsPerMillion}/{chain.FullScalePartsPerMillion}");
                Assert.IsTrue(Math.Abs(pascals - pressure) <= 60, $"{pins.Name} on {supply} mV: {pressure} Pa read as {pascals}");
            }
            Assert.AreEqual(SensorStatus.OutOfRange, chain.Read(26000, out int full), $"{pins.Name}: full scale");
            Assert.AreEqual(25000, full);
        }
    }

    [TestMethod]
    public void Each_boards_characterised_noise_sits_below_the_sensor_fault_limit_by_its_margin()
    {
        // SENSOR-NOISE-LIMIT-MARGIN: the limit is at least the margin times every board's characterised
        // mean difference, and at most half the occlusion detector's smallest judged jump.
        foreach (var pins in new[] { BoardPins.Esp32DevKitC, BoardPins.NucleoF746ZG })
        {
            double nominal = MeanSuccessiveDifference(pins);
            Console.WriteLine($"{pins.Name}: {nominal:F1} Pa mean difference at 1x");
            Assert.IsTrue(nominal * PressureSensorMonitor.NoiseLimitMarginPercent / 100 <= PressureSensorMonitor.NoisyMeanPascals,
                $"{pins.Name}: {nominal:F1} Pa x {PressureSensorMonitor.NoiseLimitMarginPercent} % is over the {PressureSensorMonitor.NoisyMeanPascals} Pa limit");
        }
        int limit = PressureSensorMonitor.NoisyMeanPascals, smallestJudgedJump = OcclusionDetector.MinimumJumpPascals;
        Assert.IsTrue(limit * 2 <= smallestJudgedJump, $"{limit} Pa is over half the detector's {smallestJudgedJump} Pa jump");
    }
}
