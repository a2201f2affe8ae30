using OpenIdds.Simulator.Device;

namespace OpenIdds.Measurements;

/// <summary>
/// The protocol fuzzing figure: a million random and mutated frames against the virtual device (no
/// state change, no exception, no hang allowed), then 100,000 authenticated frames with random
/// payloads (every answer Ok or BadPayload; a BadPayload changes nothing). The suite runs 10,000 and 2,000.
/// </summary>
public static class FuzzRun
{
    public static void Run(int frames)
    {
        var unauthenticated = new FrameFuzzer(seed: 20261201).Unauthenticated(frames);
        Console.WriteLine($"protocol fuzz: {unauthenticated}");
        var payloads = new FrameFuzzer(seed: 7).AuthenticatedPayloads(frames / 10);
        Console.WriteLine($"protocol payload fuzz: {payloads}");
        foreach (string failure in unauthenticated.Failures.Concat(payloads.Failures).Take(20)) Console.WriteLine("  FAILURE " + failure);
        if (unauthenticated.Failures.Count + payloads.Failures.Count > 0) Environment.ExitCode = 1;
    }
}
