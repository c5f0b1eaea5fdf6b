namespace Gazette.Model;

/// <summary>
/// The legal form of a document (front matter <c>legal_form:</c>), as table 二 of the annual report on open government
/// information counts it (《中华人民共和国政府信息公开工作年度报告格式》, 第二十条第（一）项). It is not a 文种: a 规章 is
/// printed as a 办法 or 规定 and promulgated by a 令, and a 通知 may or may not be a 行政规范性文件. Unless a document says,
/// its genre decides (<see cref="SiteConfiguration.LegalFormOf"/>).
/// </summary>
public enum LegalForm
{
    /// <summary>其他: neither a 规章 nor a 行政规范性文件; not counted in table 二.</summary>
    Other,
    /// <summary>规章: rules made by a State Council department or a provincial or larger-city government and promulgated by 令.</summary>
    Rules,
    /// <summary>行政规范性文件: a normative document of an administrative organ, binding on the public and applied repeatedly.</summary>
    Normative,
}
