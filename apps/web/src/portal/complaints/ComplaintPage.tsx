import { useMutation, useQuery } from '@tanstack/react-query'
import { Alert, Button, Card, Checkbox, Form, Input, Radio, Result, Select, Space, Typography } from 'antd'
import { useState } from 'react'
import { Link } from 'react-router'
import { api, ApiError } from '../../shared/api'

type Options = { categories: Array<{ value: string; label: string }>; units: Array<{ id: string; name: string; regionName: string }> }
type Receipt = { complaintNo: string; lookupCode: string }

/**
 * 投诉举报 — anyone, without an account, complains about enforcement conduct (乱检查、乱罚款、
 * 趋利性执法 …) against a unit. Anonymous: no name or phone is sent. The answer is a lookup code,
 * shown once, to follow the complaint on 进度查询.
 */
export function ComplaintPage() {
  const options = useQuery({ queryKey: ['public', 'complaint-options'], queryFn: () => api.get<Options>('/api/public/complaints/options'), staleTime: 600_000 })
  const [anonymous, setAnonymous] = useState(false)
  const submit = useMutation({ mutationFn: (body: Record<string, unknown>) => api.post<Receipt>('/api/public/complaints', body) })
  if (submit.data) {
    return (
      <Card style={{ maxWidth: 640, margin: '0 auto' }}>
        <Result
          status="success"
          title="投诉举报已提交"
          subTitle={`编号 ${submit.data.complaintNo}。司法局将在受理后交办并按期答复。`}
          extra={
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Typography.Text>您的查询码（只显示这一次，请抄下或截图保存）：</Typography.Text>
              <Typography.Title level={3} copyable data-testid="lookup-code" style={{ letterSpacing: 2 }}>
                {submit.data.lookupCode}
              </Typography.Title>
              <Link to="/complaints/lookup">凭查询码查看办理进度</Link>
            </Space>
          }
        />
      </Card>
    )
  }
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 640, margin: '0 auto', display: 'flex' }}>
      <div>
        <Typography.Title level={3} style={{ marginBottom: 4 }}>投诉举报</Typography.Title>
        <Typography.Text type="secondary">对行政执法中乱检查、乱罚款、乱收费、趋利性执法、推诿扯皮等行为，可向禄丰市司法局投诉举报。可以匿名；匿名时不填写、也不保存您的姓名和电话。</Typography.Text>
      </div>
      <Card size="small">
        <Form
          layout="vertical"
          initialValues={{ complainantKind: 'person' }}
          onFinish={(v: Record<string, unknown>) => submit.mutate({ ...v, anonymous, name: anonymous ? null : v.name, phone: anonymous ? null : v.phone || null, occurredOn: v.occurredOn || null })}
        >
          <Form.Item name="category" label="投诉类别" rules={[{ required: true, message: '请选择类别' }]}>
            <Select placeholder="请选择" options={options.data?.categories} />
          </Form.Item>
          <Form.Item name="orgId" label="被投诉单位" rules={[{ required: true, message: '请选择被投诉单位' }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} placeholder="输入单位名称搜索" options={(options.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
          <Form.Item name="officerName" label="涉及的执法人员（选填）">
            <Input placeholder="姓名或执法证号" />
          </Form.Item>
          <Form.Item name="occurredOn" label="发生日期（选填）" rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/, message: '格式如 2026-11-20' }]}>
            <Input placeholder="如 2026-11-20" />
          </Form.Item>
          <Form.Item name="content" label="事实和理由" rules={[{ required: true, min: 10, message: '请具体描述（至少 10 个字）' }]}>
            <Input.TextArea rows={5} placeholder="时间、地点、经过，以及您的诉求" />
          </Form.Item>
          <Form.Item>
            <Checkbox checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} data-testid="anonymous">
              匿名投诉（不填写姓名和电话；答复只能凭查询码查看）
            </Checkbox>
          </Form.Item>
          {!anonymous && (
            <>
              <Form.Item name="complainantKind">
                <Radio.Group options={[{ value: 'person', label: '个人' }, { value: 'enterprise', label: '企业' }]} />
              </Form.Item>
              <Form.Item name="name" label="姓名或企业名称" rules={[{ required: true, message: '实名投诉请填写姓名或企业名称' }]}>
                <Input />
              </Form.Item>
              <Form.Item name="phone" label="联系电话（选填）">
                <Input inputMode="tel" />
              </Form.Item>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>您的姓名和电话只有司法局可见，不会告知被投诉单位。</Typography.Paragraph>
            </>
          )}
          {submit.isError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={submit.error instanceof ApiError ? submit.error.message : '提交失败，请稍后重试'} />}
          <Button type="primary" htmlType="submit" block loading={submit.isPending}>提交</Button>
        </Form>
      </Card>
    </Space>
  )
}
