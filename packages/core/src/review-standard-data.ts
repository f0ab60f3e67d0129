import type { CaseDeadlineKind, CaseGuard } from './penalty-procedure'
import type { ReviewFileKind, ReviewStandard } from './review-scoring'

/**
 * The platform's default 案卷评查标准: one for 行政处罚 files and one for 行政许可 files.
 *
 * Where they come from — read before relying on them:
 * - **Structure and point split are not from a verified source.** No national scoring standard exists, and the
 *   《云南省行政执法案卷评查标准》 the source article mentions could not be read. The shape — 否决项 (基本标准; any hit
 *   → 不合格, score 0) + 案卷形式 20 points + 案卷内容 80 points — follows issue 6 and the provincial/sector
 *   standards summarised in domain research §1.8 [R] (e.g. the 测绘地理信息 standard's 卷面标准 20 / 内容标准 80 and
 *   its veto list). The individual point values are the platform's own defaults.
 * - **What each item checks is from the law [V]:** 《中华人民共和国行政处罚法》(2021) and 《中华人民共和国行政许可法》
 *   (2019), read in LawRefBook/Laws (行政法/行政处罚法.md, 行政法/行政许可法.md). Each item's `basis` names the
 *   articles it checks. Periods in 行政处罚法 arts. 56, 61, 64 (七日、五日) are working days (art. 85); periods in
 *   行政许可法 are working days throughout (art. 82).
 * - **Grade thresholds 优秀 ≥ 90, 合格 ≥ 60 are configurable defaults [I]**: no primary text fixes them (§1.8);
 *   the bureau sets its own per standard version.
 * A bureau that adopts the provincial standard enters it as a new standard (or a new version) with its real source.
 */

const penaltyBasis = (...articles: string[]) => articles.map((article) => `行政处罚法${article}`)
const licenseBasis = (...articles: string[]) => articles.map((article) => `行政许可法${article}`)

/** 案卷形式 items common to both standards (卷面标准, 20 points). `p` is the code prefix, `order` the filing order. */
function formSection(p: 'P' | 'L', order: string, recordBasis: string[]): ReviewStandard['sections'][number] {
  return {
    code: `${p}-F`,
    title: '案卷形式（20分）',
    items: [
      {
        code: `${p}-F01`,
        text: '使用规范的执法文书格式',
        maxPoints: 2,
        deductions: [{ code: `${p}-F01-a`, text: '未使用规范文书格式或自行增减文书要素，每种扣1分', points: 1, repeatable: true }],
      },
      {
        code: `${p}-F02`,
        text: '文书填写完整、规范，无涂改',
        maxPoints: 4,
        deductions: [{ code: `${p}-F02-a`, text: '文书项目填写不全、涂改未签章确认或有错别字，每处扣1分', points: 1, repeatable: true }],
      },
      {
        code: `${p}-F03`,
        text: '签名、日期和印章齐全',
        basis: recordBasis,
        maxPoints: 4,
        deductions: [
          { code: `${p}-F03-a`, text: '笔录或文书缺少当事人、执法人员签名（或拒签未注明），每处扣1分', points: 1, repeatable: true },
          { code: `${p}-F03-b`, text: '文书缺少日期或应盖印章而未盖，每处扣1分', points: 1, repeatable: true },
        ],
      },
      {
        code: `${p}-F04`,
        text: p === 'P' ? '一案一卷' : '一事一卷',
        maxPoints: 2,
        deductions: [{ code: `${p}-F04-a`, text: '多案合卷或一案材料分散归档', points: 2 }],
      },
      {
        code: `${p}-F05`,
        text: '案卷封面、卷内目录规范',
        maxPoints: 2,
        deductions: [
          { code: `${p}-F05-a`, text: '案卷封面项目填写不全', points: 1 },
          { code: `${p}-F05-b`, text: '缺少卷内目录或目录与卷内材料不符', points: 1 },
        ],
      },
      {
        code: `${p}-F06`,
        text: `卷内材料按程序顺序排列（${order}）`,
        maxPoints: 2,
        deductions: [{ code: `${p}-F06-a`, text: '卷内材料排列顺序错乱，每处扣1分', points: 1, repeatable: true }],
      },
      {
        code: `${p}-F07`,
        text: '页码编写连续、规范',
        maxPoints: 2,
        deductions: [{ code: `${p}-F07-a`, text: '未编页码、漏编或重编页码，每处扣1分', points: 1, repeatable: true }],
      },
      {
        code: `${p}-F08`,
        text: '及时立卷归档，全过程记录材料随卷',
        basis: p === 'P' ? penaltyBasis('第四十七条') : undefined,
        maxPoints: 2,
        deductions: [
          { code: `${p}-F08-a`, text: '办结后未及时立卷归档', points: 2 },
          { code: `${p}-F08-b`, text: '音像等全过程记录材料未随卷归档，也未注明存放位置', points: 1 },
        ],
      },
    ],
  }
}

