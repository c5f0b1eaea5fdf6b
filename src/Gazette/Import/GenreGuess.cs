using System.Text.RegularExpressions;
using Gazette.Model;

namespace Gazette.Import;

/// <summary>
/// The genre (文种) a title ends with: 关于……的通知 is a 通知, 行政复议法 a 法律, 信访条例 a 条例. Genres of laws and regulations
/// that the built-in vocabulary lacks (法律, 条例, 解释, 规则, …) come with the id the importer gives them when it adds them to
/// content/genres.yml.
/// </summary>
internal static partial class GenreGuess
{
    /// <summary>Title endings, longest first, and the genre each means (its id is used only when the site lacks the genre).</summary>
    private static readonly (string Ending, string Id, string Name)[] Endings =
    [
        ("实施细则", "xize", "细则"), ("修正案", "xiuzhengan", "修正案"), ("法典", "falv", "法律"), ("条例", "tiaoli", "条例"),
        ("规定", "guiding", "规定"), ("办法", "banfa", "办法"), ("细则", "xize", "细则"), ("规则", "guize", "规则"),
        ("解释", "jieshi", "解释"), ("解答", "jieshi", "解释"), ("决定", "jueding", "决定"), ("决议", "jueyi", "决议"),
        ("批复", "pifu", "批复"), ("通知", "tongzhi", "通知"), ("意见", "yijian", "意见"), ("方案", "fangan", "方案"),
        ("公告", "gonggao", "公告"), ("通告", "tonggao", "通告"), ("通报", "tongbao", "通报"), ("规划", "guihua", "规划"),
        ("纲要", "gangyao", "纲要"), ("安排", "anpai", "安排"), ("章程", "zhangcheng", "章程"), ("准则", "zhunze", "准则"),
        ("报告", "baogao", "报告"), ("纪要", "jiyao", "纪要"), ("命令", "mingling", "命令"), ("宪法", "falv", "法律"), ("法", "falv", "法律"),
    ];

    /// <summary>The genre a title ends with (after a closing bracket like （试行）), or null when it ends with none of them.</summary>
    public static Genre? FromTitle(string title)
    {
        var bare = TrailingBracket().Replace(title.Trim(), "");
        foreach (var (ending, id, name) in Endings)
        {
            if (bare.EndsWith(ending, StringComparison.Ordinal))
            {
                return new Genre(id, name, [], IsInterpretation: false);
            }
        }

        return null;
    }

    [GeneratedRegex(@"(\s*[（(][^（）()]*[）)])+$")]
    private static partial Regex TrailingBracket();
}
