#nullable disable // nanoFramework's own sources are nullable-oblivious
#pragma warning disable CS0626, CS0824 // declarations only: extern members and constructors without an implementation
// Stand-in (declarations only) for nanoFramework.System.Device.Adc 1.1.24.
namespace System.Device.Adc
{
    public enum AdcChannelMode
    {
        SingleEnded = 0,
        Differential = 1,
    }

    public abstract class AdcControllerBase
    {
        public abstract bool IsChannelModeSupported(AdcChannelMode channelMode);
        public abstract AdcChannel OpenChannel(int channelNumber);
        public abstract int ChannelCount { get; }
        public abstract AdcChannelMode ChannelMode { get; set; }
        public abstract int MaxValue { get; }
        public abstract int MinValue { get; }
        public abstract int ResolutionInBits { get; }
    }

    public class AdcController : AdcControllerBase
    {
        public extern AdcController();
        public override extern int ChannelCount { get; }
        public override extern AdcChannelMode ChannelMode { get; set; }
        public override extern int MaxValue { get; }
        public override extern int MinValue { get; }
        public override extern int ResolutionInBits { get; }
        public override extern bool IsChannelModeSupported(AdcChannelMode channelMode);
        public override extern AdcChannel OpenChannel(int channelNumber);
    }
}