/**
 * 行政处罚案卷评查标准 (platform default, version 1). 否决项 + 案卷形式 20 + 案卷内容 80; 优秀 ≥ 90, 合格 ≥ 60.
 *
 * @example
 * ```ts
 * scoreSheet(penaltyFileStandard, sheet).grade // 'excellent' | 'pass' | 'fail' once every item is scored
 * ```
 */
export const penaltyFileStandard: ReviewStandard = {
  code: 'LF-PENALTY-FILE',
  version: 1,
  fileKind: 'penalty',
  title: '行政处罚案卷评查标准（平台默认）',
  source:
    '平台默认标准：结构（否决项＋案卷形式20分＋案卷内容80分）参照各省及行业案卷评查标准的通行做法［R］，' +
    '各评查项目依据《中华人民共和国行政处罚法》（2021年修订）相应条款设置，分值与等次分数线为可调整的默认值。',
  gradeThresholds: { excellent: 90, pass: 60 },
  sections: [
    {
      code: 'P-V',
      title: '否决项（基本标准，任一项不符合即为不合格卷）',
      items: [
        {
          code: 'P-V01',
          text: '实施主体合法，在法定职权范围内实施处罚',
          basis: penaltyBasis('第十八条至第二十四条', '第三十八条第一款', '第七十六条第一款第四项'),
          veto: true,
          maxPoints: 0,
          deductions: [
            { code: 'P-V01-a', text: '实施机关不具有行政主体资格，或以内设机构、临时机构名义作出处罚', points: 0 },
            { code: 'P-V01-b', text: '超越法定职权（含超出委托、乡镇承接事项范围）作出处罚', points: 0 },
          ],
        },
        {
          code: 'P-V02',
          text: '由具有行政执法资格的执法人员实施，且不少于两人',
          basis: penaltyBasis('第四十二条第一款', '第七十六条第一款第五项'),
          veto: true,
          maxPoints: 0,
          deductions: [
            { code: 'P-V02-a', text: '调查取证等执法活动的执法人员少于两人', points: 0 },
            { code: 'P-V02-b', text: '执法人员未取得执法证件或证件不在有效期内', points: 0 },
          ],
        },
        {
          code: 'P-V03',
          text: '处罚有法定依据，种类和幅度合法',
          basis: penaltyBasis('第三十八条第一款', '第七十六条第一款第一项、第二项'),
          veto: true,
          maxPoints: 0,
          deductions: [
            { code: 'P-V03-a', text: '处罚没有法律、法规、规章依据', points: 0 },
            { code: 'P-V03-b', text: '擅自改变处罚种类或超出法定幅度', points: 0 },
          ],
        },
        {
          code: 'P-V04',
          text: '违法事实清楚，证据确实充分',
          basis: penaltyBasis('第四十条', '第四十六条第三款'),
          veto: true,
          maxPoints: 0,
          deductions: [
            { code: 'P-V04-a', text: '主要违法事实不清或主要证据不足', points: 0 },
            { code: 'P-V04-b', text: '以非法手段取得的证据作为认定事实的根据', points: 0 },
          ],
        },
        {
          code: 'P-V05',
          text: '不存在重大且明显违反法定程序的情形',
          basis: penaltyBasis('第三十八条第二款', '第四十四条', '第四十五条', '第五十八条', '第六十二条', '第六十三条'),
          veto: true,
          maxPoints: 0,
          deductions: [
            { code: 'P-V05-a', text: '作出决定前未告知拟处罚内容及事实、理由、依据和陈述、申辩权利（当事人明确放弃的除外）', points: 0 },
            { code: 'P-V05-b', text: '拒绝听取当事人陈述、申辩', points: 0 },
            { code: 'P-V05-c', text: '应告知听证权利而未告知，或当事人要求听证而未组织听证', points: 0 },
            { code: 'P-V05-d', text: '依法应当法制审核而未经审核或审核未通过即作出决定', points: 0 },
            { code: 'P-V05-e', text: '因当事人陈述、申辩而给予更重的处罚', points: 0 },
          ],
        },
        {
          code: 'P-V06',
          text: '涉嫌犯罪的案件依法移送司法机关',
          basis: penaltyBasis('第二十七条第一款', '第八十二条'),
          veto: true,
          maxPoints: 0,
          deductions: [{ code: 'P-V06-a', text: '违法行为涉嫌犯罪应移送而未移送，以罚代刑', points: 0 }],
        },
      ],
    },
    formSection('P', '立案→调查取证→审查→告知→决定→送达→执行→结案', penaltyBasis('第五十五条第二款', '第五十九条第二款', '第六十四条第八项')),
    {
      code: 'P-C',
      title: '案卷内容（80分）',
      items: [
        {
          code: 'P-C01',
          text: '依法及时立案',
          basis: penaltyBasis('第五十四条第二款', '第七十六条第二款'),
          maxPoints: 4,
          deductions: [
            { code: 'P-C01-a', text: '未经行政机关负责人批准立案或缺少立案审批材料', points: 4 },
            { code: 'P-C01-b', text: '符合立案标准而未及时立案', points: 2 },
          ],
        },
        {
          code: 'P-C02',
          text: '亮证执法，依法回避',
          basis: penaltyBasis('第四十三条', '第五十五条第一款'),
          maxPoints: 6,
          deductions: [
            { code: 'P-C02-a', text: '调查、检查笔录未记载出示执法证件，每份扣2分', points: 2, repeatable: true },
            { code: 'P-C02-b', text: '应当回避而未回避，或当事人申请回避未经负责人决定', points: 3 },
            { code: 'P-C02-c', text: '笔录未载明执法人员执法证件编号，每份扣1分', points: 1, repeatable: true },
          ],
        },
        {
          code: 'P-C03',
          text: '调查取证全面、客观、合法',
          basis: penaltyBasis('第四十六条', '第五十四条第一款', '第五十五条第二款', '第五十六条'),
          maxPoints: 12,
          deductions: [
            { code: 'P-C03-a', text: '调查不全面，应收集的证据未收集', points: 3 },
            { code: 'P-C03-b', text: '证据未注明来源、未经当事人确认或复印件未核对原件，每处扣2分', points: 2, repeatable: true },
            { code: 'P-C03-c', text: '询问笔录、现场笔录制作不规范（时间、地点、人员、内容缺失），每份扣2分', points: 2, repeatable: true },
            { code: 'P-C03-d', text: '先行登记保存未经负责人批准，或未在七日内作出处理决定', points: 3 },
            { code: 'P-C03-e', text: '抽样取证程序不规范', points: 2 },
          ],
        },
        {
          code: 'P-C04',
          text: '认定事实准确，证据与事实相互印证',
          basis: penaltyBasis('第四十条', '第四十六条第二款'),
          maxPoints: 10,
          deductions: [
            { code: 'P-C04-a', text: '违法行为的时间、地点、情节、后果表述不清', points: 3 },
            { code: 'P-C04-b', text: '证据与认定的事实不一致，或证据之间的矛盾未排除', points: 4 },
            { code: 'P-C04-c', text: '缺少当事人身份或主体资格证明', points: 3 },
          ],
        },
        {
          code: 'P-C05',
          text: '定性准确，适用法律正确，责令改正',
          basis: penaltyBasis('第二十八条第一款', '第二十九条', '第三十七条'),
          maxPoints: 8,
          deductions: [
            { code: 'P-C05-a', text: '引用法律条文不具体（未具体到条、款、项），每处扣2分', points: 2, repeatable: true },
            { code: 'P-C05-b', text: '违法行为定性不准确，或违法依据与处罚依据混用', points: 4 },
            { code: 'P-C05-c', text: '适用已失效或不应适用的规定（违反从旧兼从轻）', points: 4 },
            { code: 'P-C05-d', text: '未责令当事人改正或限期改正违法行为', points: 2 },
            { code: 'P-C05-e', text: '同一违法行为给予两次以上罚款', points: 4 },
          ],
        },
        {
          code: 'P-C06',
          text: '依照裁量基准合理裁量，说明裁量理由',
          basis: penaltyBasis('第三十二条', '第三十三条', '第三十四条'),
          maxPoints: 8,
          deductions: [
            { code: 'P-C06-a', text: '处罚超出行政裁量权基准且未说明理由', points: 4 },
            { code: 'P-C06-b', text: '未载明裁量情节和裁量理由', points: 2 },
            { code: 'P-C06-c', text: '应当从轻、减轻或不予处罚的情形未予考虑', points: 3 },
          ],
        },
        {
          code: 'P-C07',
          text: '依法告知，听取陈述申辩，依法组织听证',
          basis: penaltyBasis('第四十四条', '第四十五条第一款', '第六十三条', '第六十四条', '第六十五条'),
          maxPoints: 8,
          deductions: [
            { code: 'P-C07-a', text: '事先告知书缺少拟处罚内容、事实、理由、依据或权利告知中的要素，每项扣2分', points: 2, repeatable: true },
            { code: 'P-C07-b', text: '对当事人提出的事实、理由和证据未复核或未记录复核意见', points: 3 },
            { code: 'P-C07-c', text: '听证程序不规范（未提前七日通知、由调查人员主持、笔录未经核对签字等），每处扣2分', points: 2, repeatable: true },
          ],
        },
        {
          code: 'P-C08',
          text: '法制审核和集体讨论',
          basis: penaltyBasis('第五十七条第二款', '第五十八条'),
          maxPoints: 4,
          deductions: [
            { code: 'P-C08-a', text: '情节复杂或重大违法行为未经负责人集体讨论决定', points: 4 },
            { code: 'P-C08-b', text: '法制审核意见不明确，或审核人员不具备规定资格', points: 2 },
          ],
        },
        {
          code: 'P-C09',
          text: '处罚决定书载明法定事项并加盖印章',
          basis: penaltyBasis('第五十九条'),
          maxPoints: 8,
          deductions: [
            { code: 'P-C09-a', text: '决定书缺少第五十九条第一款规定的载明事项，每缺一项扣2分', points: 2, repeatable: true },
            { code: 'P-C09-b', text: '决定书未加盖作出决定的行政机关印章', points: 4 },
            { code: 'P-C09-c', text: '决定书认定的事实、理由、依据与告知书不一致且未说明', points: 2 },
          ],
        },
        {
          code: 'P-C10',
          text: '在法定期限内作出决定',
          basis: penaltyBasis('第六十条'),
          maxPoints: 4,
          deductions: [{ code: 'P-C10-a', text: '自立案之日起超过九十日（或法律、法规、规章规定的期限）作出决定', points: 4 }],
        },
        {
          code: 'P-C11',
          text: '依法送达',
          basis: penaltyBasis('第六十一条'),
          maxPoints: 4,
          deductions: [
            { code: 'P-C11-a', text: '决定书未当场交付，也未在七日内送达', points: 2 },
            { code: 'P-C11-b', text: '送达回证不规范，或送达方式不合法（如电子送达无当事人确认书）', points: 2 },
          ],
        },
        {
          code: 'P-C12',
          text: '执行到位，依法公开，规范结案',
          basis: [...penaltyBasis('第四十八条', '第六十六条至第七十二条'), '行政强制法第三十五条、第五十四条'],
          maxPoints: 4,
          deductions: [
            { code: 'P-C12-a', text: '违反罚缴分离自行收缴罚款，或罚没款未上缴', points: 4 },
            { code: 'P-C12-b', text: '逾期不缴纳未依法催告，或加处罚款计算错误', points: 2 },
            { code: 'P-C12-c', text: '缺少结案报告，或未执行完毕即结案', points: 1 },
            { code: 'P-C12-d', text: '应当公开的处罚决定未按规定公开', points: 1 },
          ],
        },
      ],
    },
  ],
}

