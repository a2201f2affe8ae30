#nullable disable // nanoFramework's own sources are nullable-oblivious
#pragma warning disable CS0626, CS0824 // declarations only: extern members and constructors without an implementation
// Stand-in (declarations only) for nanoFramework.System.Device.Pwm 1.1.23. Sealed, no driver seam;
// CreateFromPin is nanoFramework-only.
namespace System.Device.Pwm
{
    public sealed class PwmChannel : IDisposable
    {
        public extern PwmChannel(int chip, int channel, int frequency = 400, double dutyCyclePercentage = 0.5);
        public extern int Frequency { get; set; }
        public extern double DutyCycle { get; set; }
        public extern void Start();
        public extern void Stop();
        public static extern PwmChannel Create(int chip, int channel, int frequency = 400, double dutyCyclePercentage = 0.5);
        public static extern PwmChannel CreateFromPin(int pin, int frequency = 400, double dutyCyclePercentage = 0.5);
        public extern void Dispose();
    }
}
