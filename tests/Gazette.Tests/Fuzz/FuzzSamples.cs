namespace Gazette.Tests.Fuzz;

/// <summary>
/// Valid documents the fuzz test starts from: every front-matter key, flow and block YAML, and the Markdown a body uses
/// (headings, lists, tables, quotes, code, footnotes, figures, doc: links and images). Each builds without a diagnostic in
/// the configuration of <see cref="ReaderFuzzTests"/>.
/// </summary>
internal static class FuzzSamples
{
    public static IReadOnlyList<string> All { get; } =
    [
        """
        ---
        title: 关于测试的通知
        issuers: city-office
        written: 2019-03-01
        published: 2019-03-05
        topic: 综合政务
        genre: 通知
        summary: 内容概述。
        disclosure: 主动公开
        ---

        正文第一段。
        """,
        """
        ---
        id: tongfu-16
        title: 测试市人民政府办公室关于进一步做好政务公开工作的通知
        doc_number: 测府办发〔2019〕16号
        index_number: 000014350/2019-00016
        issuers: [city-office, city-gov]
        written: 2019-07-19
        published: 2019-07-19
        topic: 综合政务
        genre: 通知
        summary: 部署深化重点领域信息公开、推进决策和执行公开。
        disclosure: 主动公开
        validity: {status: 已修改, date: 2020-01-01, amended_by: other, note: 部分条款修改}
        gazette: {year: 2019, issue: 1, section: 市政府办公室文件, order: 1}
        attachments:
          - file: 原文.txt
            title: 通知原文
          - file: 附件/表格.csv
        catalogue: [policy-files]
        extra:
          note: 任意内容
          list: [1, 2, {a: b}]
        ---

        ## 一、总体要求

        为贯彻落实《政府信息公开条例》，现就有关事项通知如下：

        1. 深化重点领域信息公开；
        2. 推进决策和执行公开；
           - 建立公文公开属性源头认定制度
           - 健全规范性文件管理制度

        | 事项 | 要求 |
        |:---|---:|
        | 备案 | 2019年7月26日前 |
        | 更新 | 每周不少于3次 |

        > 引用：同步起草、同步审核、同步发布。

        见[解读](doc:tongfu-16-jiedu)和[官网](https://www.gov.cn/)，脚注[^1]。

        ![图解](tu.png "图解")

        ```
        代码块 {a: b}
        ```

        [^1]: 脚注内容。
        """,
        """
        ---
        title: "《关于测试的通知》政策解读"
        issuers:
          - city-gov
        written: '2019-03-01'
        published: 2019-03-04
        topic: 综合政务
        genre: 政策解读
        summary: >-
          解读通知的出台背景
          和主要内容。
        disclosure: public
        interprets: policy
        validity:
          status: 废止
          date: 2020-05-01
          repealed_by: newer
        privacy: mask
        ---
        # 一、出台背景

        **政务新媒体**：行政机关开设的政务账号。~~删除~~ ++插入++ ==标记==

        * 第一项
        * 第二项
          > 嵌套引用

        +---------+---------+
        | 表头一  | 表头二  |
        +=========+=========+
        | 内容    | 内容    |
        +---------+---------+

        ### 三、时间节点
        联系电话：12345。<https://www.gov.cn/> www.example.gov.cn
        """,
        """
        ---
        title: 依申请公开的批复
        issuers: city-office
        written: 2019-01-02
        published: 2019-01-03
        topic: 综合政务
        genre: 批复
        disclosure: 依申请公开
        disclosure_reason: 《政府信息公开条例》第十五条
        privacy: reviewed
        privacy_reason: 法定应当公开
        ---
        ...
        """,
    ];
}
