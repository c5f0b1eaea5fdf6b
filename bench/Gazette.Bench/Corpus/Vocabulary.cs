using System.Text;

namespace Gazette.Bench.Corpus;

/// <summary>
/// An issuing organ of the benchmark corpora. Names are real organs; the organisation codes are made up (the benchmark needs
/// some 9-digit code to write index numbers), and <see cref="Prefix"/> is the organ's real-world document-number prefix.
/// </summary>
public sealed record Organ(string Id, string Name, string ShortName, string Prefix, string Region, bool National, double Weight)
{
    public string Code { get; init; } = "";
}

public static class Vocabulary
{
    /// <summary>Forty-two organs: the national ones that issue the real laws, and provincial and city governments for derived documents.</summary>
    public static IReadOnlyList<Organ> Organs { get; } = WithCodes(
    [
        new("quanguo-renda", "全国人民代表大会", "全国人大", "", "", true, 0.2),
        new("quanguo-renda-changweihui", "全国人民代表大会常务委员会", "全国人大常委会", "", "", true, 0.5),
        new("guowuyuan", "国务院", "国务院", "国发", "", true, 2),
        new("guowuyuan-bangongting", "国务院办公厅", "国务院办公厅", "国办发", "", true, 2.5),
        new("zuigao-fayuan", "最高人民法院", "最高法", "法释", "", true, 0.8),
        new("zuigao-jianchayuan", "最高人民检察院", "最高检", "高检发释字", "", true, 0.5),
        new("fagaiwei", "国家发展和改革委员会", "国家发展改革委", "发改法规", "", true, 1.2),
        new("jiaoyubu", "教育部", "教育部", "教发", "", true, 1),
        new("gongxinbu", "工业和信息化部", "工业和信息化部", "工信部", "", true, 1),
        new("gonganbu", "公安部", "公安部", "公通字", "", true, 0.8),
        new("minzhengbu", "民政部", "民政部", "民发", "", true, 0.8),
        new("sifabu", "司法部", "司法部", "司发", "", true, 0.6),
        new("caizhengbu", "财政部", "财政部", "财预", "", true, 1.5),
        new("renshebu", "人力资源和社会保障部", "人力资源社会保障部", "人社部发", "", true, 1.2),
        new("ziranziyuanbu", "自然资源部", "自然资源部", "自然资规", "", true, 0.8),
        new("shengtai-huanjingbu", "生态环境部", "生态环境部", "环法规", "", true, 0.8),
        new("zhujianbu", "住房和城乡建设部", "住房城乡建设部", "建法规", "", true, 0.8),
        new("jiaotongbu", "交通运输部", "交通运输部", "交法发", "", true, 0.8),
        new("nongyebu", "农业农村部", "农业农村部", "农法发", "", true, 0.8),
        new("shangwubu", "商务部", "商务部", "商法发", "", true, 0.7),
        new("weijianwei", "国家卫生健康委员会", "国家卫生健康委", "国卫法规发", "", true, 0.8),
        new("shichang-jianguan", "国家市场监督管理总局", "市场监管总局", "国市监法", "", true, 0.8),
        new("guojia-anquanbu", "国家安全部", "国家安全部", "国安发", "", true, 0.1),
        new("beijing-gov", "北京市人民政府", "北京市政府", "京政发", "北京市", false, 2),
        new("beijing-gov-office", "北京市人民政府办公厅", "北京市政府办公厅", "京政办发", "北京市", false, 2),
        new("shanghai-gov", "上海市人民政府", "上海市政府", "沪府发", "上海市", false, 2),
        new("shanghai-gov-office", "上海市人民政府办公厅", "上海市政府办公厅", "沪府办发", "上海市", false, 2),
        new("guangdong-gov", "广东省人民政府", "广东省政府", "粤府", "广东省", false, 2),
        new("guangdong-gov-office", "广东省人民政府办公厅", "广东省政府办公厅", "粤府办", "广东省", false, 2),
        new("zhejiang-gov", "浙江省人民政府", "浙江省政府", "浙政发", "浙江省", false, 1.5),
        new("jiangsu-gov-office", "江苏省人民政府办公厅", "江苏省政府办公厅", "苏政办发", "江苏省", false, 1.5),
        new("shandong-gov", "山东省人民政府", "山东省政府", "鲁政发", "山东省", false, 1.5),
        new("sichuan-gov", "四川省人民政府", "四川省政府", "川府发", "四川省", false, 1.2),
        new("hubei-gov-office", "湖北省人民政府办公厅", "湖北省政府办公厅", "鄂政办发", "湖北省", false, 1.2),
        new("anhui-gov", "安徽省人民政府", "安徽省政府", "皖政", "安徽省", false, 1.2),
        new("chongqing-gov-office", "重庆市人民政府办公厅", "重庆市政府办公厅", "渝府办发", "重庆市", false, 1.5),
        new("shenzhen-gov", "深圳市人民政府", "深圳市政府", "深府", "深圳市", false, 1.2),
        new("hangzhou-gov-office", "杭州市人民政府办公厅", "杭州市政府办公厅", "杭政办", "杭州市", false, 1),
        new("chengdu-gov", "成都市人民政府", "成都市政府", "成府发", "成都市", false, 1),
        new("liaocheng-gov-office", "聊城市人民政府办公室", "聊城市政府办公室", "聊政办发", "聊城市", false, 1),
        new("luan-gov-office", "六安市人民政府办公室", "六安市政府办公室", "六政办", "六安市", false, 1),
        new("tongliang-gov-office", "重庆市铜梁区人民政府办公室", "铜梁区政府办公室", "铜府办发", "重庆市铜梁区", false, 1),
    ]);

