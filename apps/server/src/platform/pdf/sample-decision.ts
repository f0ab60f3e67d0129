import { formatYuan, toChineseCapital } from '@yangguang/core'
import type { OfficialDocument } from './official-document'

/**
 * A complete 行政处罚决定书 as an OfficialDocument, with every element 《行政处罚法》 art. 59 requires:
 * party name and address, facts and evidence, kind and basis, manner and deadline of performance,
 * the 复议/诉讼 route and deadline, the organ's name and the date, and the seal. Used by the renderer's
 * tests and as the reference for case code that builds decisions. The parties and facts are invented.
 *
 * @example
 * ```ts
 * const pdf = await renderOfficialDocument(sampleDecision({ fineFen: 4_902_000 }))
 * ```
 */
export function sampleDecision(options: { fineFen?: number; date?: string; qrText?: string } = {}): OfficialDocument {
  const fineFen = options.fineFen ?? 4_902_000
  const fine = `${formatYuan(fineFen)}元（大写：人民币${toChineseCapital(fineFen)}）`
  const organ = '禄丰市住房和城乡建设局'
  return {
    organ,
    title: '行政处罚决定书',
    number: '禄住建罚决字〔2026〕第12号',
    blocks: [
      { type: 'labelled', label: '当事人：', text: '禄丰市金恒建筑工程有限公司' },
      { type: 'labelled', label: '统一社会信用代码：', text: '91532331MA6K7XQ21B' },
      { type: 'labelled', label: '住所：', text: '云南省楚雄彝族自治州禄丰市金山镇中村路88号' },
      { type: 'labelled', label: '法定代表人：', text: '赵明远' },
      {
        type: 'paragraph',
        text: '当事人未取得施工许可证擅自施工一案，本机关于2026年10月9日立案调查，现已调查终结。本机关于2026年11月2日向当事人送达了《行政处罚事先告知书》，告知了拟作出行政处罚的事实、理由、依据及当事人依法享有的陈述、申辩权利，当事人在法定期限内未提出陈述、申辩。本案经法制审核，由本机关负责人集体讨论决定。',
      },
      { type: 'heading', text: '一、违法事实和证据' },
      {
        type: 'paragraph',
        text: '经查，当事人作为“金山镇中村路商住楼（二期）”项目的建设单位，在未取得建筑工程施工许可证的情况下，于2026年8月15日组织施工单位开工建设，至2026年10月8日本机关检查时，已完成3号楼基础及地下室主体结构施工。该工程合同价款为人民币3,268,000.00元。',
      },
      {
        type: 'table',
        columns: ['序号', '证据名称', '证明事项'],
        rows: [
          ['1', '现场检查笔录及现场照片12张', '项目正在施工、施工进度'],
          ['2', '对当事人委托代理人的询问笔录', '未办理施工许可证即开工的经过'],
          ['3', '建设工程施工合同（复印件）', '合同价款3,268,000.00元'],
          ['4', '营业执照及法定代表人身份证明', '当事人主体资格'],
        ],
      },
      { type: 'heading', text: '二、行政处罚的种类和依据' },
      {
        type: 'paragraph',
        text: '当事人的上述行为违反了《中华人民共和国建筑法》第七条第一款和《建筑工程施工许可管理办法》第三条的规定。依据《建筑工程施工许可管理办法》第十二条的规定，参照《云南省住房和城乡建设行政处罚裁量基准》，考虑到当事人积极配合调查、已停工整改，本机关决定对当事人作出如下行政处罚：',
      },
      { type: 'labelled', label: '处罚种类：', text: '罚款' },
      { type: 'labelled', label: '罚款金额：', text: `${fine}，即工程合同价款的百分之一点五。` },
      { type: 'heading', text: '三、履行方式和期限' },
      {
        type: 'paragraph',
        text: '当事人应当自收到本决定书之日起十五日内，持本决定书到中国农业银行禄丰市支行或者通过云南省非税收入电子缴款平台缴纳罚款。逾期不缴纳的，本机关每日按罚款数额的百分之三加处罚款，加处罚款的数额不超过罚款的数额，并依法申请人民法院强制执行。',
      },
      { type: 'heading', text: '四、申请行政复议或者提起行政诉讼的途径和期限' },
      {
        type: 'paragraph',
        text: '当事人对本处罚决定不服的，可以自收到本决定书之日起六十日内向禄丰市人民政府申请行政复议，也可以自收到本决定书之日起六个月内直接向禄丰市人民法院提起行政诉讼。申请行政复议或者提起行政诉讼期间，行政处罚不停止执行，法律另有规定的除外。',
      },
    ],
    closing: { organ, date: options.date ?? '2026-11-20', sealed: true },
    verification: {
      qrText: options.qrText ?? 'https://zhifa.lufeng.example.cn/v/d/7c1e9a42b0f3',
      caption: '扫描二维码核验本文书：文书摘要已记入禄丰市行政执法公开账本。',
    },
    footer: '本文书一式三份，一份送达当事人，一份交缴款银行，一份归档。',
  }
}
