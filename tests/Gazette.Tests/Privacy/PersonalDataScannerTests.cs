using Gazette.Privacy;

namespace Gazette.Tests.Privacy;

public sealed class PersonalDataScannerTests
{
    private static readonly PersonalDataScanner Scanner = new(new DateOnly(2025, 6, 1));

    private static PersonalDataMatch Only(string text, PersonalDataKind kind)
    {
        var matches = Scanner.Scan(text);
        Assert.True(matches.Count == 1, $"expected one match in \"{text}\", got {matches.Count}: {string.Join(", ", matches)}");
        Assert.Equal(kind, matches[0].Kind);
        return matches[0];
    }

    /// <summary>The one match's text, its masked form and that the mask hides the middle.</summary>
    private static void Finds(string text, PersonalDataKind kind, string written, string masked)
    {
        var match = Only(text, kind);
        Assert.Equal(written, text.Substring(match.Start, match.Length));
        Assert.Equal(masked, match.Masked);
    }

    private static void FindsNothing(string text) =>
        Assert.True(Scanner.Scan(text).Count == 0, $"false alarm in \"{text}\": {string.Join(", ", Scanner.Scan(text))}");

    // Resident ID numbers

    [Theory]
    [InlineData("身份证号码370102199003071238，", "370102199003071238", "3701**********1238")]
    [InlineData("公民身份号码：11010519491231002X。", "11010519491231002X", "1101**********002X")]
    [InlineData("号码11010519491231002x", "11010519491231002x", "1101**********002x")]
    [InlineData("（身份证：370102 19900307 1238）", "370102 19900307 1238", "3701**********1238")]
    [InlineData("身份证号３７０１０２１９９００３０７１２３８。", "３７０１０２１９９００３０７１２３８", "3701**********1238")]
    [InlineData("香港居民810000198012310004", "810000198012310004", "8100**********0004")]
    [InlineData("生于1850年，号码370102185001010012", "370102185001010012", "3701**********0012")]
    public void An_18_digit_ID_number_with_its_check_digit_is_found_and_masked(string text, string written, string masked) =>
        Finds(text, PersonalDataKind.ResidentId, written, masked);

    [Theory]
    [InlineData("370102199003071234")] // check digit should be 8
    [InlineData("370102199003071230")]
    [InlineData("11010519491231002Y")]
    [InlineData("990102199003071233")] // province 99 does not exist (the check digit is right)
    [InlineData("440304200102290011")] // 2001-02-29 is not a date
    [InlineData("370102209003071234")] // born 2090: in the future
    [InlineData("370102179901010017")] // born 1799
    public void An_18_digit_number_that_is_not_a_real_ID_is_not_reported(string number) => FindsNothing("号码" + number + "。");

    [Fact]
    public void A_birth_date_after_today_is_not_real_but_today_is()
    {
        var scanner = new PersonalDataScanner(new DateOnly(2020, 2, 28));

        Assert.Empty(scanner.Scan("110105202002290012")); // 2020-02-29, one day after "today"
        Assert.Single(new PersonalDataScanner(new DateOnly(2020, 2, 29)).Scan("110105202002290012"));
    }

    [Fact]
    public void An_old_15_digit_ID_number_with_a_real_date_is_found()
    {
        Finds("旧身份证370102900307123，", PersonalDataKind.ResidentId, "370102900307123", "3701*******7123");
        FindsNothing("编号370102901307123，"); // month 13
        FindsNothing("编号990102900307123，"); // province 99
    }

    // Mobile numbers

    [Theory]
    [InlineData("联系电话13812345678。", "13812345678", "138****5678")]
    [InlineData("联系电话：19912345678", "19912345678", "199****5678")]
    [InlineData("手机+86 13812345678，", "13812345678", "138****5678")]
    [InlineData("手机+8613812345678，", "13812345678", "138****5678")]
    [InlineData("手机8613812345678，", "13812345678", "138****5678")]
    [InlineData("手机 138 1234 5678，", "138 1234 5678", "138****5678")]
    [InlineData("手机138-1234-5678，", "138-1234-5678", "138****5678")]
    [InlineData("手机+86 138 1234 5678，", "138 1234 5678", "138****5678")]
    [InlineData("手机+86-138-1234-5678，", "138-1234-5678", "138****5678")]
    [InlineData("手机１３８１２３４５６７８，", "１３８１２３４５６７８", "138****5678")]
    [InlineData("[拨打](tel:13812345678)", "13812345678", "138****5678")]
    public void A_mobile_number_in_any_common_form_is_found_and_masked(string text, string written, string masked) =>
        Finds(text, PersonalDataKind.Mobile, written, masked);

