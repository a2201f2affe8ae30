using OpenIdds.Firmware.Units;
using OpenIdds.Simulator.Device;

namespace OpenIdds.Tests.Host.Protocol;

/// <summary>Garbage at full line rate must not hold up a due step (KEYLESS-ANSWERS-RATE-LIMITED, PROTOCOL-WORK-BOUNDED).</summary>
[TestClass]
public class LineFloodTests
{
    [TestMethod]
    public void Twenty_minutes_of_keyless_garbage_at_line_rate_miss_no_step_and_get_few_answer_bytes()
    {
        var result = LineFlood.Run(Milliseconds.FromMinutes(20), baud: 115_200, microlitersPerHour: 100, seed: 3);
        Console.WriteLine(result);
        Assert.AreEqual(0L, result.StepsMissed, result.ToString());
        Assert.IsTrue(result.StepsTaken >= 132, result.ToString());   // 100 uL/h is a step every 9 s
        // At most the bucket's burst and one answer per refill interval, each well under 200 bytes.
        long answers = 8 + 20 * 60 * 4;
        Assert.IsTrue(result.AnswerBytes <= answers * 200, result.ToString());
        Assert.IsFalse(result.Alarms.Contains("deadline-missed"), result.ToString());
    }
}
