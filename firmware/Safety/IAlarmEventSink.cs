using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Safety
{
    /// <summary>Where alarm events go: the persistent event log, or <see cref="AlarmEventRing"/> in RAM.</summary>
    public interface IAlarmEventSink
    {
        void Record(Milliseconds at, AlarmEventKind kind, AlarmCode code);
    }
}
