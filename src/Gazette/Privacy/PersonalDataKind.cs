namespace Gazette.Privacy;

/// <summary>The kinds of personal data the privacy screen finds (DOMAIN rule 2: 个人信息去标识化).</summary>
public enum PersonalDataKind
{
    /// <summary>居民身份证号码: 18 digits with a valid check digit, or an old 15-digit number.</summary>
    ResidentId,
    /// <summary>手机号码: a mainland mobile number, 1[3-9] and 9 digits.</summary>
    Mobile,
    /// <summary>银行卡号: 16 to 19 digits that pass the Luhn check.</summary>
    BankCard,
    /// <summary>电子邮箱.</summary>
    Email,
}
