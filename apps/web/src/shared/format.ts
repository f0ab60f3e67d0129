import dayjs from 'dayjs'

/** An instant shown in Beijing time. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })
}

export function formatDate(date: string | null | undefined): string {
  if (!date) return '—'
  return dayjs(date).format('YYYY年M月D日')
}
