import { useQuery } from '@tanstack/react-query'
import { Card, Empty, List, Tag, Typography } from 'antd'
import { Link } from 'react-router'
import { api } from '../../shared/api'

type Todo = { kind: string; section: string; title: string; link: string; dueDate: string | null; urgent: boolean }

/** 待办: everything waiting for the signed-in user, most urgent first. */
export function TodoPage() {
  const todos = useQuery({ queryKey: ['todos'], queryFn: () => api.get<{ items: Todo[] }>('/api/todos') })
  return (
    <Card title="我的待办" loading={todos.isLoading}>
      {todos.data && todos.data.items.length === 0 ? (
        <Empty description="暂无待办事项" />
      ) : (
        <List
          dataSource={todos.data?.items ?? []}
          renderItem={(t) => (
            <List.Item extra={t.dueDate ? <Typography.Text type={t.urgent ? 'danger' : 'secondary'}>期限 {t.dueDate}</Typography.Text> : null}>
              <List.Item.Meta title={<Link to={t.link}>{t.title}</Link>} description={t.urgent ? <Tag color="red">紧急</Tag> : null} />
            </List.Item>
          )}
        />
      )}
    </Card>
  )
}
