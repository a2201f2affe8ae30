using OpenIdds.Firmware.Protocol;

namespace OpenIdds.Measurements;

/// <summary>
/// The cost of one X25519 (KEY-AGREEMENT-NOT-WRAP) counted in field multiplications, each of them 256
/// 64-bit multiply-accumulate steps of Field25519.Multiply, and its time on a board estimated from a
/// cited interpreter cost: .NET Micro Framework, whose interpreter nanoFramework inherits, runs an empty
/// for-loop cycle in about 7 us on a 48 MHz Netduino (M. Vernari, "Speeding up your Netduino project",
/// Channel 9, 2012). A multiply-accumulate step is counted as 3 such cycles (its IL is about three
/// times a bare loop's), and an ESP32 at 240 MHz as 5 times faster per cycle: both are assumptions.
/// </summary>
public static class KeyAgreementRun
{
    public const double NetduinoLoopCycleMicroseconds = 7;
    public const double LoopCyclesPerMultiplyAccumulate = 3;
    public const double Esp32SpeedupOverNetduino = 5;

    public static void Run()
    {
        byte[] secret = System.Security.Cryptography.SHA256.HashData("benchmark"u8.ToArray());
        var into = new byte[X25519.Bytes];
        int before = Field25519.Multiplications;
        X25519.PublicKey(secret, into);
        int perCall = Field25519.Multiplications - before;
        long macs = perCall * 256L;
        double netduinoSeconds = macs * LoopCyclesPerMultiplyAccumulate * NetduinoLoopCycleMicroseconds / 1e6;
        Console.WriteLine($"key agreement: one X25519 = {perCall:N0} field multiplications = {macs:N0} multiply-accumulate steps; the device does one per provisioning");
        Console.WriteLine($"key agreement: board estimate {netduinoSeconds:0.0} s on a 48 MHz .NET MF-class interpreter, {netduinoSeconds / Esp32SpeedupOverNetduino:0.0} s on an ESP32 at 240 MHz ({LoopCyclesPerMultiplyAccumulate} loop cycles of {NetduinoLoopCycleMicroseconds} us per step, x{Esp32SpeedupOverNetduino} for the ESP32)");
    }
}
