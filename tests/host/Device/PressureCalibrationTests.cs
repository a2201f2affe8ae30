using OpenIdds.Firmware.Device;
using OpenIdds.Firmware.Persistence;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Hal;
using OpenIdds.Simulator.Physics;
using OpenIdds.Tests.Unit;
using OpenIdds.Tests.Unit.Therapy;

namespace OpenIdds.Tests.Host.Device;

/// <summary>PRESSURE-TWO-POINT-CAL: the board's pressure calibration, set by the service command, journaled, checked.</summary>
[TestClass]
public class PressureCalibrationTests
{
    /// <summary>A stopped trial pump whose pressure sensor is an ESP32 board's chain (noiseless) outliving resets.</summary>
    private static PumpRig StoppedRig(out PressureSensorModel sensor)
    {
        var parameters = new PhysicsParameters { BoardNoiseFactor = 0 };
        var chain = new PressureSignalChain(BoardAdc.Esp32At11Db, parameters, new SimulationRandom(7).Fork(5));
        sensor = new PressureSensorModel(parameters, new SimulationRandom(7).Fork(6), () => 1000, () => 0, chain);
        var rig = new PumpRig(PumpStage.Trial) { Pressure = sensor };
        rig.PowerCycle();
        return rig;
    }

    private static List<(EventKind Kind, long A, long B)> Events(PumpRig rig)
    {
        var list = new List<(EventKind, long, long)>();
        for (uint s = rig.Pump.Events.Oldest; s != 0 && s <= rig.Pump.Events.Newest; s++)
            if (rig.Pump.Events.Read(s, out var kind, out _, out var a, out var b)) list.Add((kind, a, b));
        return list;
    }

    [TestMethod]
    public void A_pressure_calibration_is_journaled_and_survives_a_reset()
    {
        var rig = StoppedRig(out var sensor);
        var report = rig.Pump.CalibratePressure(47_000, 390_000, 9807);
        Assert.IsTrue(report.Accepted, report.ToString());
        Assert.AreEqual(47_000, sensor.Calibration.ZeroPartsPerMillion);
        // A board boots with the datasheet's line; the journal gives it its own.
        sensor.Calibration = PressureCalibration.Nominal();
        var pump = rig.PowerCycle();
        Assert.IsTrue(pump.Recovered);
        Assert.AreEqual(47_000, sensor.Calibration.ZeroPartsPerMillion);
        Assert.AreEqual(390_000, sensor.Calibration.SpanPartsPerMillion);
        Assert.AreEqual(9807, sensor.Calibration.SpanPascals);
        Assert.IsTrue(pump.PressureCalibration.Set);
        Assert.IsTrue(Events(rig).Contains((EventKind.PressureCalibrated, 47_000L * 10_000_000 + 390_000, 9807L)), "the event log has the points");
        Assert.AreEqual("zero 47000 ppm, span 390000 ppm at 9807 Pa", EventText.Describe(EventKind.PressureCalibrated, 47_000L * 10_000_000 + 390_000, 9807));
    }

    [TestMethod]
    public void Bad_pressure_calibration_points_are_refused_naming_the_field_the_value_and_the_limit_and_change_nothing()
    {
        var rig = StoppedRig(out var sensor);
        Assert.IsTrue(rig.Pump.CalibratePressure(47_000, 390_000, 9807).Accepted);
        var cases = new (int Zero, int Span, int SpanPascals, string[] Parts)[]
        {
            (400_000, 390_000, 9807, new[] { "zero_ppm 400000", "not below span_ppm 390000", "zero point below the span point" }),
            (5_000, 390_000, 9807, new[] { "zero_ppm 5000", "limit 20000..1000000" }),
            (47_000, 1_200_000, 9807, new[] { "span_ppm 1200000", "limit 0..1000000" }),
            (47_000, 390_000, 500, new[] { "span_pa 500", "limit 2000..25000" }),
            (47_000, 390_000, 30_000, new[] { "span_pa 30000", "limit 2000..25000" }),
            (47_000, 100_000, 9807, new[] { "span_ppm - zero_ppm 53000", "below the limit 156912" }),
        };
        foreach (var c in cases)
        {
            var report = rig.Pump.CalibratePressure(c.Zero, c.Span, c.SpanPascals);
            Assert.IsTrue(report.Refused, $"{c.Zero}/{c.Span}/{c.SpanPascals}: {report}");
            Expect.Mentions(report.MessageOf(TherapyError.PressureCalibrationOutOfRange), c.Parts);
            Assert.AreEqual(47_000, sensor.Calibration.ZeroPartsPerMillion, "a refusal changes nothing");
            Assert.AreEqual(390_000, sensor.Calibration.SpanPartsPerMillion);
        }
        sensor.Calibration = PressureCalibration.Nominal();
        rig.PowerCycle();
        Assert.AreEqual(47_000, sensor.Calibration.ZeroPartsPerMillion, "the journal kept the last accepted points");
    }

    [TestMethod]
    public void Pressure_calibration_is_refused_while_the_therapy_runs_and_on_a_board_without_the_sensor()
    {
        var rig = StoppedRig(out var sensor);
        int zeroBefore = sensor.Calibration.ZeroPartsPerMillion;
        rig.PassSelfTest();
        rig.Fill();
        Assert.IsTrue(rig.Pump.Program(PumpRig.Continuous(), true).Accepted);
        var running = rig.Pump.CalibratePressure(47_000, 390_000, 9807);
        Expect.Mentions(running.MessageOf(TherapyError.PumpNotStopped), new[] { "pressure calibration", "limit is stopped" });
        Assert.AreEqual(zeroBefore, sensor.Calibration.ZeroPartsPerMillion, "a refusal changes nothing");

        var plain = new PumpRig(PumpStage.Implanted);
        var none = plain.Pump.CalibratePressure(47_000, 390_000, 9807);
        Assert.IsTrue(none.Has(TherapyError.PressureSensorNotCalibratable), none.ToString());
    }
}
