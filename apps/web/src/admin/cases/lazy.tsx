import { Spin } from 'antd'
import { type ComponentType, lazy, type LazyExoticComponent, Suspense } from 'react'

// The case pages are the largest part of the console and only staff who handle or supervise cases
// open them, so they load on first visit instead of with the console.
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): LazyExoticComponent<ComponentType> {
  return lazy(() => load().then((m) => ({ default: m[name] })))
}

const Cases = page(() => import('./CasesPage'), 'CasesPage')
const Case = page(() => import('./CasePage'), 'CasePage')
const NewCase = page(() => import('./NewCasePage'), 'NewCasePage')
const SimpleCase = page(() => import('./SimpleCasePage'), 'SimpleCasePage')

const fallback = <Spin style={{ display: 'block', margin: '48px auto' }} />

/** 案件列表 */
export function CasesRoute() {
  return <Suspense fallback={fallback}>{<Cases />}</Suspense>
}

/** 案件详情 */
export function CaseRoute() {
  return <Suspense fallback={fallback}>{<Case />}</Suspense>
}

/** 线索登记 */
export function NewCaseRoute() {
  return <Suspense fallback={fallback}>{<NewCase />}</Suspense>
}

/** 简易程序 */
export function SimpleCaseRoute() {
  return <Suspense fallback={fallback}>{<SimpleCase />}</Suspense>
}
