namespace OpenIdds.Firmware.Therapy
{
    /// <summary>One reason a check gave: which rule, what it did, and a message naming the field, the value and the limit.</summary>
    public struct CheckReason
    {
        public readonly TherapyError Code;
        public readonly CheckOutcome Outcome;
        public readonly string Message;

        public CheckReason(TherapyError code, CheckOutcome outcome, string message)
        {
            Code = code;
            Outcome = outcome;
            Message = message;
        }
    }
}
