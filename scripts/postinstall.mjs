#!/usr/bin/env node
// `npm install` ends here: build the web app and the demo data snapshot once, so the first `npm start` serves in
// seconds. Neither is needed for the install to be usable — `npm start` builds and seeds whatever is missing — so a
// failure here is reported and the install still succeeds. YANGGUANG_SKIP_PREPARE=1 skips both.
import { spawnSync } from 'node:child_process'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
if (process.env.YANGGUANG_SKIP_PREPARE === '1') process.exit(0)

const steps = [
  ['构建前端 (building the web app)', 'npm', ['run', 'build', '--silent']],
  ['生成演示数据快照 (building the demo data snapshot, about a minute)', process.execPath, [path.join(root, 'apps/server/bin/yangguang.mjs'), 'seed', 'demo-snapshot']],
]
for (const [title, command, args] of steps) {
  console.log(`${title}…`)
  const res = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] })
  if (res.status !== 0) console.warn(`未完成（${command} 退出码 ${res.status ?? res.signal}）；npm start 时会再做一次。`)
}
