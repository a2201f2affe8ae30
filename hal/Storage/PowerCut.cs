namespace OpenIdds.Hal.Storage
{
    /// <summary>Thrown by <see cref="RamFlash"/> when an injected power cut stops a write or erase part-way.</summary>
    public sealed class PowerCut : System.Exception
    {
        public PowerCut(string message) : base(message) { }
    }
}
