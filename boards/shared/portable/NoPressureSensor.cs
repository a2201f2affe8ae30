using OpenIdds.Hal;

namespace OpenIdds.Boards
{
    /// <summary>A board with no downstream pressure sensor wired (or no ADC at all): always NotFitted, never a pressure.</summary>
    public sealed class NoPressureSensor : IPressureSensor
    {
        public SensorStatus Read(out int pascals)
        {
            pascals = 0;
            return SensorStatus.NotFitted;
        }
    }
}
