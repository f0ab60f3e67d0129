/**
 * GB/T 2260 行政区划代码 facts that the ID-number and USCC checks share.
 * Only province prefixes are listed: county codes change every year, while
 * numbers issued under old codes stay valid for life.
 */

/** 禄丰市 since the county became a city in 2021 (民政部 2021 county-level list). */
export const lufengRegionCode = '532302'

/** 禄丰县 before 2021; ID numbers and USCCs issued then keep it. */
export const lufengLegacyRegionCode = '532331'

/**
 * The 34 province-level prefixes (31 mainland, 71 台湾, 81 香港, 82 澳门).
 *
 * @example
 * ```ts
 * provincePrefixes.has('53') // true (云南)
 * provincePrefixes.has('20') // false
 * ```
 */
export const provincePrefixes: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82',
])
