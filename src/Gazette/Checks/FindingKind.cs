using Gazette.Diagnostics;

namespace Gazette.Checks;

/// <summary>
/// One kind of problem <c>gazette check</c> reports (DOMAIN rules 3–5): its name in the JSON report, its diagnostic code and its
/// titles in English (the console) and Chinese (the HTML view for publishers).
/// </summary>
public sealed record FindingKind(string Id, DiagnosticCode Code, string Title, string Label)
{
    public static FindingKind LatePublication { get; } =
        new("late_publication", Codes.LatePublication, "published more than 20 working days after written", "逾期发布（成文后超过20个工作日）");

    public static FindingKind LateInterpretation { get; } =
        new("late_interpretation", Codes.LateInterpretation, "interpretation more than 3 working days after its policy", "解读滞后（政策发布后超过3个工作日）");

    public static FindingKind PolicyWithoutInterpretation { get; } =
        new("policy_without_interpretation", Codes.PolicyWithoutInterpretation, "policy document without interpretation", "规范性文件未发布解读");

    public static FindingKind MissingSuccessor { get; } =
        new("missing_successor", Codes.MissingSuccessor, "repealed or amended without naming by what", "废止、修改未注明依据文件");

    public static FindingKind MissingSummary { get; } =
        new("missing_summary", Codes.MissingSummary, "no summary (内容概述)", "缺少内容概述");

    public static FindingKind MissedPeriod { get; } =
        new("missed_period", Codes.MissedPeriod, "periodic catalogue entry missed a period", "定期公开事项缺期");

    /// <summary>Every kind, in the order reports list them.</summary>
    public static IReadOnlyList<FindingKind> All { get; } =
        [LatePublication, LateInterpretation, PolicyWithoutInterpretation, MissingSuccessor, MissingSummary, MissedPeriod];
}
