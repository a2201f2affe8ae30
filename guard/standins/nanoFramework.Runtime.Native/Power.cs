#nullable disable // nanoFramework's own sources are nullable-oblivious
#pragma warning disable CS0626, CS0824 // declarations only: extern members and constructors without an implementation
// Stand-in (declarations only) for nanoFramework.Runtime.Native 1.7.11: rebooting the device.
namespace nanoFramework.Runtime.Native
{
    public delegate void RebootEventHandler();

    public class Power
    {
        public static extern event RebootEventHandler OnRebootEvent;
        public static extern void RebootDevice(RebootOption rebootOption = RebootOption.NormalReboot);
        public static extern void RebootDevice(int exeConstraintTimeout, RebootOption rebootOption = RebootOption.NormalReboot);
    }

    public enum RebootOption
    {
        NormalReboot = 0,
        EnterNanoBooter = 1,
        ClrOnly = 2,
        EnterProprietaryBooter = 8,
    }
}
