import { useQuery } from '@tanstack/react-query'
import { Card, List, Space, Tag, Typography } from 'antd'
import { api } from '../../shared/api'

type SocialEvent = { id: string; title: string; heldOn: string; kindLabel: string; organisers: string; participantCount: number; participants: Array<{ kind: string; name: string }>; summary: string; volunteersAppointed: number }

/** 阳光执法活动: enterprise forums, campaigns and trainings with their participants. */
export function EventsPage() {
  const list = useQuery({ queryKey: ['social-events'], queryFn: () => api.get<{ items: SocialEvent[] }>('/api/social-events') })
  return (
    <Card title="阳光执法活动与企业座谈">
      <List
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        renderItem={(e) => (
          <List.Item>
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              <div><Tag color="blue">{e.kindLabel}</Tag><Typography.Text strong>{e.title}</Typography.Text></div>
              <Typography.Text type="secondary">{e.heldOn} · {e.organisers} · {e.participantCount} 人参加{e.volunteersAppointed > 0 ? ` · 新聘义务监督员 ${e.volunteersAppointed} 名` : ''}</Typography.Text>
              <div>{e.summary}</div>
              <div style={{ color: '#666', fontSize: 12 }}>参加单位：{e.participants.filter((p) => p.kind === 'unit').map((p) => p.name).join('、') || '—'}；企业：{e.participants.filter((p) => p.kind === 'enterprise').map((p) => p.name).join('、') || '—'}</div>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  )
}
