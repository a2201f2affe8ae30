using System.Device.Gpio;
using System.Reflection;
using OpenIdds.Boards;
using OpenIdds.Boards.Esp32DevKitC;
using OpenIdds.Boards.LinuxSbc;
using OpenIdds.Boards.NucleoF746ZG;
using OpenIdds.Hal.Drivers;
using OpenIdds.Simulator.Virtual;

namespace OpenIdds.Tests.Host.Boards;

/// <summary>
/// Each board's wiring as its pin map states it, on the virtual GPIO driver: the SELFTEST build's
/// loopback check (boards/shared/portable/LoopbackCheck.cs) run on the board's own STEP, DIR, ENABLE
/// and loopback pins with the jumper its README tells the bench engineer to fit, and the pin map
/// itself checked for the mistakes a bench would otherwise find: two functions on one pin, a motor
/// line on an ESP32 pin the ROM drives at boot.
/// </summary>
[TestClass]
public class BoardWiringTests
{
    private sealed record Board(string Name, Type Pins, int Step, int Direction, int Enable, int Loopback);

    private static readonly Board[] Boards =
    {
        new("esp32-devkitc", typeof(Esp32Pins), Esp32Pins.Step, Esp32Pins.Direction, Esp32Pins.Enable, Esp32Pins.LoopbackInput),
        new("stm32-nucleo-f746zg", typeof(NucleoPins), NucleoPins.Step, NucleoPins.Direction, NucleoPins.Enable, NucleoPins.LoopbackInput),
        new("linux-sbc", typeof(RaspberryPiPins), RaspberryPiPins.Step, RaspberryPiPins.Direction, RaspberryPiPins.Enable, RaspberryPiPins.LoopbackInput),
    };

    private static LoopbackCheck RunLoopback(Board board, bool jumper, out VirtualGpioDriver pins) => RunLoopback(board, jumper, 1, out pins);

    /// <param name="clockSpeed">How many milliseconds the check's clock counts per real one (2: a clock that runs twice as fast as the wall).</param>
    private static LoopbackCheck RunLoopback(Board board, bool jumper, int clockSpeed, out VirtualGpioDriver pins)
    {
        pins = new VirtualGpioDriver();
        var gpio = new GpioController(pins);
        if (jumper) pins.Jumper(board.Step, board.Loopback);
        var clock = new VirtualClock();
        var motor = new StepDirDriver(gpio, board.Step, board.Direction, board.Enable, -1, StepperChip.Drv8825, pins.Timing);
        var check = new LoopbackCheck(gpio, motor, board.Loopback, clock);
        while (!check.Done)
        {
            int wait = check.Poll();
            clock.AdvanceTo(clock.ElapsedMilliseconds + Math.Max(wait, 1) * clockSpeed);
        }
        return check;
    }

    [TestMethod]
    public void On_every_board_the_loopback_jumper_counts_every_planned_step_and_the_driver_ends_disabled()
    {
        foreach (var board in Boards)
        {
            var check = RunLoopback(board, jumper: true, out var pins);
            Assert.IsTrue(check.Passed, board.Name + ": " + check.Report());
            Assert.AreEqual((long)LoopbackCheck.PlannedSteps, check.Planned, board.Name);
            Assert.AreEqual($"LOOPBACK PASS: {LoopbackCheck.PlannedSteps} pulses counted for {LoopbackCheck.PlannedSteps} steps planned, in 20000 ms for 20000 ms planned (limit +200 ms), 0 dropped late, STEP held 1900 ns at least for 1900 ns needed (DRV8825)", check.Report());
            Assert.AreEqual(PinValue.High, pins.Level(board.Enable), board.Name + ": ENABLE high again once the check is done");
        }
    }

    [TestMethod]
    public void A_board_that_wakes_too_late_for_its_steps_fails_the_loopback_check()
    {
        // The board sleeps four times as long as the check asks (a timer at a quarter of its speed, a
        // busy loop): each step is 300 ms late, beyond the 200 ms the check allows, so it is dropped,
        // and the plan's 20 s is not kept either.
        var check = RunLoopback(Boards[0], jumper: true, clockSpeed: 4, out _);
        Assert.IsFalse(check.Passed, check.Report());
        Assert.IsTrue(check.Missed > 0 || !check.OnTime, check.Report());
        StringAssert.StartsWith(check.Report(), "LOOPBACK FAIL");
    }

    [TestMethod]
    public void On_every_board_a_missing_jumper_fails_the_loopback_check()
    {
        foreach (var board in Boards)
        {
            var check = RunLoopback(board, jumper: false, out _);
            Assert.IsFalse(check.Passed, board.Name);
            StringAssert.StartsWith(check.Report(), "LOOPBACK FAIL: 0 pulses counted for 200 steps planned");
        }
    }

    /// <summary>Every pin number a board's pin map names (ADC channel, timer and PWM numbers are not pins).</summary>
    private static Dictionary<string, int> PinNumbers(Type pins) =>
        pins.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(int) && !f.Name.Contains("Channel") && !f.Name.Contains("Timer") && !f.Name.Contains("Chip"))
            .ToDictionary(f => f.Name, f => (int)f.GetValue(null)!);

    [TestMethod]
    public void No_board_puts_two_functions_on_one_pin()
    {
        foreach (var board in Boards)
        {
            var pins = PinNumbers(board.Pins);
            Assert.IsTrue(pins.Count >= 10, $"{board.Name}: only {pins.Count} pins found");
            var shared = pins.GroupBy(p => p.Value).Where(g => g.Count() > 1).Select(g => string.Join(" and ", g.Select(p => p.Key)) + " on " + g.Key).ToList();
            Assert.AreEqual(0, shared.Count, board.Name + ": " + string.Join("; ", shared));
        }
    }

    [TestMethod]
    public void No_esp32_output_that_drives_the_motor_or_the_buzzer_is_on_a_strapping_pin_or_one_the_rom_drives_at_boot()
    {
        // Strapping pins 0, 2, 5, 12, 15; UART0 1 and 3; 14 is JTAG TMS, pulled up and toggled by the ROM at boot.
        int[] busyAtBoot = { 0, 1, 2, 3, 5, 12, 14, 15 };
        foreach (var (name, pin) in new[] { ("STEP", Esp32Pins.Step), ("DIR", Esp32Pins.Direction), ("ENABLE", Esp32Pins.Enable), ("buzzer", Esp32Pins.Buzzer) })
            CollectionAssert.DoesNotContain(busyAtBoot, pin, $"{name} on GPIO{pin}");
        Assert.AreEqual(23, PinNumbers(typeof(Esp32Pins))["Enable"], "ENABLE on GPIO23, as the README's pin map says");
    }

    [TestMethod]
    public void Every_board_readme_names_its_loopback_pin()
    {
        var expected = new Dictionary<string, string>
        {
            ["esp32-devkitc"] = "GPIO33",
            ["stm32-nucleo-f746zg"] = "PF15",
            ["linux-sbc"] = "16 (36)",
        };
        foreach (var board in Boards)
        {
            string readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "boards", board.Name, "README.md"));
            StringAssert.Contains(readme, expected[board.Name], board.Name);
            StringAssert.Contains(readme, "loopback", board.Name);
        }
        Assert.AreEqual(5 * 16 + 15, PinNumbers(typeof(NucleoPins))["LoopbackInput"], "PF15");
        Assert.AreEqual(33, PinNumbers(typeof(Esp32Pins))["LoopbackInput"], "GPIO33");
    }
}
