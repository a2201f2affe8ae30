namespace OpenIdds.Hal
{
    /// <summary>
    /// The board's hold for the nanoseconds to microseconds a STEP pulse or a DIR setup must last
    /// (STEP-TIMING-MET): a short blocking wait, the only one in the HAL, bounded by the stepper chip's
    /// datasheet figures. A board with a sub-microsecond clock also measures what it held.
    /// </summary>
    public interface IPinTiming
    {
        /// <summary>Returns no sooner than <paramref name="nanoseconds"/> after it was called.</summary>
        void HoldNanoseconds(int nanoseconds);

        /// <summary>The shortest hold measured since start, in nanoseconds; -1 where the board has no clock fine enough to measure it.</summary>
        long ShortestHeldNanoseconds { get; }
    }
}
