import { enterpriseKinds, labels, validateUscc, type EnterpriseKind } from '@yangguang/core'

/** One row of an import file after validation, ready to upsert. */
export type ImportedEnterprise = {
  row: number
  creditCode: string
  name: string
  kind: EnterpriseKind
  address: string | null
  townshipCode: string | null
  industry: string | null
  contactName: string | null
  contactPhone: string | null
}

export type ImportError = { row: number; column: string | null; message: string }

/** Column headers accepted in an import file: the Chinese heading or the API field name. */
const columns: Record<keyof Omit<ImportedEnterprise, 'row'>, string[]> = {
  creditCode: ['统一社会信用代码', '信用代码', 'creditcode', 'credit_code'],
  name: ['名称', '企业名称', '主体名称', 'name'],
  kind: ['类别', '主体类别', 'kind'],
  address: ['地址', '经营场所', '住所', 'address'],
  townshipCode: ['乡镇', '所在乡镇', 'township', 'townshipcode'],
  industry: ['行业', '所属行业', 'industry'],
  contactName: ['联系人', 'contactname', 'contact_name'],
  contactPhone: ['联系电话', '电话', 'contactphone', 'contact_phone'],
}

/** Data rows in one import; reading stops at the first row over (platform/import/read-table.ts). */
export const MAX_IMPORT_ROWS = 20_000
/** Bytes of one import file, refused before it is read: 2 万 rows of a register fit in far less. */
export const MAX_IMPORT_BYTES = 8 * 1024 * 1024

/**
 * Validates every row; returns the rows and every error found (not just the first), so one
 * round trip tells the clerk everything to fix.
 */
export function validateRows(
  table: { header: string[]; rows: Array<{ row: number; cells: string[] }> },
  townships: Array<{ code: string; name: string }>,
): { rows: ImportedEnterprise[]; errors: ImportError[] } {
  const errors: ImportError[] = []
  const index = new Map<string, number>()
  table.header.forEach((h, i) => {
    const key = h.trim().toLowerCase().replace(/\s+/g, '')
    for (const [field, names] of Object.entries(columns)) if (names.includes(key)) index.set(field, i)
  })
  for (const required of ['creditCode', 'name'] as const) {
    if (!index.has(required)) errors.push({ row: 1, column: columns[required][0]!, message: `缺少“${columns[required][0]}”列` })
  }
  if (errors.length > 0) return { rows: [], errors }
  if (table.rows.length === 0) return { rows: [], errors: [{ row: 2, column: null, message: '文件中没有数据行' }] }

  const kindByLabel = new Map<string, EnterpriseKind>(enterpriseKinds.flatMap((k) => [[k, k] as const, [labels.enterpriseKind[k], k] as const]))
  kindByLabel.set('合伙', 'partnership')
  kindByLabel.set('个体户', 'individual')
  const townshipByKey = new Map<string, string>(townships.flatMap((t) => [[t.code, t.code] as const, [t.name, t.code] as const]))
  const seen = new Map<string, number>()
  const rows: ImportedEnterprise[] = []
  for (const { row, cells } of table.rows) {
    const get = (field: keyof typeof columns) => {
      const i = index.get(field)
      const v = i === undefined ? '' : (cells[i] ?? '').trim()
      return v === '' ? null : v
    }
    const rowErrors: ImportError[] = []
    const uscc = validateUscc(get('creditCode') ?? '')
    if (!uscc.ok) rowErrors.push({ row, column: '统一社会信用代码', message: uscc.message })
    const name = get('name')
    if (!name || name.length < 2 || name.length > 100) rowErrors.push({ row, column: '名称', message: '名称须为 2–100 个字' })
    const kindText = get('kind')
    let kind: EnterpriseKind | undefined
    if (kindText) {
      kind = kindByLabel.get(kindText)
      if (!kind) rowErrors.push({ row, column: '类别', message: `类别“${kindText}”无法识别（应为 企业、个体工商户 或 个人合伙）` })
    } else if (uscc.ok) {
      // GB 32100: registration authority 9 (市场监管), category 2 = 个体工商户.
      kind = uscc.authorityCode === '9' && uscc.categoryCode === '2' ? 'individual' : 'enterprise'
    }
    const townshipText = get('townshipCode')
    let townshipCode: string | null = null
    if (townshipText) {
      townshipCode = townshipByKey.get(townshipText) ?? null
      if (!townshipCode) rowErrors.push({ row, column: '乡镇', message: `乡镇“${townshipText}”不存在或不在本辖区` })
    }
    const contactPhone = get('contactPhone')
    if (contactPhone && !/^[0-9+\-() ]{5,20}$/.test(contactPhone)) rowErrors.push({ row, column: '联系电话', message: '电话号码格式不正确' })
    if (uscc.ok) {
      const first = seen.get(uscc.normalized)
      if (first !== undefined) rowErrors.push({ row, column: '统一社会信用代码', message: `与第 ${first} 行重复` })
      else seen.set(uscc.normalized, row)
    }
    if (rowErrors.length > 0 || !uscc.ok || !name || !kind) {
      errors.push(...rowErrors)
      continue
    }
    rows.push({
      row,
      creditCode: uscc.normalized,
      name,
      kind,
      address: get('address'),
      townshipCode,
      industry: get('industry'),
      contactName: get('contactName'),
      contactPhone,
    })
  }
  return { rows, errors }
}
