namespace OpenIdds.Firmware.Therapy
{
    /// <summary>
    /// One reason a check gave: which rule, what it did, and a message naming the field, the value and
    /// the limit; for a numeric limit also the value and the limit themselves (in the rule's unit), so
    /// the event log keeps them (REFUSAL-LOGGED-WITH-LIMIT).
    /// </summary>
    public struct CheckReason
    {
        public readonly TherapyError Code;
        public readonly CheckOutcome Outcome;
        public readonly string Message;
        public readonly bool HasLimit;
        public readonly long Value;
        public readonly long Limit;

        public CheckReason(TherapyError code, CheckOutcome outcome, string message)
        {
            Code = code;
            Outcome = outcome;
            Message = message;
            HasLimit = false;
            Value = 0;
            Limit = 0;
        }

        public CheckReason(TherapyError code, CheckOutcome outcome, string message, long value, long limit)
        {
            Code = code;
            Outcome = outcome;
            Message = message;
            HasLimit = true;
            Value = value;
            Limit = limit;
        }
    }
}
