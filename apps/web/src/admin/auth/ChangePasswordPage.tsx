import { useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Card, Form, Input } from 'antd'
import { api, ApiError } from '../../shared/api'

/** Change one's own password; `forced` after an admin reset or for a new account. */
export function ChangePasswordPage({ forced = false }: { forced?: boolean }) {
  const { message } = App.useApp()
  const client = useQueryClient()
  const [form] = Form.useForm()
  const onFinish = async (v: { currentPassword: string; newPassword: string }) => {
    try {
      await api.post('/api/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword })
      message.success('密码已修改')
      form.resetFields()
      await client.invalidateQueries({ queryKey: ['me'] })
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '修改失败')
    }
  }
  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: forced ? '100vh' : undefined }}>
      <Card title="修改密码" style={{ width: 420, maxWidth: '94vw' }}>
        {forced && <Alert type="warning" showIcon title="首次登录或密码已被重置，请先设置新密码。" style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={onFinish}>
          <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item name="newPassword" label="新密码" extra="至少 8 位，包含大写字母、小写字母、数字、符号中的至少三类，且不含用户名" rules={[{ required: true }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label="确认新密码"
            dependencies={['newPassword']}
            rules={[
              { required: true },
              ({ getFieldValue }) => ({
                validator: (_, value) => (value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入不一致'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block>
            保存
          </Button>
        </Form>
      </Card>
    </div>
  )
}
