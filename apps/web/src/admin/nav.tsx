import { AlertOutlined, CommentOutlined, SendOutlined, SunOutlined, UserSwitchOutlined, ApartmentOutlined, DashboardOutlined, FileProtectOutlined, BarChartOutlined, CalendarOutlined, ControlOutlined, FileSearchOutlined, ShopOutlined, AuditOutlined, BankOutlined, BookOutlined, CheckSquareOutlined, ClusterOutlined, IdcardOutlined, ProfileOutlined, SafetyCertificateOutlined, SwapOutlined, TeamOutlined } from '@ant-design/icons'
import type { Role } from '@yangguang/core'
import type { ReactNode } from 'react'
import { CatalogueDiffPage } from './catalogue/CatalogueDiffPage'
import { CatalogueVersionPage } from './catalogue/CatalogueVersionPage'
import { CatalogueVersionsPage } from './catalogue/CatalogueVersionsPage'
import { DutiesPage } from './catalogue/DutiesPage'
import { PowerItemsPage } from './catalogue/PowerItemsPage'
import { DelegationsPage } from './registry/DelegationsPage'
import { EntitiesPage } from './registry/EntitiesPage'
import { OfficersPage } from './registry/OfficersPage'
import { OrgsPage } from './registry/OrgsPage'
import { RegionsPage } from './registry/RegionsPage'
import { EnterprisesPage } from './enterprises/EnterprisesPage'
import { MyEnterprisePage } from './enterprises/MyEnterprisePage'
import { InspectionsPage } from './inspections/InspectionsPage'
import { OversightPage } from './inspections/OversightPage'
import { PlansPage } from './inspections/PlansPage'
import { RulesPage } from './inspections/RulesPage'
import { AuditLogPage } from './system/AuditLogPage'
import { TodoPage } from './system/TodoPage'
import { UsersPage } from './system/UsersPage'
import { BenchmarksPage } from './discretion/BenchmarksPage'
import { HolidaysPage } from './discretion/HolidaysPage'
import { NoPenaltyPage } from './discretion/NoPenaltyPage'
import { CaseRoute, CasesRoute, NewCaseRoute, SimpleCaseRoute } from './cases/lazy'
import { DocTypesPage } from './supervision/DocTypesPage'
import { LegalNoticePage, LegalNoticesPage } from './supervision/LegalNoticesPage'
import { RectificationBoardPage } from './supervision/RectificationBoardPage'
import { RectificationTaskPage } from './supervision/RectificationTaskPage'
import { SupervisionDocumentPage } from './supervision/SupervisionDocumentPage'
import { SupervisionDocumentsPage } from './supervision/SupervisionDocumentsPage'
import { ComplaintsPage } from './social/ComplaintsPage'
import { EventsPage } from './social/EventsPage'
import { MeetingsPage } from './social/MeetingsPage'
import { MyVolunteerPage } from './social/MyVolunteerPage'
import { TransfersPage } from './social/TransfersPage'
import { VolunteersPage } from './social/VolunteersPage'
import { MyResultsPage, MyReviewsPage } from './review/MyReviewsPage'
import { ReviewBatchPage } from './review/ReviewBatchPage'
import { ReviewBatchesPage } from './review/ReviewBatchesPage'
import { ReviewSheetPage } from './review/ReviewSheetPage'
import { SupervisionDashboardPage } from './dashboard/SupervisionDashboardPage'

/** A page of the admin console: its route, its menu entry, and who may see it. */
export type AdminPage = {
  path: string
  label: string
  icon?: ReactNode
  /** Menu group title; pages without a group sit at the top level. */
  group?: string
  roles: readonly Role[]
  /** Todo section whose count the menu shows beside the entry. */
  todoSection?: string
  element: ReactNode
  /** Detail pages have a route but no menu entry. */
  hidden?: boolean
}

const staff = ['admin', 'supervisor', 'unit_head', 'legal_reviewer', 'officer'] as const

/**
 * Every admin page, in menu order. A capability adds its pages here; the menu and the router
 * both read this list, so a page is never reachable without a menu entry for its roles.
 */
