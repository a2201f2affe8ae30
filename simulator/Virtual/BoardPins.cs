namespace OpenIdds.Simulator.Virtual;

/// <summary>
/// The pins a board wires the stepper driver (STEP, DIR, active-low ENABLE, active-low nFAULT) and the
/// three alarm LEDs to, so a virtual board's pin trace reads like the real board's. Copied from each
/// board's pin map (boards/*/...Pins.cs), which the simulator cannot reference (they are built for
/// nanoFramework); VirtualBoardTests holds this table to those constants.
/// </summary>
public sealed record BoardPins(string Name, int Step, int Direction, int Enable, int Fault, int RedLed, int YellowLed, int GreenLed)
{
    /// <summary>boards/esp32-devkitc/device/Esp32Pins.cs: GPIO numbers.</summary>
    public static readonly BoardPins Esp32DevKitC = new("esp32-devkitc", 26, 27, 23, 13, 18, 19, 21);

    /// <summary>boards/stm32-nucleo-f746zg/device/NucleoPins.cs: (port - 'A') x 16 + pin, PE9 = 73.</summary>
    public static readonly BoardPins NucleoF746ZG = new("stm32-nucleo-f746zg", 4 * 16 + 9, 4 * 16 + 11, 5 * 16 + 14, 4 * 16 + 13, 1 * 16 + 14, 5 * 16 + 13, 1 * 16 + 0);

    /// <summary>boards/linux-sbc/RaspberryPiPins.cs: BCM numbers on a Raspberry Pi header.</summary>
    public static readonly BoardPins LinuxSbc = new("linux-sbc", 17, 27, 22, 23, 5, 6, 13);

    public static readonly IReadOnlyList<BoardPins> All = new[] { Esp32DevKitC, NucleoF746ZG, LinuxSbc };

    /// <summary>The board by its folder name under boards/, or null.</summary>
    public static BoardPins? Find(string name) => All.FirstOrDefault(b => b.Name == name);
}
