namespace OpenIdds.Hal.Storage
{
    /// <summary>
    /// A seeded xorshift32 generator (Marsaglia, "Xorshift RNGs", J. Stat. Software 8(14), 2003): the
    /// same numbers from the same seed on every runtime, so a flash fault found at one cut point is
    /// replayed exactly from its seed. Not for anything secret.
    /// </summary>
    public sealed class XorShiftRandom
    {
        private uint _state;

        public XorShiftRandom(int seed)
        {
            // Zero is xorshift's one fixed point; any other seed is a full-period start.
            _state = (uint)seed * 2654435761u ^ 0x9E3779B9u;
            if (_state == 0) _state = 0x6D2B79F5u;
        }

        public uint NextUInt()
        {
            uint x = _state;
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            _state = x;
            return x;
        }

        /// <summary>A number from 0 to <paramref name="bound"/> - 1.</summary>
        public int Below(int bound) { return (int)(NextUInt() % (uint)bound); }

        /// <summary>True <paramref name="perMillion"/> times in a million.</summary>
        public bool Chance(int perMillion) { return NextUInt() % 1000000u < (uint)perMillion; }
    }
}
