namespace Powers.Analysis;

/// <summary>Which part of an <see cref="AnalysisBudget"/> ran out.</summary>
internal enum AnalysisLimit
{
    /// <summary>More situation classes than <see cref="AnalysisBudget.MaxSteps"/>.</summary>
    Steps,

    /// <summary>More cases to keep than <see cref="AnalysisBudget.MaxCases"/>.</summary>
    Cases,

    /// <summary>Longer than <see cref="AnalysisBudget.TimeLimit"/>.</summary>
    Time,

    /// <summary>The budget's cancellation token was cancelled.</summary>
    Cancelled,
}