    public static Organ Organ(string id) => Organs.First(o => o.Id == id);

    private static IReadOnlyList<Organ> WithCodes(Organ[] organs) =>
        organs.Select((o, i) => o with { Code = (11_000_000 + (i * 7919)).ToString("D9", System.Globalization.CultureInfo.InvariantCulture) }).ToList();

    /// <summary>Sections of every gazette issue of the benchmark.</summary>
    public static IReadOnlyList<string> Sections { get; } = ["法律", "行政法规", "国务院文件", "部门规章", "司法解释", "地方政府文件", "政策解读"];

    /// <summary>Genres the corpora use beyond Gazette's built-in list (content/genres.yml).</summary>
    public const string ExtraGenres = """
        # 法规公报的体裁：内置文种之外的法律、行政法规、司法解释
        - {id: falv, name: 法律}
        - {id: tiaoli, name: 条例}
        - {id: sifa-jieshi, name: 司法解释, aliases: [解释]}
        - {id: guize, name: 规则}
        - {id: xiuzhengan, name: 修正案}
        """;

    /// <summary>The genre of a law by the end of its title.</summary>
    public static string GenreOfLaw(Law law)
    {
        var t = law.Title.TrimEnd('）', ')').Trim();
        if (law.Level == "司法解释" || t.EndsWith("解释", StringComparison.Ordinal) || t.Contains("解释（", StringComparison.Ordinal))
        {
            return "sifa-jieshi";
        }

        string[] suffixes = ["修正案", "条例", "规定", "办法", "细则", "决定", "批复", "规则", "法"];
        string[] ids = ["xiuzhengan", "tiaoli", "guiding", "banfa", "xize", "jueding", "pifu", "guize", "falv"];
        foreach (var title in new[] { law.Title, Strip(law.Title) })
        {
            for (var i = 0; i < suffixes.Length; i++)
            {
                if (title.EndsWith(suffixes[i], StringComparison.Ordinal))
                {
                    return ids[i];
                }
            }
        }

        for (var i = 0; i < suffixes.Length; i++)
        {
            if (law.Title.Contains(suffixes[i], StringComparison.Ordinal))
            {
                return ids[i];
            }
        }

        return "guiding";

        static string Strip(string title) => System.Text.RegularExpressions.Regex.Replace(title, "[（(][^）)]*[）)]$", "");
    }