export const adminPages: AdminPage[] = [
  { path: '/', label: '我的待办', icon: <CheckSquareOutlined />, roles: [...staff, 'volunteer'], element: <TodoPage />, todoSection: '*' },
  { path: '/registry/entities', label: '执法主体', icon: <SafetyCertificateOutlined />, group: '主体与人员', roles: ['admin', 'supervisor', 'unit_head', 'legal_reviewer'], todoSection: 'registry.entities', element: <EntitiesPage /> },
  { path: '/registry/officers', label: '执法人员与执法证', icon: <IdcardOutlined />, group: '主体与人员', roles: staff, todoSection: 'registry.officers', element: <OfficersPage /> },
  { path: '/registry/delegations', label: '委托管理', icon: <SwapOutlined />, group: '主体与人员', roles: ['admin', 'supervisor', 'unit_head', 'legal_reviewer'], todoSection: 'registry.delegations', element: <DelegationsPage /> },
  { path: '/registry/orgs', label: '单位管理', icon: <BankOutlined />, group: '主体与人员', roles: ['admin', 'supervisor', 'unit_head'], element: <OrgsPage /> },
  { path: '/registry/regions', label: '区域', icon: <ClusterOutlined />, group: '主体与人员', roles: ['admin', 'supervisor'], element: <RegionsPage /> },
  { path: '/catalogue/power-items', label: '权力事项', icon: <ProfileOutlined />, group: '权责清单', roles: staff, element: <PowerItemsPage /> },
  { path: '/catalogue/versions', label: '目录版本', icon: <BookOutlined />, group: '权责清单', roles: staff, todoSection: 'catalogue', element: <CatalogueVersionsPage /> },
  { path: '/catalogue/versions/:id', label: '目录版本详情', group: '权责清单', roles: staff, element: <CatalogueVersionPage />, hidden: true },
  { path: '/catalogue/diff', label: '版本对比', group: '权责清单', roles: staff, element: <CatalogueDiffPage />, hidden: true },
  { path: '/catalogue/duties', label: '乡镇履职清单', icon: <ApartmentOutlined />, group: '权责清单', roles: staff, todoSection: 'duties', element: <DutiesPage /> },
  { path: '/discretion/benchmarks', label: '裁量基准', icon: <ControlOutlined />, group: '权责清单', roles: staff, element: <BenchmarksPage /> },
  { path: '/discretion/no-penalty', label: '首违不罚清单', icon: <SafetyCertificateOutlined />, group: '权责清单', roles: staff, element: <NoPenaltyPage /> },
  { path: '/enterprises', label: '市场主体', icon: <ShopOutlined />, group: '云执法 · 行政检查', roles: staff, element: <EnterprisesPage /> },
  { path: '/inspections/plans', label: '检查计划', icon: <CalendarOutlined />, group: '云执法 · 行政检查', roles: staff, todoSection: 'inspections', element: <PlansPage /> },
  { path: '/inspections/tasks', label: '检查任务与记录', icon: <FileSearchOutlined />, group: '云执法 · 行政检查', roles: staff, element: <InspectionsPage /> },
  { path: '/inspections/oversight', label: '检查监督', icon: <BarChartOutlined />, group: '云执法 · 行政检查', roles: ['admin', 'supervisor'], element: <OversightPage /> },
  { path: '/inspections/rules', label: '检查规则', icon: <ControlOutlined />, group: '云执法 · 行政检查', roles: ['admin', 'supervisor'], element: <RulesPage /> },
  { path: '/cases', label: '案件办理', icon: <FileProtectOutlined />, group: '行政处罚', roles: staff, todoSection: 'cases', element: <CasesRoute /> },
  { path: '/cases/new', label: '线索登记', group: '行政处罚', roles: ['unit_head', 'officer'], element: <NewCaseRoute />, hidden: true },
  { path: '/cases/simple', label: '简易程序', group: '行政处罚', roles: ['unit_head', 'officer'], element: <SimpleCaseRoute />, hidden: true },
  { path: '/cases/:id', label: '案件详情', group: '行政处罚', roles: staff, element: <CaseRoute />, hidden: true },
  { path: '/supervision/dashboard', label: '监督驾驶舱', icon: <DashboardOutlined />, group: '执法监督', roles: ['supervisor', 'admin'], element: <SupervisionDashboardPage /> },
  { path: '/review/batches', label: '案卷评查', icon: <FileSearchOutlined />, group: '执法监督', roles: ['admin', 'supervisor'], element: <ReviewBatchesPage /> },
  { path: '/review/batches/:id', label: '评查批次', group: '执法监督', roles: [...staff, 'volunteer'], element: <ReviewBatchPage />, hidden: true },
  { path: '/review/my', label: '我的评查任务', icon: <CheckSquareOutlined />, group: '执法监督', roles: ['supervisor', 'legal_reviewer', 'volunteer'], todoSection: 'review', element: <MyReviewsPage /> },
  { path: '/review/sheets/:id', label: '评分表', group: '执法监督', roles: [...staff, 'volunteer'], element: <ReviewSheetPage />, hidden: true },
  { path: '/review/results', label: '我的评查结果', icon: <BarChartOutlined />, group: '执法监督', roles: ['unit_head', 'legal_reviewer', 'officer'], todoSection: 'review', element: <MyResultsPage /> },
  { path: '/supervision/documents', label: '监督文书', icon: <FileProtectOutlined />, group: '执法监督', roles: ['admin', 'supervisor'], element: <SupervisionDocumentsPage /> },
  { path: '/supervision/documents', label: '收到的监督文书', icon: <FileProtectOutlined />, group: '执法监督', roles: ['unit_head', 'legal_reviewer'], element: <SupervisionDocumentsPage /> },
  { path: '/supervision/documents/:id', label: '监督文书详情', group: '执法监督', roles: ['admin', 'supervisor', 'unit_head', 'legal_reviewer'], element: <SupervisionDocumentPage />, hidden: true },
  { path: '/supervision/tasks', label: '整改跟踪', icon: <CheckSquareOutlined />, group: '执法监督', roles: ['admin', 'supervisor'], todoSection: 'supervision', element: <RectificationBoardPage /> },
  { path: '/supervision/tasks', label: '整改任务', icon: <CheckSquareOutlined />, group: '执法监督', roles: ['unit_head', 'legal_reviewer'], todoSection: 'supervision', element: <RectificationBoardPage /> },
  { path: '/supervision/tasks/:id', label: '整改任务详情', group: '执法监督', roles: ['admin', 'supervisor', 'unit_head', 'legal_reviewer'], element: <RectificationTaskPage />, hidden: true },
  { path: '/supervision/legal-notices', label: '普法提示单', icon: <BookOutlined />, group: '执法监督', roles: ['admin', 'supervisor', 'unit_head', 'legal_reviewer'], element: <LegalNoticesPage /> },
  { path: '/supervision/legal-notices/:id', label: '普法提示单详情', group: '执法监督', roles: ['admin', 'supervisor', 'unit_head', 'legal_reviewer'], element: <LegalNoticePage />, hidden: true },
  { path: '/supervision/document-types', label: '监督文书种类', icon: <ControlOutlined />, group: '执法监督', roles: ['admin', 'supervisor'], element: <DocTypesPage /> },
  { path: '/', label: '本企业检查', icon: <ShopOutlined />, roles: ['enterprise'], element: <MyEnterprisePage /> },
  { path: '/social/complaints', label: '投诉举报', icon: <AlertOutlined />, group: '社会监督', roles: staff, todoSection: 'social', element: <ComplaintsPage /> },
  { path: '/social/volunteers', label: '义务监督员', icon: <UserSwitchOutlined />, group: '社会监督', roles: ['admin', 'supervisor'], element: <VolunteersPage /> },
  { path: '/social/meetings', label: '联席会议', icon: <CommentOutlined />, group: '社会监督', roles: staff, element: <MeetingsPage /> },
  { path: '/social/transfers', label: '线索和案件移送', icon: <SendOutlined />, group: '社会监督', roles: staff, element: <TransfersPage /> },
  { path: '/social/events', label: '阳光执法活动', icon: <SunOutlined />, group: '社会监督', roles: [...staff, 'volunteer'], element: <EventsPage /> },
  { path: '/social/my', label: '我的监督任务', icon: <UserSwitchOutlined />, roles: ['volunteer'], todoSection: 'social', element: <MyVolunteerPage /> },
  { path: '/system/users', label: '账号管理', icon: <TeamOutlined />, group: '系统管理', roles: ['admin', 'supervisor'], element: <UsersPage /> },
  { path: '/system/audit', label: '审计日志', icon: <AuditOutlined />, group: '系统管理', roles: ['admin', 'supervisor'], element: <AuditLogPage /> },
  { path: '/system/holidays', label: '节假日安排', icon: <CalendarOutlined />, group: '系统管理', roles: ['admin', 'supervisor'], element: <HolidaysPage /> },
]
