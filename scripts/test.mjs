#!/usr/bin/env node
// The one test command (`npm test`): type check, unit and API tests on PGlite, the API tests
// again on PostgreSQL, the browser tests in Debian's Chromium, and the unit and API tests once
// more on Node 24. Ends with one line: "N passed, N failed".
//
// With CI=true a missing PostgreSQL (TEST_DATABASE_URL) or browser (/usr/bin/chromium) is a
// failure; on a developer machine it is reported as skipped.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const tmp = path.join(root, '.tmp')
fs.mkdirSync(tmp, { recursive: true })
const ci = process.env.CI === 'true' || process.env.CI === '1'
const only = process.argv.slice(2)
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const node24 = 'node@24.21.0'

const totals = { passed: 0, failed: 0, skipped: 0 }
const lines = []

function run(cmd, args, env = {}) {
  console.log(`\n$ ${[cmd, ...args].join(' ')}`)
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  return res.status ?? 1
}

function vitestStage(name, args, env = {}, command = ['npx', 'vitest']) {
  const report = path.join(tmp, `vitest-${name}.json`)
  fs.rmSync(report, { force: true })
  const status = run(command[0], [...command.slice(1), 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], env)
  let passed = 0
  let failed = 0
  let skipped = 0
  if (fs.existsSync(report)) {
    const r = JSON.parse(fs.readFileSync(report, 'utf8'))
    passed = r.numPassedTests
    failed = r.numFailedTests + (r.numFailedTestSuites ?? 0)
    skipped = r.numPendingTests + r.numTodoTests
  }
  if (status !== 0 && failed === 0) failed = 1
  record(name, passed, failed, skipped)
}

function playwrightStage() {
  const report = path.join(tmp, 'playwright.json')
  fs.rmSync(report, { force: true })
  const status = run('npx', ['playwright', 'test', '-c', 'apps/web/e2e/playwright.config.ts'], { PLAYWRIGHT_JSON_OUTPUT_NAME: report })
  let passed = 0
  let failed = 0
  let skipped = 0
  if (fs.existsSync(report)) {
    const s = JSON.parse(fs.readFileSync(report, 'utf8')).stats
    passed = s.expected
    failed = s.unexpected + s.flaky
    skipped = s.skipped
  }
  if (status !== 0 && failed === 0) failed = 1
  record('browser (chromium)', passed, failed, skipped)
}

function record(name, passed, failed, skipped) {
  totals.passed += passed
  totals.failed += failed
  totals.skipped += skipped
  lines.push(`${name.padEnd(28)} ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
}

function missing(name, why) {
  if (ci) {
    console.error(`\n✗ ${name}: ${why} — required in CI`)
    record(name, 0, 1, 0)
  } else {
    console.warn(`\n! ${name} skipped: ${why}`)
    lines.push(`${name.padEnd(28)} skipped: ${why}`)
  }
}

const want = (stage) => only.length === 0 || only.includes(stage)

if (want('types')) {
  const status = run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit'])
  record('type check', status === 0 ? 1 : 0, status === 0 ? 0 : 1, 0)
}

// The PGlite stages must not see the PostgreSQL URL that CI exports for the next stage.
const onPglite = { TEST_DATABASE_URL: '' }

if (want('pglite')) vitestStage('unit+api (PGlite)', [], onPglite)

if (want('postgres')) {
  if (process.env.TEST_DATABASE_URL) vitestStage('api (PostgreSQL)', ['--project', 'server'])
  else missing('api (PostgreSQL)', 'TEST_DATABASE_URL is not set')
}

if (want('browser')) {
  if (fs.existsSync(chromium)) {
    const built = run('npm', ['run', 'build'])
    if (built !== 0) record('web build', 0, 1, 0)
    else playwrightStage()
  } else missing('browser (chromium)', `${chromium} not found`)
}

if (want('node24')) {
  const probe = spawnSync('npx', ['--yes', '--package', node24, '--', 'node', '--version'], { cwd: root, encoding: 'utf8' })
  if (probe.status === 0 && probe.stdout.startsWith('v24')) {
    vitestStage('unit+api (Node 24)', [], onPglite, ['npx', '--yes', '--package', node24, '--', 'node', 'node_modules/vitest/vitest.mjs'])
  } else missing('unit+api (Node 24)', `could not run ${node24} from npm`)
}

console.log('\n── summary ─────────────────────────────────────')
for (const l of lines) console.log(l)
console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`)
process.exit(totals.failed > 0 ? 1 : 0)
