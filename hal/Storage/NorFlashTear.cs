namespace OpenIdds.Hal.Storage
{
    /// <summary>
    /// NOR-FLASH-TEAR: how a NOR operation cut by the power leaves its bits, for the RAM flash of tests
    /// and the simulator. A program pulse clears the bits it is given in no fixed order and not all at
    /// once, so a cut program leaves any subset of them cleared, and some "weak": charged part-way, read
    /// as 0 or 1 from one read to the next until the next erase. An erase first programs the page to
    /// zeros, then raises every bit to 1 and soft-programs the over-erased ones, so a cut erase can leave
    /// every bit of the page in either state, or weak. Which bits is drawn from a seed: a failing cut
    /// point replays exactly. Each seed also picks how far the operation got (barely started, half,
    /// nearly done, or no order at all), so the sweeps see all of them.
    /// </summary>
    public static class NorFlashTear
    {
        private const int Million = 1000000;

        /// <summary>A program of <paramref name="count"/> bytes of <paramref name="data"/> at <paramref name="start"/>, cut by the power.</summary>
        public static void Program(byte[] bytes, byte[] weak, int start, byte[] data, int index, int count, int seed)
        {
            XorShiftRandom random = new XorShiftRandom(seed);
            int cleared, weakened;
            switch (random.Below(4))
            {
                case 0: cleared = 50000; weakened = 50000; break;      // barely started
                case 1: cleared = 450000; weakened = 100000; break;    // half-way
                case 2: cleared = 900000; weakened = 50000; break;     // nearly done
                default: cleared = 333333; weakened = 333333; break;   // no order at all
            }
            for (int i = 0; i < count; i++)
            {
                int at = start + i;
                // The bits this program clears: 1 (or weak) in the chip, 0 in the data.
                int clearing = ~data[index + i] & (bytes[at] | weak[at]) & 0xFF;
                for (int bit = 0; bit < 8; bit++)
                {
                    int mask = 1 << bit;
                    if ((clearing & mask) == 0) continue;
                    int r = random.Below(Million);
                    if (r < cleared) { bytes[at] = (byte)(bytes[at] & ~mask); weak[at] = (byte)(weak[at] & ~mask); }
                    else if (r < cleared + weakened) weak[at] = (byte)(weak[at] | mask);
                }
            }
        }

        /// <summary>An erase of <paramref name="size"/> bytes at <paramref name="start"/>, cut by the power.</summary>
        public static void Erase(byte[] bytes, byte[] weak, int start, int size, int seed)
        {
            XorShiftRandom random = new XorShiftRandom(seed);
            int phase = random.Below(4);
            int progress = random.Below(Million);
            const int weakened = 20000;
            for (int i = 0; i < size; i++)
            {
                int at = start + i;
                int value = bytes[at];
                int weakBits = weak[at];
                for (int bit = 0; bit < 8; bit++)
                {
                    int mask = 1 << bit;
                    int r = random.Below(Million);
                    bool isWeak = (weakBits & mask) != 0;
                    bool one = (value & mask) != 0;
                    // 0: 0, 1: 1, 2: weak.
                    int state;
                    switch (phase)
                    {
                        case 0:   // pre-programming to zeros
                            if (isWeak || !one) state = isWeak ? 2 : 0;
                            else state = r < progress ? 0 : r < progress + weakened ? 2 : 1;
                            break;
                        case 1:   // raising the bits to 1
                            if (one && !isWeak) state = 1;
                            else state = r < progress ? 1 : r < progress + weakened ? 2 : isWeak ? 2 : 0;
                            break;
                        case 2:   // no order at all
                            state = r % 3;
                            break;
                        default:  // nearly done: a few slow bits
                            state = r < 2000 ? 0 : r < 4000 ? 2 : 1;
                            break;
                    }
                    if (state == 1) value |= mask; else value &= ~mask;
                    if (state == 2) weakBits |= mask; else weakBits &= ~mask;
                }
                bytes[at] = (byte)value;
                weak[at] = (byte)weakBits;
            }
        }
    }
}
