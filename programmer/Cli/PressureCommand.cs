using OpenIdds.Hal;

namespace OpenIdds.Programmer.Cli;

/// <summary>
/// `iddsctl pressure raw` and `iddsctl pressure calibrate` (service key): the bench's two-point
/// calibration of the board's pressure reading (PRESSURE-TWO-POINT-CAL, docs/flashing.md): read the
/// raw reading vented and at a known pressure, then set the two points.
/// </summary>
public static class PressureCommand
{
    public static int Raw(ProgrammerSession session)
    {
        var (status, ratio, pascals) = session.Commands.PressureRaw();
        string statusText = status switch
        {
            SensorStatus.Ok => "ok",
            SensorStatus.OutOfRange => "out of range",
            SensorStatus.Disconnected => "disconnected",
            _ => "not fitted",
        };
        session.Console.Text($"raw {ratio} ppm (output over supply), {pascals} Pa with the calibration set, sensor {statusText}");
        return status == SensorStatus.NotFitted ? 1 : 0;
    }

    public static int Calibrate(ProgrammerSession session, int zeroPartsPerMillion, int spanPartsPerMillion, int spanPascals)
    {
        var report = session.Commands.CalibratePressure(zeroPartsPerMillion, spanPartsPerMillion, spanPascals);
        ReportView.Show(session.Console, report, $"pressure calibration: zero {zeroPartsPerMillion} ppm, span {spanPartsPerMillion} ppm at {spanPascals} Pa");
        return ReportView.Exit(report);
    }
}
