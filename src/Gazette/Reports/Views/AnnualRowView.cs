namespace Gazette.Reports.Views;

/// <summary>One row of 第二十条第（一）项: its label (规章, 行政规范性文件) and counts.</summary>
public sealed record AnnualRowView(string Label, int Made, int Repealed, int InForce, int InForceBefore);
