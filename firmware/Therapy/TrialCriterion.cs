namespace OpenIdds.Firmware.Therapy
{
    /// <summary>How a trial report judges one criterion (relief, function, side effects).</summary>
    public enum TrialCriterion
    {
        /// <summary>The diary holds too little to judge it; the report does not recommend an implant on it.</summary>
        NotRecorded = 0,
        Met = 1,
        NotMet = 2,
    }

    /// <summary>nanoFramework's Enum.ToString() gives the number, so names are mapped here.</summary>
    public static class TrialCriterionName
    {
        public static string Of(TrialCriterion criterion)
        {
            switch (criterion)
            {
                case TrialCriterion.Met: return "met";
                case TrialCriterion.NotMet: return "not met";
                default: return "not recorded";
            }
        }
    }
}
