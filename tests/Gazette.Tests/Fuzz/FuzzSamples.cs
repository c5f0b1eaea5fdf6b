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

    /// <summary>Valid site files, each as its path under the site root and its text: every key, nested catalogue and topics.</summary>
    public static IReadOnlyList<(string Path, string Text)> Configuration { get; } =
    [
        ("content/site.yml", """
            name: 测试公报
            base_url: https://example.gov.cn/gongbao/
            language: zh-CN
            publisher: 测试市人民政府办公室
            description: 测试市政府公报与政府信息公开目录。
            page_size: 20
            """),
        ("content/organs.yml", """
            - {id: city-gov, name: 测试市人民政府, short_name: 市政府, code: "000014349"}
            - id: city-office
              name: 测试市人民政府办公室
              short_name: 市政府办公室
              code: "000014350"
            - {id: no-code, name: 没有代码的机构}
            """),
        ("content/catalogue.yml", """
            - id: zhengce-wenjian
              name: 政策文件
              description: 政府及其部门制定的政策文件。
              subject: 市政府办公室
              time_limit: 自形成之日起20个工作日内
              method: 政府门户网站、政府公报
              children:
                - id: shizhengfu-wenjian
                  name: 市政府文件
                  children:
                    - {id: guifanxing-wenjian, name: 规范性文件}
                - {id: kongqi-zhiliang, name: 空气质量月报, period: monthly}
            - {id: nianbao, name: 年度报告, period: yearly}
            """),
        ("content/topics.yml", """
            - id: zonghe-zhengwu
              name: 综合政务
              children:
                - {id: zhengwu-gongkai, name: 政务公开}
            - {id: weisheng-tiyu, name: 卫生、体育}
            """),
        ("content/genres.yml", """
            - {id: tongzhi, name: 通知, policy: false}
            - {id: gongshi, name: 公示, aliases: [公示公告]}
            - {id: jiedu, name: 图解, interpretation: true}
            """),
        ("content/gazettes/2019/1.yml", """
            issue: 1
            total: 12
            date: 2019-03-10
            title: 特刊
            sections: [市政府文件, 市政府办公室文件, 政策解读]
            """),
        ("content/holidays.yml", """
            - year: 2019
              notice:
                - 国务院办公厅关于2019年部分节假日安排的通知（国办发明电〔2018〕15号）
              holidays:
                - {name: 元旦, from: 2018-12-30, to: 2019-01-01}
                - {name: 国庆节, from: 2019-10-01, to: 2019-10-07}
                - {name: 本地节日, from: 2019-11-11}
              workdays: [2018-12-29, 2019-09-29, 2019-10-12]
            """),
    ];
}
