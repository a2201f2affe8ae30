using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using OpenIdds.Boards.NucleoF746ZG;

namespace OpenIdds.Tests.Host.Boards;

/// <summary>
/// The MCU boards' nanoFramework calls held to what the native code of their target does, not only
/// to the managed signature (nf-interpreter, targets/ChibiOS/_nanoCLR/System.Device.Pwm and
/// nanoframework/System.Device.Pwm v1.1.23, read 2026-12-04):
/// - <c>PwmChannel.Create(chip, channel, ...)</c> leaves the channel's pin at -1, and the ChibiOS
///   <c>NativeStart</c> routes the timer to <c>GPIO_PORT(pinNumber)</c>, pad <c>pinNumber % 16</c>: with -1
///   no pin gets the timer's alternate function, and ChibiOS numbers channels from 0 (channel 1 is CH2).
///   Only <c>CreateFromPin</c> sets the pin; it asks the native <c>GetChannel(pin, chip)</c> for chips 0-7
///   in turn and takes the first that maps the pin.
/// - The first chip that maps the pin must be a timer the target enables (<c>STM32_PWM_USE_TIMn</c> in
///   nf-Community-Targets' ST_NUCLEO144_F746ZG/nanoCLR/mcuconf.h): otherwise <c>GetDriverPwm</c> is null.
/// </summary>
[TestClass]
public class NativeCallTests
{
    private static int Pin(char port, int pin) => (port - 'A') * 16 + pin;

    /// <summary>
    /// STM32F746 timer pins as nf-interpreter's GetChannelPwm (STM32F746xx) maps them: chip, the pins,
    /// and whether the ST_NUCLEO144_F746ZG target enables the timer (TIM2 and TIM9 are FALSE there).
    /// </summary>
    private static readonly (int Chip, int[] Pins, bool Enabled)[] F746TimerPins =
    {
        (1, new[] { Pin('A', 8), Pin('E', 9), Pin('A', 9), Pin('E', 11), Pin('A', 10), Pin('E', 13), Pin('A', 11), Pin('E', 14) }, true),
        (2, new[] { Pin('A', 0), Pin('A', 5), Pin('A', 15), Pin('A', 1), Pin('B', 3), Pin('A', 2), Pin('B', 10), Pin('A', 3), Pin('B', 11) }, false),
        (3, new[] { Pin('A', 6), Pin('B', 4), Pin('C', 6), Pin('A', 7), Pin('B', 5), Pin('C', 7), Pin('B', 0), Pin('C', 8), Pin('B', 1), Pin('C', 9) }, true),
        (4, new[] { Pin('B', 6), Pin('D', 12), Pin('B', 7), Pin('D', 13), Pin('B', 8), Pin('D', 14), Pin('B', 9), Pin('D', 15) }, true),
    };

    private static IEnumerable<InvocationExpressionSyntax> Calls(string file, string member) =>
        CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(c => c.Expression is MemberAccessExpressionSyntax m && m.Expression.ToString() == "PwmChannel" && m.Name.Identifier.Text == member);

    private static IEnumerable<string> DeviceSources() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "boards"), "*.cs", SearchOption.AllDirectories)
            .Where(f => f.Contains($"{Path.DirectorySeparatorChar}device{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"));

    [TestMethod]
    public void No_nanoFramework_board_opens_a_pwm_channel_by_timer_and_channel_number()
    {
        foreach (string file in DeviceSources())
        {
            var create = Calls(file, "Create").ToList();
            Assert.AreEqual(0, create.Count, $"{Path.GetFileName(file)} calls {string.Join(", ", create)}: on STM32 that leaves the pin unrouted (pin -1); use PwmChannel.CreateFromPin(pin, ...)");
        }
    }

    [TestMethod]
    public void The_Nucleo_buzzer_is_opened_by_its_pin_and_the_first_timer_mapping_it_is_enabled()
    {
        string board = Path.Combine(RepositoryPaths.Root, "boards", "stm32-nucleo-f746zg", "device", "NucleoF746ZGBoard.cs");
        Assert.IsTrue(File.ReadAllText(board).Contains("PwmOnPin.Open(NucleoPins.Buzzer,", StringComparison.Ordinal), "the Nucleo opens its buzzer by pin (PwmOnPin, PwmChannel.CreateFromPin)");
        string open = Path.Combine(RepositoryPaths.Root, "boards", "shared", "device", "PwmOnPin.cs");
        Assert.AreEqual(1, Calls(open, "CreateFromPin").Count(), "PwmOnPin opens the channel with PwmChannel.CreateFromPin");

        var first = F746TimerPins.First(t => t.Pins.Contains(NucleoPins.Buzzer));
        Assert.AreEqual(4, first.Chip, "PD12 is TIM4 CH1 (ChibiOS channel 0)");
        Assert.IsTrue(first.Enabled, $"TIM{first.Chip} is not enabled in the target's mcuconf.h: GetDriverPwm returns null");
    }
}
