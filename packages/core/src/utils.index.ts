/**
 * Pure, dependency-free utilities (zod aside): dates and the working-day
 * calendar, ID numbers, 统一社会信用代码, money in fen and 文号.
 * Re-exported from `index.ts` by the lead; import from '@yangguang/core'.
 */
export * from './calendar-date'
export * from './doc-number'
export * from './id-number'
export * from './invalid-argument-error'
export * from './money'
export * from './region-code'
export * from './uscc'
export * from './work-calendar'
export * from './validation-messages'