    private static readonly (string Topic, string[] Words)[] TopicWords =
    [
        ("gongan-anquan-sifa", ["刑", "诉讼", "公安", "监狱", "检察", "法院", "治安", "审判", "律师", "公证", "仲裁", "警", "犯罪", "看守所", "禁毒", "枪支"]),
        ("caizheng-jinrong-shenji", ["税", "财政", "预算", "会计", "审计", "银行", "金融", "证券", "保险", "外汇", "期货", "债", "货币", "存款"]),
        ("guotu-ziyuan-nengyuan", ["土地", "矿", "能源", "电力", "煤炭", "石油", "测绘", "海域", "地质", "不动产"]),
        ("nongye-linye-shuili", ["农", "林", "水", "渔", "草原", "种子", "畜牧", "兽医", "防汛"]),
        ("gongye-jiaotong", ["交通", "公路", "铁路", "航空", "船舶", "邮政", "工业", "航运", "港口", "道路", "海上", "电信", "无线电"]),
        ("shangmao-haiguan-lvyou", ["商", "海关", "旅游", "进出口", "外贸", "贸易", "招标", "拍卖", "合同"]),
        ("shichang-jianguan-anquan-shengchan", ["食品", "药品", "安全生产", "质量", "标准", "计量", "市场", "价格", "广告", "反垄断", "消费者", "产品", "特种设备"]),
        ("chengxiang-jianshe-huanjing-baohu", ["城", "建筑", "规划", "环境", "污染", "住房", "物业", "气象", "节约能源"]),
        ("keji-jiaoyu", ["科学", "技术", "教育", "学校", "教师", "专利", "学位", "著作权", "商标", "知识产权"]),
        ("wenhua-guangdian-xinwen-chuban", ["文化", "广播", "电影", "出版", "文物", "新闻", "档案", "网络", "互联网", "信息"]),
        ("weisheng-tiyu", ["卫生", "医", "体育", "疫", "传染", "血", "精神", "中医"]),
        ("renkou-jihua-shengyu-funv-ertong", ["人口", "妇女", "儿童", "未成年", "计划生育", "母婴", "老年"]),
        ("laodong-renshi-jiancha", ["劳动", "人事", "公务员", "工资", "社会保险", "就业", "监察", "工会", "工伤"]),
        ("minzheng-fupin-jiuzai", ["民政", "救灾", "扶贫", "婚姻", "殡葬", "救助", "慈善", "社会组织", "地名", "收养", "继承", "家庭"]),
        ("minzu-zongjiao", ["民族", "宗教"]),
        ("duiwai-shiwu", ["外交", "条约", "领事", "外国", "出境", "入境", "护照", "引渡"]),
        ("gangaotai-qiao-gongzuo", ["香港", "澳门", "台湾", "华侨", "归侨"]),
        ("guofang", ["国防", "兵役", "军", "武装", "民兵", "戒严"]),
        ("guowuyuan-zuzhi-jigou", ["组织法", "机构", "编制", "议事规则"]),
    ];

    public static string TopicOf(string title)
    {
        foreach (var (topic, words) in TopicWords)
        {
            if (words.Any(w => title.Contains(w, StringComparison.Ordinal)))
            {
                return topic;
            }
        }

        return "zonghe-zhengwu";
    }

    private static readonly string[] Digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

    /// <summary>1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五, as articles are numbered.</summary>
    public static string Chinese(int n)
    {
        if (n <= 0)
        {
            return Digits[0];
        }

        if (n < 10)
        {
            return Digits[n];
        }

        if (n < 20)
        {
            return "十" + (n % 10 == 0 ? "" : Digits[n % 10]);
        }

        if (n < 100)
        {
            return Digits[n / 10] + "十" + (n % 10 == 0 ? "" : Digits[n % 10]);
        }

        if (n < 1000)
        {
            var rest = n % 100;
            var text = new StringBuilder(Digits[n / 100] + "百");
            if (rest == 0)
            {
                return text.ToString();
            }

            if (rest < 10)
            {
                return text.Append('零').Append(Digits[rest]).ToString();
            }

            return text.Append(rest < 20 ? "一" + Chinese(rest) : Chinese(rest)).ToString();
        }

        return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
