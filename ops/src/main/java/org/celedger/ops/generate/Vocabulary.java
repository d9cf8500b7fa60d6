package org.celedger.ops.generate;

import java.util.List;
import org.celedger.domain.practitioner.Jurisdiction;

/** The words the generator draws from: regions with their resident-ID area codes, names, employers, titles. */
final class Vocabulary {

    private Vocabulary() {
    }

    /** A prefecture-level region (盟市) and the area code of a district in it (the first six digits of an ID). */
    record Region(String name, String areaCode) {
    }

    static final List<Region> IM_REGIONS = List.of(
            new Region("呼和浩特市", "150102"), new Region("包头市", "150202"), new Region("乌海市", "150302"),
            new Region("赤峰市", "150402"), new Region("通辽市", "150502"), new Region("鄂尔多斯市", "150602"),
            new Region("呼伦贝尔市", "150702"), new Region("巴彦淖尔市", "150802"), new Region("乌兰察布市", "150902"),
            new Region("兴安盟", "152201"), new Region("锡林郭勒盟", "152502"), new Region("阿拉善盟", "152921"));

    static final List<Region> NX_REGIONS = List.of(
            new Region("银川市", "640104"), new Region("石嘴山市", "640202"), new Region("吴忠市", "640302"),
            new Region("固原市", "640402"), new Region("中卫市", "640502"));

    static List<Region> regions(Jurisdiction j) {
        return j == Jurisdiction.IM ? IM_REGIONS : NX_REGIONS;
    }

    static String authority(Jurisdiction j) {
        return j == Jurisdiction.IM ? "内蒙古自治区人力资源和社会保障厅" : "宁夏回族自治区人力资源和社会保障厅";
    }

    static final String[] SURNAMES = ("王 李 张 刘 陈 杨 赵 黄 周 吴 徐 孙 胡 朱 高 林 何 郭 马 罗 梁 宋 郑 谢 韩 唐 冯 于 董 萧 "
            + "程 曹 袁 邓 许 傅 沈 曾 彭 吕 苏 卢 蒋 蔡 贾 丁 魏 薛 叶 阎 余 潘 杜 戴 夏 钟 汪 田 任 姜 范 方 石 姚 谭 廖 "
            + "邹 熊 金 陆 郝 孔 白 崔 康 毛 邱 秦 江 史 顾 侯 邵 孟 龙 万 段 雷 钱 汤 尹 黎 易 常 武 乔 贺 赖 龚 文 "
            + "包 乌 其 敖 那 宝 云 海 巴 纳").split(" ");

    static final String[] GIVEN_MALE = ("伟 强 磊 军 洋 勇 杰 涛 明 超 斌 鹏 辉 刚 健 峰 建 平 志 宇 浩 凯 亮 俊 "
            + "文 博 国 华 海 林 毅 鑫 晨 巴特尔 宝音 额尔敦 朝鲁 苏和 孟和 布和 那顺 阿拉坦 斯琴 乌力吉 图雅 "
            + "德力格尔").split(" ");

    static final String[] GIVEN_FEMALE = ("芳 娜 敏 静 丽 艳 娟 霞 秀 玲 桂 英 梅 琳 燕 洁 颖 蕾 慧 倩 婷 雪 丹 红 "
            + "萍 玉 琴 晶 薇 月 乌云 其其格 萨仁 高娃 娜仁 托娅 塔娜 格日勒 琪琪格").split(" ");

    static final String[] TITLE_SERIES = {"工程", "卫生", "中小学教师", "高校教师", "农业", "经济", "会计", "统计",
            "新闻", "出版", "翻译", "律师", "工艺美术", "图书资料", "文物博物", "群众文化", "体育", "实验技术",
            "畜牧兽医", "草原", "林业", "水利"};

    static final String[] EMPLOYERS_PUBLIC = {"第一人民医院", "中心医院", "疾病预防控制中心", "第二中学", "实验小学",
            "职业技术学院", "农牧业技术推广中心", "气象局", "图书馆", "广播电视台", "林业和草原工作站", "水利科学研究所"};
    static final String[] EMPLOYERS_STATE = {"电力公司", "能源集团有限公司", "铁路局", "建工集团", "稀土集团", "供水公司",
            "烟草公司", "交通投资集团"};
    static final String[] EMPLOYERS_PRIVATE = {"建筑设计有限公司", "会计师事务所", "律师事务所", "软件科技有限公司",
            "乳业股份有限公司", "民营医院", "新能源科技有限公司", "农牧业合作社"};
    static final String[] EMPLOYERS_GOVERNMENT = {"自然资源局", "生态环境局", "住房和城乡建设局", "统计局", "农牧局",
            "人力资源和社会保障局"};

    static final String[] PUBLIC_SUBJECTS = {"法治理论与实践", "习近平新时代中国特色社会主义思想专题", "职业道德与诚信建设",
            "数字经济与人工智能", "铸牢中华民族共同体意识", "生态文明建设", "乡村振兴战略"};
    static final String[] PROFESSIONAL_SUBJECTS = {"新技术新方法研修", "专业能力提升高级研修", "行业标准与规范解读",
            "临床诊疗新进展", "智慧教育与课堂教学", "现代农牧业技术", "工程质量与安全", "财务会计准则更新"};

    static final String[] REVOCATION_REASONS = {"证书核查不实，予以撤销", "重复登记，予以撤销", "培训未按计划实施，学时无效",
            "学员未实际参训"};
}
