/** Times in Beijing, whatever zone the phone is set to (records are judged by the Beijing date). */
export function beijingTime(iso: string): string {
  return new Date(iso).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })
}

export function beijingDateTime(iso: string): string {
  return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })
}
