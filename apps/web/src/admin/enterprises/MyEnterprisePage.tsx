import { Button, Result } from 'antd'

/** An enterprise account that signs in to the console is sent to the phone app, where its side lives. */
export function MyEnterprisePage() {
  return (
    <Result
      status="info"
      title="企业请使用“云执法”移动端"
      subTitle="在手机上查看本企业的每一次检查、核验执法人员证件、评价检查或向司法局投诉。"
      extra={
        <Button type="primary" href="/m/">
          打开移动端
        </Button>
      }
    />
  )
}
