namespace OpenIdds.Firmware.Device
{
    /// <summary>
    /// A change that must reach the journal before the tick ends (a latched alarm, a new drug at the
    /// tip, a delivery change, the hourly line). Whoever makes the change asks; <see cref="StateJournal"/>
    /// writes the record and clears the request.
    /// </summary>
    public sealed class JournalRequest
    {
        public bool Due { get; private set; }

        public void Ask() { Due = true; }

        public void Clear() { Due = false; }
    }
}
