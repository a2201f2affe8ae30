using OpenIdds.Hal;

namespace OpenIdds.Tests.Unit.Fakes
{
    /// <summary>Records the alarm signal it was last told to show.</summary>
    public sealed class FakeAnnunciator : IAnnunciator
    {
        public AlarmPriority Priority { get; private set; }
        public bool Audible { get; private set; }
        public int Changes { get; private set; }
        public void Annunciate(AlarmPriority priority, bool audible) { Priority = priority; Audible = audible; Changes++; }
    }

    /// <summary>An annunciator with sense lines on its outputs; the test decides whether they see the tone and light.</summary>
    public sealed class FakeSensedAnnunciator : IAnnunciator, IAnnunciatorReadback
    {
        public bool Works { get; set; }
        public int Checks { get; private set; }
        public void Annunciate(AlarmPriority priority, bool audible) { }
        public bool OutputsWork() { Checks++; return Works; }
    }

    /// <summary>A button the test presses.</summary>
    public sealed class FakeButton : IPatientButton
    {
        public int Pending { get; set; }
        public int TakePresses() { int n = Pending; Pending = 0; return n; }
    }

    /// <summary>Counts kicks.</summary>
    public sealed class FakeWatchdog : IWatchdog
    {
        public int Kicks { get; private set; }
        public int TimeoutMilliseconds { get; private set; }
        public void Arm(int timeoutMilliseconds) { TimeoutMilliseconds = timeoutMilliseconds; }
        public void Kick() { Kicks++; }
    }

    /// <summary>A link with nothing to read that swallows writes.</summary>
    public sealed class FakeLink : ISerialLink
    {
        public int Read(byte[] buffer, int offset, int count) { return 0; }
        public void Write(byte[] buffer, int offset, int count) { }
    }

    /// <summary>A tiny RAM flash: enough for tests that only need a store to exist.</summary>
    public sealed class FakeStore : INonVolatileStore
    {
        private readonly byte[] _bytes;
        public FakeStore() { _bytes = new byte[PageSize * PageCount]; for (int i = 0; i < _bytes.Length; i++) _bytes[i] = 0xFF; }
        public int PageSize { get { return 256; } }
        public int PageCount { get { return 4; } }
        public int RatedEraseCycles { get { return 10000; } }
        public void Read(int page, int offset, byte[] buffer, int index, int count) { System.Array.Copy(_bytes, page * PageSize + offset, buffer, index, count); }
        public void Erase(int page) { for (int i = 0; i < PageSize; i++) _bytes[page * PageSize + i] = 0xFF; }
        public void Write(int page, int offset, byte[] data, int index, int count) { System.Array.Copy(data, index, _bytes, page * PageSize + offset, count); }
    }
}
