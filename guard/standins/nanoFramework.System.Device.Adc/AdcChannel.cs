#nullable disable // nanoFramework's own sources are nullable-oblivious
#pragma warning disable CS0626, CS0824 // declarations only: extern members and constructors without an implementation
// Stand-in (declarations only) for nanoFramework.System.Device.Adc 1.1.24. There is no ChannelNumber
// property; a channel is opened only by AdcController.OpenChannel (its constructor is internal).
namespace System.Device.Adc
{
    public abstract class AdcChannelBase
    {
        public abstract int ReadValue();
        public extern double ReadRatio();
        public extern AdcController Controller { get; }
    }

    public class AdcChannel : AdcChannelBase, IDisposable
    {
        private extern AdcChannel();
        public override extern int ReadValue();
        public extern void Dispose();
    }
}
