using OpenIdds.Firmware.Units;
using OpenIdds.Simulator.Device;

namespace OpenIdds.Measurements;

/// <summary>
/// The line-flood figure (KEYLESS-ANSWERS-RATE-LIMITED, PROTOCOL-WORK-BOUNDED): 2 h of 2-byte garbage
/// frames at 115,200 baud into a trial pump at 100 uL/h, on a UART whose writes hold
/// the loop. The goal is 0 missed steps.
/// </summary>
public static class LineFloodRun
{
    public static void Run(int hours)
    {
        var result = LineFlood.Run(Milliseconds.FromHours(hours), baud: 115_200, microlitersPerHour: 100, seed: 17);
        Console.WriteLine($"line flood, {hours} h of garbage at 115200 baud, 100 uL/h: {result}");
        if (result.StepsMissed > 0) Environment.ExitCode = 1;
    }
}
