import type { ReactNode } from 'react'
import { PortalCatalogueHistoryPage } from './catalogue/PortalCatalogueHistoryPage'
import { PortalCataloguePage } from './catalogue/PortalCataloguePage'
import { PortalDutiesPage } from './catalogue/PortalDutiesPage'
import { PortalBenchmarksPage } from './discretion/PortalBenchmarksPage'
import { InspectionPlansPage } from './inspections/InspectionPlansPage'
import { CertificateCheckPage } from './registry/CertificateCheckPage'
import { PortalEntitiesPage } from './registry/PortalEntitiesPage'
import { PortalOfficersPage } from './registry/PortalOfficersPage'
import { VerifyPage } from './verify/VerifyPage'
import { DecisionDetailPage } from './decisions/DecisionDetailPage'
import { DecisionsPage } from './decisions/DecisionsPage'
import { CaseLookupPage } from './lookup/CaseLookupPage'
import { ComplaintLookupPage } from './complaints/ComplaintLookupPage'
import { ComplaintPage } from './complaints/ComplaintPage'
import { PortalReviewBatchPage, PortalReviewPage } from './review/PortalReviewPage'

/** A page of the public portal. `inMenu` pages show in the header. */
export type PortalPage = { path: string; label: string; element: ReactNode; inMenu: boolean; description?: string }

/** Every portal page; capabilities add theirs here. */
export const portalPages: PortalPage[] = [
  { path: '/entities', label: '执法主体', element: <PortalEntitiesPage />, inMenu: true, description: '全市各乡镇已公示的行政执法主体及其委托事项' },
  { path: '/officers', label: '执法人员', element: <PortalOfficersPage />, inMenu: true, description: '持证执法人员名单：姓名、单位、执法证号和执法领域' },
  { path: '/certificates', label: '证件查验', element: <CertificateCheckPage />, inMenu: true, description: '输入执法证号或扫描证件二维码，查验执法证今日是否有效' },
  { path: '/certificates/:certNo', label: '证件查验结果', element: <CertificateCheckPage />, inMenu: false },
  { path: '/catalogue', label: '权责清单', element: <PortalCataloguePage />, inMenu: true, description: '现行相对集中行政处罚权事项目录：每项事项的法律依据与实施主体' },
  { path: '/catalogue-history', label: '目录历史与对比', element: <PortalCatalogueHistoryPage />, inMenu: true, description: '历年目录版本，任选两个版本查看新增、取消和变更的事项' },
  { path: '/duties', label: '履职清单', element: <PortalDutiesPage />, inMenu: true, description: '各乡镇基本履职、配合履职和上级收回事项' },
  { path: '/benchmarks', label: '裁量基准', element: <PortalBenchmarksPage />, inMenu: true, description: '行政处罚裁量基准、首违不罚清单和轻微违法免罚清单：同样的违法，同样的处罚幅度' },
  { path: '/inspection-plans', label: '检查计划', element: <InspectionPlansPage />, inMenu: true, description: '各执法单位公布的年度和专项涉企行政检查计划' },
  { path: '/decisions', label: '处罚决定公示', element: <DecisionsPage />, inMenu: true, description: '各执法单位作出的行政处罚决定（双公示），自然人信息已脱敏' },
  { path: '/decisions/:id', label: '处罚决定', element: <DecisionDetailPage />, inMenu: false },
  { path: '/lookup', label: '案件查询', element: <CaseLookupPage />, inMenu: true, description: '当事人凭文书上的案件编号和查询码查询本案进度、期限和文书' },
  { path: '/review', label: '案卷评查', element: <PortalReviewPage />, inMenu: true, description: '司法局抽查各单位办结案卷的结果：案卷池、随机种子和算法公开，抽样结果人人可复核' },
  { path: '/review/:id', label: '评查批次', element: <PortalReviewBatchPage />, inMenu: false },
  { path: '/complaints', label: '投诉举报', element: <ComplaintPage />, inMenu: true, description: '对乱检查、乱罚款、趋利性执法等行为向司法局投诉举报，可匿名，凭查询码查看答复' },
  { path: '/complaints/lookup', label: '投诉进度查询', element: <ComplaintLookupPage />, inMenu: true, description: '凭查询码查看投诉举报的受理、交办和答复情况' },
  { path: '/verify', label: '存证核验', element: <VerifyPage />, inMenu: true, description: '输入回执或扫描文书上的二维码，在浏览器中核验执法记录已登记且未被篡改' },
]
