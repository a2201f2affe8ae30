#nullable disable // nanoFramework's own sources are nullable-oblivious
// Stand-in (declarations only) for nanoFramework.Runtime.Events 1.11.32: the base of GPIO pin events.
namespace nanoFramework.Runtime.Events
{
    public class BaseEvent
    {
        public ushort Source;
        public byte Message;
    }
}
