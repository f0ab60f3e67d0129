import { useQuery, useQueryClient } from '@tanstack/react-query'
import { type CaseProcedure, type CaseStatus, caseProcedures, caseStatuses, labels } from '@yangguang/core'
import { Alert, Button, Card, Checkbox, Input, Select, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { api, type Page } from '../../shared/api'
import type { Me } from '../auth/session'
import { CaseStatusTag, DeadlineBadge, errorText } from './case-shared'
import type { CaseRow } from './case-types'

type Filter = { status?: CaseStatus; procedure?: CaseProcedure; q?: string; overdue?: boolean; page: number }

/** 案件列表: the cases the caller may see, with the next deadline of each in colour. */
export function CasesPage() {
  const navigate = useNavigate()
  const me = useQueryClient().getQueryData<Me>(['me'])
  const handles = me?.role === 'officer' || me?.role === 'unit_head'
  const manyUnits = me?.role === 'supervisor' || me?.role === 'admin'
  const [filter, setFilter] = useState<Filter>({ page: 1 })
  const list = useQuery({
    queryKey: ['cases', filter],
    queryFn: () => api.get<Page<CaseRow>>('/api/cases', { ...filter, overdue: filter.overdue ? true : undefined, pageSize: 20 }),
  })
  return (
    <Card
      title="行政处罚案件"
      extra={
        handles && (
          <Space>
            <Button type="primary" onClick={() => navigate('/cases/new')}>
              线索登记
            </Button>
            <Button onClick={() => navigate('/cases/simple')}>简易程序（当场处罚）</Button>
          </Space>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search placeholder="案件编号、案由或当事人" allowClear onSearch={(q) => setFilter({ ...filter, q, page: 1 })} style={{ width: 240 }} />
        <Select<CaseStatus>
          placeholder="案件状态"
          allowClear
          style={{ width: 150 }}
          aria-label="案件状态"
          options={caseStatuses.map((s) => ({ value: s, label: labels.caseStatus[s] }))}
          onChange={(status) => setFilter({ ...filter, status, page: 1 })}
        />
        <Select<CaseProcedure>
          placeholder="程序"
          allowClear
          style={{ width: 120 }}
          options={caseProcedures.map((p) => ({ value: p, label: labels.caseProcedure[p] }))}
          onChange={(procedure) => setFilter({ ...filter, procedure, page: 1 })}
        />
        <Checkbox checked={filter.overdue ?? false} onChange={(e) => setFilter({ ...filter, overdue: e.target.checked, page: 1 })}>
          只看已超期
        </Checkbox>
      </Space>
      {list.isError && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} />}
      <Table<CaseRow>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items}
        scroll={{ x: 1100 }}
        pagination={{ current: filter.page, total: list.data?.total, pageSize: 20, showSizeChanger: false, onChange: (page) => setFilter({ ...filter, page }), showTotal: (t) => `共 ${t} 件` }}
        columns={[
          {
            title: '案件编号',
            width: 190,
            render: (_, c) => (
              <>
                <Link to={`/cases/${c.id}`} style={{ whiteSpace: 'nowrap' }}>
                  {c.caseNo ?? '（未立案）'}
                </Link>
                {/* Supervisors see many units' cases: the unit goes under the number. */}
                {manyUnits && <div style={{ color: '#888', fontSize: 12 }}>{c.orgName}</div>}
              </>
            ),
          },
          {
            title: '案由',
            render: (_, c) => (
              <>
                <Space size={4} wrap>
                  <Link to={`/cases/${c.id}`}>{c.title}</Link>
                  {c.procedure === 'simple' && <Tag>简易</Tag>}
                  {c.outsideBenchmark && <Tag color="volcano">超出裁量基准</Tag>}
                </Space>
                <Typography.Text type="secondary" ellipsis={{ tooltip: c.powerItemName }} style={{ fontSize: 12, display: 'block', maxWidth: 360 }}>
                  {c.powerItemName}
                </Typography.Text>
              </>
            ),
          },
          { title: '当事人', width: 170, render: (_, c) => c.partyName },
          { title: '状态', width: 100, render: (_, c) => <CaseStatusTag status={c.status} label={c.statusLabel} /> },
          { title: '下一期限', width: 210, render: (_, c) => <DeadlineBadge deadline={c.nextDeadline} /> },
          ...(list.data?.items.some((c) => c.officers) ? [{ title: '承办人', width: 160, render: (_: unknown, c: CaseRow) => (c.officers ?? []).map((o) => o.name).join('、') }] : []),
        ]}
      />
    </Card>
  )
}
