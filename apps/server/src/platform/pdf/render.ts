import { createHash } from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler'
import { chineseDate, splitIsoDate } from '@yangguang/core'
import QRCode from 'qrcode'
import type { DocumentBlock, OfficialDocument } from './official-document'

/**
 * Renders an official document (执法文书) to PDF bytes: A4, Chinese text in the bundled Noto Serif SC
 * (subset-embedded, so the PDF shows and extracts the same everywhere), the verification QR code
 * bottom-right on the last page.
 *
 * Deterministic: the same document gives the same bytes — the PDF date is the closing date (none
 * without a closing), the font comes from npm, not from the machine, and nothing reads the clock —
 * so a document's SHA-256 can be recomputed from its data.
 *
 * @example
 * ```ts
 * const pdf = await renderOfficialDocument({
 *   organ: '禄丰市住房和城乡建设局',
 *   title: '行政处罚决定书',
 *   number: '禄住建罚决字〔2026〕第12号',
 *   blocks: [{ type: 'labelled', label: '当事人：', text: '禄丰市某某建筑工程有限公司' }, { type: 'paragraph', text: '经查……' }],
 *   closing: { organ: '禄丰市住房和城乡建设局', date: '2026-11-20', sealed: true },
 *   verification: { qrText: 'https://yg.example/v/3f9a…', caption: '扫码核验本文书' },
 * })
 * await fileStore.putBytes(pdf) // → { sha256, size }
 * ```
 */
