import { useMutation, useQueryClient } from '@tanstack/react-query'
import { labels, regionLevels, type RegionLevel } from '@yangguang/core'
import { App, Button, Card, Form, Input, Modal, Select, Tag, Tree, Typography } from 'antd'
import type { DataNode } from 'antd/es/tree'
import { useMemo, useState } from 'react'
import { api } from '../../shared/api'
import { useMe } from '../auth/session'
import { errorText, useRegions } from './registry-shared'
import type { Region } from './registry-types'

/** 区域: the region tree (省 → 州 → 县 → 乡镇); admins add regions. */
export function RegionsPage() {
  const me = useMe().data
  const regions = useRegions()
  const [adding, setAdding] = useState(false)
  const items = regions.data?.items ?? []
  const tree = useMemo(() => buildTree(items), [items])
  return (
    <Card
      title="区域"
      extra={
        me?.role === 'admin' && (
          <Button type="primary" onClick={() => setAdding(true)}>
            新增区域
          </Button>
        )
      }
      loading={regions.isLoading}
    >
      <Typography.Paragraph type="secondary">区域代码：县级及以上为 GB/T 2260 六位代码，乡镇为九位统计用区划代码。执法单位、执法主体按区域归属，监督人员按区域管辖。</Typography.Paragraph>
      {tree.length > 0 && <Tree treeData={tree} defaultExpandAll showLine selectable={false} />}
      {adding && <RegionForm regions={items} onClose={() => setAdding(false)} />}
    </Card>
  )
}

function buildTree(items: Region[]): DataNode[] {
  const nodes = new Map<string, DataNode & { children: DataNode[] }>()
  for (const r of items) {
    nodes.set(r.code, {
      key: r.code,
      title: (
        <span>
          {r.name} <Typography.Text type="secondary">{r.code}</Typography.Text> <Tag>{r.levelLabel}</Tag>
        </span>
      ),
      children: [],
    })
  }
  const roots: DataNode[] = []
  for (const r of items) {
    const node = nodes.get(r.code)
    if (!node) continue
    const parent = r.parentCode ? nodes.get(r.parentCode) : undefined
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  return roots
}

function RegionForm({ regions, onClose }: { regions: Region[]; onClose: () => void }) {
  const { message } = App.useApp()
  const client = useQueryClient()
  const [level, setLevel] = useState<RegionLevel>('township')
  const parentLevel = regionLevels[regionLevels.indexOf(level) - 1]
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => api.post('/api/regions', v),
    onSuccess: () => {
      message.success('区域已新增')
      client.invalidateQueries({ queryKey: ['regions'] })
      onClose()
    },
    onError: (e) => message.error(errorText(e)),
  })
  return (
    <Modal open title="新增区域" onCancel={onClose} footer={null} destroyOnHidden>
      <Form layout="vertical" initialValues={{ level: 'township' }} onFinish={(v) => save.mutate(v)} onValuesChange={(changed: { level?: RegionLevel }) => changed.level && setLevel(changed.level)}>
        <Form.Item name="level" label="级别" rules={[{ required: true }]}>
          <Select options={regionLevels.map((l) => ({ value: l, label: labels.regionLevel[l] }))} />
        </Form.Item>
        {parentLevel && (
          <Form.Item name="parentCode" label={`上级区域（${labels.regionLevel[parentLevel]}）`} rules={[{ required: true, message: '请选择上级区域' }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={regions.filter((r) => r.level === parentLevel).map((r) => ({ value: r.code, label: `${r.name}（${r.code}）` }))} />
          </Form.Item>
        )}
        <Form.Item name="code" label="区域代码" rules={[{ required: true, pattern: level === 'township' ? /^\d{9}$/ : /^\d{6}$/, message: level === 'township' ? '乡镇为9位数字' : '应为6位数字' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="name" label="名称" rules={[{ required: true, min: 2 }]}>
          <Input />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} block>
          新增
        </Button>
      </Form>
    </Modal>
  )
}