    [Theory]
    [InlineData("12812345678")] // 12x is not a mobile prefix
    [InlineData("11812345678")]
    [InlineData("1381234567")] // 10 digits
    [InlineData("138123456789")] // 12 digits
    [InlineData("138 1234 567")]
    [InlineData("138-12345-678")]
    [InlineData("138 1234-5678")] // two different separators
    public void A_number_that_is_not_a_mobile_number_is_not_reported(string text) => FindsNothing("电话" + text + "。");

    // Bank cards

    [Theory]
    [InlineData("工资卡号6228480012345671，", "6228480012345671", "6228********5671")]
    [InlineData("卡号6222021234567890128。", "6222021234567890128", "6222***********0128")]
    [InlineData("卡号622588000012345675。", "622588000012345675", "6225**********5675")]
    [InlineData("卡号402674123456789018。", "402674123456789018", "4026**********9018")]
    [InlineData("卡号 6228 4800 1234 5671 。", "6228 4800 1234 5671", "6228********5671")]
    [InlineData("卡号6228-4800-1234-5671。", "6228-4800-1234-5671", "6228********5671")]
    [InlineData("卡号6217 0012 3456 7890 122。", "6217 0012 3456 7890 122", "6217***********0122")]
    [InlineData("Visa 4367420012345673。", "4367420012345673", "4367********5673")]
    public void A_Luhn_valid_card_number_is_found_and_masked(string text, string written, string masked) =>
        Finds(text, PersonalDataKind.BankCard, written, masked);

    [Theory]
    [InlineData("6228480012345670")] // Luhn fails
    [InlineData("6222021234567890127")]
    [InlineData("12345678901234569")] // Luhn passes, but no card begins with 1
    [InlineData("37010012345678903")] // nor with 37
    [InlineData("523701029839145499")] // a 统一社会信用代码 of digits only; it passes Luhn too
    [InlineData("6228 4800 1234 56710")] // last group too long
    [InlineData("6228 480 0123 45671")] // not in fours
    public void A_number_that_is_not_a_card_number_is_not_reported(string text) => FindsNothing("号码" + text + "。");

    // E-mail

    [Theory]
    [InlineData("来信请寄zhangsan@example.com。", "zhangsan@example.com", "z***@example.com")]
    [InlineData("邮箱：wang.fang-01@mail.sdlc.gov.cn，", "wang.fang-01@mail.sdlc.gov.cn", "w***@mail.sdlc.gov.cn")]
    [InlineData("QQ邮箱13812345678@qq.com。", "13812345678@qq.com", "1***@qq.com")]
    [InlineData("邮箱li_na＠163.com；", "li_na＠163.com", "l***＠163.com")]
    [InlineData("<mailto:zhao123@126.com>", "zhao123@126.com", "z***@126.com")]
    [InlineData("写信至 .hu@sina.com.", "hu@sina.com", "h***@sina.com")]
    public void An_email_address_is_found_and_masked(string text, string written, string masked) =>
        Finds(text, PersonalDataKind.Email, written, masked);

    [Theory]
    [InlineData("@某某 说")]
    [InlineData("user@localhost")]
    [InlineData("a@b.c")]
    [InlineData("a@163.123")]
    [InlineData("a.@163.com")]
    [InlineData("@163.com")]
    [InlineData("ｚｈａｎｇ@163.com")]
    public void Something_that_is_not_an_email_address_is_not_reported(string text) => FindsNothing(text);

    // Boundaries

    [Theory]
    [InlineData("ABC13812345678")]
    [InlineData("13812345678abc")]
    [InlineData("id_13812345678")]
    [InlineData("213812345678")]
    [InlineData("0.13812345678")]
    [InlineData("13812345678.5")]
    [InlineData("Ａ13812345678")]
    [InlineData("3370102199003071238")]
    [InlineData("3701021990030712381")]
    [InlineData("370102199003071238X")]
    [InlineData("62284800123456710")]
    public void A_number_inside_a_longer_run_of_digits_or_letters_is_not_reported(string text) => FindsNothing(text);