export async function renderOfficialDocument(doc: OfficialDocument): Promise<Uint8Array> {
  const qr = await QRCode.toString(doc.verification.qrText, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
  const compiler = typstCompiler()
  // The binding's compile is synchronous native code, so concurrent calls run one after another on
  // this thread and can never interleave inside the shared compiler.
  const compiled = compiler.compile({
    mainFileContent: template(),
    inputs: { document: JSON.stringify(prepareDocument(doc)), qr },
  })
  const result = compiled.result
  if (!result) {
    const diagnostics = compiled.takeDiagnostics()?.shortDiagnostics ?? []
    throw new Error(`文书排版失败（Typst）：${JSON.stringify(diagnostics)}`)
  }
  const pdf = compiler.pdf(result)
  // Drop memoized results not used in the last few renders, so a long-running server's cache stays small.
  compiler.evictCache(10)
  return pdf
}

/**
 * What the bytes of a rendering depend on besides the document: the Typst binding, the font package
 * and the template. Store it with an issued document; re-rendering reproduces the stored bytes only
 * while this string is unchanged.
 *
 * @example
 * ```ts
 * rendererVersion() // 'typst-ts-node-compiler@0.7.0 noto-serif-sc@0.4.3 template@5d41402abc4b'
 * ```
 */
export function rendererVersion(): string {
  const version = (pkg: string) => (require(`${pkg}/package.json`) as { version: string }).version
  const templateDigest = createHash('sha256').update(template()).digest('hex').slice(0, 12)
  return `typst-ts-node-compiler@${version('@myriaddreamin/typst-ts-node-compiler')} noto-serif-sc@${version('@expo-google-fonts/noto-serif-sc')} template@${templateDigest}`
}

/** The directories of the two font files every document uses (Noto Serif SC Regular and Bold, from npm). */
export function bundledFontDirs(): string[] {
  const pkg = path.dirname(require.resolve('@expo-google-fonts/noto-serif-sc/package.json'))
  const dirs = [path.join(pkg, '400Regular'), path.join(pkg, '700Bold')]
  for (const [dir, file] of [
    [dirs[0], 'NotoSerifSC_400Regular.ttf'],
    [dirs[1], 'NotoSerifSC_700Bold.ttf'],
  ] as const) {
    if (!fs.existsSync(path.join(dir, file))) throw new Error(`缺少文书字体文件 ${path.join(dir, file)}（请运行 npm ci）`)
  }
  return dirs
}

/** The data the template reads: the document with defaults filled, dates written out in Chinese. */
export type PreparedDocument = {
  pdfTitle: string
  organ: string
  title: string
  number: string | null
  blocks: PreparedBlock[]
  signatures: Array<{ label: string; value: string | null }>
  closing: { organ: string; date: string; sealed: boolean } | null
  verification: { qrText: string; caption: string }
  footer: string | null
  date: { year: number; month: number; day: number } | null
}

/** A block as the template reads it: tables also carry relative column widths. */
export type PreparedBlock = Exclude<DocumentBlock, { type: 'table' }> | (Extract<DocumentBlock, { type: 'table' }> & { widths: number[] })

/**
 * Fills defaults and normalizes what the template should not have to decide: ISO dates become
 * 2026年11月20日, table rows are padded or cut to the header's width (a short row would otherwise
 * shift every later cell), empty signature values print as a blank line to sign on.
 *
 * @example
 * ```ts
 * prepareDocument(doc).closing?.date // '2026年11月20日' for closing.date '2026-11-20'
 * ```
 */
export function prepareDocument(doc: OfficialDocument): PreparedDocument {
  // Not a calendar day (2026-02-30): printed as given, and kept out of Typst's datetime(), which would fail the render.
  const closingDate = doc.closing ? splitIsoDate(doc.closing.date) : null
  return {
    pdfTitle: doc.number ? `${doc.title}（${doc.number}）` : doc.title,
    organ: doc.organ,
    title: doc.title,
    number: doc.number || null,
    blocks: doc.blocks.map(prepareBlock),
    signatures: (doc.signatures ?? []).map((s) => ({ label: s.label, value: s.value ? s.value : null })),
    closing: doc.closing ? { organ: doc.closing.organ, date: chineseDate(doc.closing.date), sealed: doc.closing.sealed } : null,
    verification: { qrText: doc.verification.qrText, caption: doc.verification.caption },
    footer: doc.footer || null,
    date: closingDate,
  }
}

const require = createRequire(import.meta.url)
const templatePath = path.join(path.dirname(fileURLToPath(import.meta.url)), 'official-document.typ')

let compiler: NodeCompiler | null = null
let templateSource: string | null = null

// One compiler for the process: creating it scans fonts (~150 ms); a warm compile takes milliseconds.
function typstCompiler(): NodeCompiler {
  if (compiler) return compiler
  const typst = require('@myriaddreamin/typst-ts-node-compiler') as typeof import('@myriaddreamin/typst-ts-node-compiler')
  // The binding also scans system fonts and cannot be told not to; the bundled directories are
  // searched first (Typst prefers the first of equal fonts) and the template sets `fallback: false`
  // with the family named, so no system font ever reaches a document.
  compiler = typst.NodeCompiler.create({ workspace: path.dirname(templatePath), fontArgs: [{ fontPaths: bundledFontDirs() }] })
  return compiler
}

function template(): string {
  templateSource ??= fs.readFileSync(templatePath, 'utf8')
  return templateSource
}

function prepareBlock(block: DocumentBlock): PreparedBlock {
  if (block.type === 'table') {
    const rows = block.rows.map((row) => block.columns.map((_, i) => row[i] ?? ''))
    // Full-width tables, each column as wide as its longest cell suggests (4…30 half-width
    // characters, plus 2 for the cell's padding), so a 序号 column stays narrow but unbroken and a
    // 证据名称 column gets the room.
    const widths = block.columns.map((header, i) => Math.min(30, Math.max(4, ...[header, ...rows.map((r) => r[i])].map(displayWidth))) + 2)
    return { ...block, rows, widths }
  }
  if (block.type === 'opinion') return { ...block, date: chineseDate(block.date) }
  return block
}

// CJK characters take two columns of text, others one.
function displayWidth(text: string): number {
  let width = 0
  for (const char of text) width += char.codePointAt(0)! > 0x2e80 ? 2 : 1
  return width
}