/**
 * 行政许可案卷评查标准 (platform default, version 1). 否决项 + 案卷形式 20 + 案卷内容 80; 优秀 ≥ 90, 合格 ≥ 60.
 *
 * @example
 * ```ts
 * reviewStandardSchema.parse(licenseFileStandard).fileKind // 'license'
 * ```
 */
export const licenseFileStandard: ReviewStandard = {
  code: 'LF-LICENSE-FILE',
  version: 1,
  fileKind: 'license',
  title: '行政许可案卷评查标准（平台默认）',
  source:
    '平台默认标准：结构（否决项＋案卷形式20分＋案卷内容80分）参照各省及行业案卷评查标准的通行做法［R］，' +
    '各评查项目依据《中华人民共和国行政许可法》（2019年修正）相应条款设置，分值与等次分数线为可调整的默认值。',
  gradeThresholds: { excellent: 90, pass: 60 },
  sections: [
    {
      code: 'L-V',
      title: '否决项（基本标准，任一项不符合即为不合格卷）',
      items: [
        {
          code: 'L-V01',
          text: '实施主体合法，在法定职权范围内实施许可',
          basis: licenseBasis('第二十二条至第二十四条', '第六十九条第一款第二项'),
          veto: true,
          maxPoints: 0,
          deductions: [
            { code: 'L-V01-a', text: '不具有行政许可权，或超越法定职权作出准予许可决定', points: 0 },
            { code: 'L-V01-b', text: '违法委托，或受委托机关再委托其他组织、个人实施许可', points: 0 },
          ],
        },
        {
          code: 'L-V02',
          text: '许可有法定依据，申请人符合法定条件',
          basis: licenseBasis('第四条', '第三十八条第一款', '第六十九条第一款第四项', '第七十四条第一项'),
          veto: true,
          maxPoints: 0,
          deductions: [
            { code: 'L-V02-a', text: '实施的许可没有法律、法规、规章依据', points: 0 },
            { code: 'L-V02-b', text: '对不具备申请资格或不符合法定条件的申请人准予许可', points: 0 },
          ],
        },
        {
          code: 'L-V03',
          text: '不存在严重违反法定程序的情形',
          basis: licenseBasis('第三十六条', '第四十六条', '第四十七条', '第五十三条', '第五十四条', '第七十二条第八项', '第七十四条第三项'),
          veto: true,
          maxPoints: 0,
          deductions: [
            { code: 'L-V03-a', text: '依法应当举行听证而未举行听证', points: 0 },
            { code: 'L-V03-b', text: '依法应当通过招标、拍卖或考试作出决定而未进行', points: 0 },
            { code: 'L-V03-c', text: '许可事项直接关系他人重大利益而未告知利害关系人', points: 0 },
          ],
        },
      ],
    },
    formSection('L', '申请→受理→审查→决定→送达', licenseBasis('第三十二条第二款', '第三十九条', '第四十八条第一款第五项')),
    {
      code: 'L-C',
      title: '案卷内容（80分）',
      items: [
        {
          code: 'L-C01',
          text: '申请材料规范',
          basis: licenseBasis('第二十九条', '第三十一条'),
          maxPoints: 8,
          deductions: [
            { code: 'L-C01-a', text: '缺少申请书，或应采用格式文本而未采用', points: 3 },
            { code: 'L-C01-b', text: '要求申请人提交与许可事项无关的材料', points: 3 },
            { code: 'L-C01-c', text: '委托代理申请缺少授权委托书', points: 2 },
          ],
        },
        {
          code: 'L-C02',
          text: '依法受理并出具书面凭证',
          basis: licenseBasis('第三十二条', '第七十二条第四项'),
          maxPoints: 12,
          deductions: [
            { code: 'L-C02-a', text: '申请材料不齐全时未当场或在五日内一次告知需要补正的全部内容', points: 4 },
            { code: 'L-C02-b', text: '受理或不予受理未出具加盖专用印章、注明日期的书面凭证', points: 4 },
            { code: 'L-C02-c', text: '不属于本机关职权范围的申请未即时作出不予受理决定并告知向有关机关申请', points: 4 },
          ],
        },
        {
          code: 'L-C03',
          text: '依法审查，核查规范',
          basis: licenseBasis('第三十四条', '第三十六条', '第五十五条第二款'),
          maxPoints: 20,
          deductions: [
            { code: 'L-C03-a', text: '未对申请材料进行审查，或缺少审查意见', points: 6 },
            { code: 'L-C03-b', text: '需核实实质内容而未指派两名以上工作人员核查', points: 6 },
            { code: 'L-C03-c', text: '未听取申请人、利害关系人的陈述和申辩', points: 4 },
            { code: 'L-C03-d', text: '核查记录（笔录、照片等）不完整，每处扣2分', points: 2, repeatable: true },
            { code: 'L-C03-e', text: '检验、检测、检疫未在受理后五日内指派两名以上工作人员进行', points: 4 },
          ],
        },
        {
          code: 'L-C04',
          text: '依法作出书面决定，颁发证件规范',
          basis: licenseBasis('第三十七条', '第三十八条', '第三十九条', '第七十二条第七项'),
          maxPoints: 16,
          deductions: [
            { code: 'L-C04-a', text: '未作出书面的行政许可决定', points: 8 },
            { code: 'L-C04-b', text: '不予许可决定未说明理由，或未告知申请行政复议、提起行政诉讼的权利', points: 4 },
            { code: 'L-C04-c', text: '许可证件未加盖本机关印章或内容不规范', points: 4 },
            { code: 'L-C04-d', text: '决定未载明所依据的法定条件、标准', points: 2 },
          ],
        },
        {
          code: 'L-C05',
          text: '在法定期限内办结',
          basis: licenseBasis('第四十二条', '第四十四条', '第四十五条', '第七十四条第二项', '第八十二条'),
          maxPoints: 12,
          deductions: [
            { code: 'L-C05-a', text: '超过二十日（或法律、法规规定的期限）作出决定且无延期批准', points: 6 },
            { code: 'L-C05-b', text: '延长期限未将理由告知申请人', points: 3 },
            { code: 'L-C05-c', text: '听证、检验、鉴定、专家评审等所需时间未书面告知申请人', points: 3 },
            { code: 'L-C05-d', text: '准予许可后未在十日内颁发、送达许可证件', points: 4 },
          ],
        },
        {
          code: 'L-C06',
          text: '听证程序规范',
          basis: licenseBasis('第四十七条', '第四十八条'),
          maxPoints: 4,
          deductions: [
            { code: 'L-C06-a', text: '未于举行听证七日前通知，或由审查该申请的工作人员主持听证', points: 2 },
            { code: 'L-C06-b', text: '听证笔录未经听证参加人确认签字，或决定未根据听证笔录作出', points: 2 },
          ],
        },
        {
          code: 'L-C07',
          text: '依法公开，依法收费',
          basis: licenseBasis('第五条第二款', '第四十条', '第五十八条', '第五十九条', '第七十五条'),
          maxPoints: 8,
          deductions: [
            { code: 'L-C07-a', text: '准予行政许可的决定未予公开', points: 4 },
            { code: 'L-C07-b', text: '擅自收费，或不按法定项目和标准收费', points: 8 },
          ],
        },
      ],
    },
  ],
}

