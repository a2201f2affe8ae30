using System.Diagnostics;
using OpenIdds.Firmware.Units;
using OpenIdds.Simulator.Scenarios;

// The default run: the real firmware core on a virtual board for a week of simulated therapy,
// delivery counted from STEP pin edges and set against the exact prescribed integral.
var wall = Stopwatch.StartNew();
var (run, days) = FoundationScenario.Run();
wall.Stop();

static string Microliters(long picoliters) => Decimal3.Format(picoliters / 1000) ;

Console.WriteLine("OpenIDDS simulator - default scenario (foundation): 3-day trial, then 4 days implanted flex");
Console.WriteLine($"calibration {FoundationScenario.PicolitersPerStep / 1000.0:0.###} nL/step; delivered = STEP pin edges x true stroke volume (measured by the virtual scope)");
Console.WriteLine();
Console.WriteLine($"{"day",3}  {"therapy",-18} {"prescribed uL",14} {"delivered uL",13} {"delivered - prescribed",23}");
foreach (var d in days)
{
    Console.WriteLine($"{d.Day,3}  {d.Therapy,-18} {Microliters(d.PrescribedPicoliters),14} {Microliters(d.DeliveredPicoliters),13} {Microliters(d.DeliveredPicoliters - d.PrescribedPicoliters),20} uL");
}
long end = run.Now;
long prescribed = run.PrescribedPicoliters(end);
long delivered = run.Board.Mechanism.DeliveredPicoliters;
double errorSteps = (double)(prescribed - delivered) / FoundationScenario.PicolitersPerStep;
Console.WriteLine();
Console.WriteLine($"total prescribed {Microliters(prescribed)} uL, delivered {Microliters(delivered)} uL, behind by {errorSteps:0.###} step(s) (bound: < 1 step)");
Console.WriteLine($"steps taken {run.Pump.StepsTaken}, missed {run.Pump.StepsMissed}, pulses while disabled {run.Board.Mechanism.IgnoredPulses}, pump state {OpenIdds.Firmware.Control.PumpController.PumpStateName(run.Pump.State)}");
Console.WriteLine($"{end / Milliseconds.PerDay} simulated days in {wall.Elapsed.TotalMilliseconds:0} ms of wall time ({run.Ticks} wake-ups)");
return errorSteps is >= 0 and < 1 && run.Pump.StepsMissed == 0 ? 0 : 1;