    [Fact]
    public void Numbers_at_the_very_start_and_end_of_the_text_are_found()
    {
        Assert.Equal(0, Only("13812345678", PersonalDataKind.Mobile).Start);
        Assert.Equal(3, Only("电话：13812345678", PersonalDataKind.Mobile).Start);
        Assert.Equal(18, Only("370102199003071238", PersonalDataKind.ResidentId).Length);
    }

    [Fact]
    public void A_number_next_to_punctuation_or_a_separator_of_another_kind_is_found()
    {
        Finds("0635-8888888 13812345678", PersonalDataKind.Mobile, "13812345678", "138****5678");
        Finds("（13812345678）", PersonalDataKind.Mobile, "13812345678", "138****5678");
        Assert.Equal(["138****5678", "139****5678"], Scanner.Scan("13812345678/13912345678").Select(m => m.Masked));
    }

    [Fact]
    public void Several_matches_are_reported_in_order()
    {
        var text = "张三，身份证号370102199003071238，电话138-1234-5678，卡号6228480012345671，邮箱zhangsan@example.com。";

        var matches = Scanner.Scan(text);

        Assert.Equal(
            [PersonalDataKind.ResidentId, PersonalDataKind.Mobile, PersonalDataKind.BankCard, PersonalDataKind.Email],
            matches.Select(m => m.Kind));
        Assert.Equal(
            ["370102199003071238", "138-1234-5678", "6228480012345671", "zhangsan@example.com"],
            matches.Select(m => text.Substring(m.Start, m.Length)));
        Assert.True(matches.Zip(matches.Skip(1)).All(p => p.First.End <= p.Second.Start));
    }

    [Fact]
    public void A_row_of_many_grouped_numbers_is_read_one_group_at_a_time()
    {
        FindsNothing("2012 2013 2014 2015 2016 2017 2018 2019 2020 2021");
        Finds("1 2 3 4 5 6 7 8 9 13812345678 10", PersonalDataKind.Mobile, "13812345678", "138****5678");
    }

    // False positives: what a government document is full of

    [Theory]
    [InlineData("国办发〔2019〕16号")]
    [InlineData("铜府办发〔2019〕16号、聊政办发[2018]12号、六政办【2018】93号")]
    [InlineData("２０１９年７月１９日，2019-07-19，2019/07/19，20190719")]
    [InlineData("索引号：000014350/2019-00016；000014349/2018-00222")]
    [InlineData("拨打12345政务服务便民热线、12315、12333、12339、95588")]
    [InlineData("客服电话400-800-1234、4008001234、800-820-8820、8008208820")]
    [InlineData("咨询电话0635-8888888、010-12345678、(0635)8888888、0635 8888 8888")]
    [InlineData("全年一般公共预算收入13000000000元，比上年增长15000000000%，共13812345678人次")]
    [InlineData("金额1,380,000,000元，合计￥13812345678，$13812345678")]
    [InlineData("第13812345678号决定书")]
    [InlineData("第一百二十三条、第123条、第45款")]
    [InlineData("统一社会信用代码：91370100MA3C5D1X2Q；523701029839145499；11370000004188028K")]
    [InlineData("GB/T 26341-2010、GB 18667、ISO 7064")]
    [InlineData("中华人民共和国国务院令第711号，主席令第二十四号")]
    [InlineData("2015 2016 2017 2018")]
    [InlineData("网址 http://www.gov.cn/zhengce/content/2019-12/13/content_5460875.htm")]
    [InlineData("按0.25%－0.5%交纳；1000001元以上；25000000计算单位")]
    [InlineData("版本 1.13812345678 与 13812345678.0")]
    public void Ordinary_numbers_of_government_documents_are_not_reported(string text) => FindsNothing(text);

    // Masking

    [Fact]
    public void Mask_replaces_every_match_by_its_masked_form()
    {
        var text = "电话13812345678，邮箱zhangsan@example.com。";

        Assert.Equal("电话138****5678，邮箱z***@example.com。", PersonalDataScanner.Mask(text, Scanner.Scan(text)));
    }

    [Fact]
    public void Mask_can_escape_the_masked_forms_for_Markdown()
    {
        var text = "电话13812345678";

        Assert.Equal(@"电话138\*\*\*\*5678", PersonalDataScanner.Mask(text, Scanner.Scan(text), m => m.Replace("*", @"\*", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_text_without_digits_or_at_signs_has_no_match()
    {
        Assert.Empty(Scanner.Scan("中华人民共和国政府信息公开条例"));
        Assert.Empty(Scanner.Scan(""));
    }
}