/** The default standard for each file kind. */
export const defaultReviewStandards: Readonly<Record<ReviewFileKind, ReviewStandard>> = {
  penalty: penaltyFileStandard,
  license: licenseFileStandard,
}

/**
 * 自动预检: a check the server runs on a sampled case's data, which *suggests* a deduction for the reviewer to
 * confirm or dismiss — never applies it by itself. `guard` / `deadlineKind` name the case-procedure guard or
 * deadline the check reads, where one exists.
 */
export type ReviewAutoCheck = {
  code: string
  fileKind: ReviewFileKind
  standardCode: string
  itemCode: string
  deductionCode: string
  guard?: CaseGuard
  deadlineKind?: CaseDeadlineKind
  description: string
}

/**
 * The automatic pre-checks, as data; the server implements each `code`. They map case facts to the default
 * standards' deductions; a bureau that changes standards maps them again.
 *
 * @example
 * ```ts
 * reviewAutoChecks.filter((check) => check.fileKind === 'penalty').map((check) => check.code)
 * // ['art59_element_missing', 'decision_deadline_missed', …]
 * ```
 */
export const reviewAutoChecks: readonly ReviewAutoCheck[] = [
  {
    code: 'art59_element_missing',
    fileKind: 'penalty',
    standardCode: penaltyFileStandard.code,
    itemCode: 'P-C09',
    deductionCode: 'P-C09-a',
    description: '处罚决定书缺少第五十九条第一款规定的载明事项（当事人、事实和证据、种类和依据、履行方式和期限、救济途径和期限、机关名称和日期），每缺一项建议扣分一次',
  },
  {
    code: 'decision_seal_missing',
    fileKind: 'penalty',
    standardCode: penaltyFileStandard.code,
    itemCode: 'P-C09',
    deductionCode: 'P-C09-b',
    description: '处罚决定书没有加盖印章的记录（第五十九条第二款）',
  },
  {
    code: 'decision_deadline_missed',
    fileKind: 'penalty',
    standardCode: penaltyFileStandard.code,
    itemCode: 'P-C10',
    deductionCode: 'P-C10-a',
    deadlineKind: 'decision',
    description: '自立案之日起超过九十日（或延长后的期限）才作出决定（第六十条）',
  },
  {
    code: 'delivery_deadline_missed',
    fileKind: 'penalty',
    standardCode: penaltyFileStandard.code,
    itemCode: 'P-C11',
    deductionCode: 'P-C11-a',
    deadlineKind: 'delivery',
    description: '决定书未当场交付，且超过七个工作日才送达（第六十一条、第八十五条）',
  },
  {
    code: 'fewer_than_two_officers',
    fileKind: 'penalty',
    standardCode: penaltyFileStandard.code,
    itemCode: 'P-V02',
    deductionCode: 'P-V02-a',
    guard: 'two_certified_officers',
    description: '调查取证等执法活动记录的执法人员少于两人（第四十二条，否决项）',
  },
  {
    code: 'officer_certificate_invalid',
    fileKind: 'penalty',
    standardCode: penaltyFileStandard.code,
    itemCode: 'P-V02',
    deductionCode: 'P-V02-b',
    guard: 'two_certified_officers',
    description: '执法人员在执法之日没有有效的执法证件（第四十二条，否决项）',
  },
  {
    code: 'outside_benchmark',
    fileKind: 'penalty',
    standardCode: penaltyFileStandard.code,
    itemCode: 'P-C06',
    deductionCode: 'P-C06-a',
    guard: 'within_benchmark_or_reasoned',
    description: '决定的处罚超出所适用裁量基准档次的幅度，且没有记录理由（第三十四条）',
  },
  {
    code: 'no_notice_before_decision',
    fileKind: 'penalty',
    standardCode: penaltyFileStandard.code,
    itemCode: 'P-V05',
    deductionCode: 'P-V05-a',
    guard: 'notice_served',
    description: '作出决定前没有送达事先告知书，也没有当事人明确放弃陈述申辩的记录（第四十四条、第六十二条，否决项）',
  },
  {
    code: 'legal_review_missing',
    fileKind: 'penalty',
    standardCode: penaltyFileStandard.code,
    itemCode: 'P-V05',
    deductionCode: 'P-V05-d',
    guard: 'legal_review_passed',
    description: '依法应当法制审核的案件没有通过审核的记录即作出决定（第五十八条，否决项）',
  },
  {
    code: 'preservation_deadline_missed',
    fileKind: 'penalty',
    standardCode: penaltyFileStandard.code,
    itemCode: 'P-C03',
    deductionCode: 'P-C03-d',
    deadlineKind: 'preservation',
    description: '先行登记保存后超过七个工作日才作出处理决定（第五十六条）',
  },
  {
    code: 'license_deadline_missed',
    fileKind: 'license',
    standardCode: licenseFileStandard.code,
    itemCode: 'L-C05',
    deductionCode: 'L-C05-a',
    description: '自受理之日起超过二十个工作日（延期批准的，三十个工作日）才作出许可决定（行政许可法第四十二条、第八十二条）',
  },
]
