#!/usr/bin/env node
// `npm start`: build the web app when its sources are newer than the build, then serve the
// platform on embedded PGlite, loading the 禄丰市 demo data set on the first start.
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const built = path.join(root, 'apps/web/dist/index.html')

function newestMtime(dir) {
  let newest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs)
  }
  return newest
}

const sources = ['apps/web/src', 'apps/web/index.html', 'apps/web/portal.html', 'packages/core/src', 'packages/ledger/src']
  .map((p) => path.join(root, p))
  .filter((p) => fs.existsSync(p))
const sourceTime = Math.max(...sources.map((p) => (fs.statSync(p).isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs)))
if (!fs.existsSync(built) || fs.statSync(built).mtimeMs < sourceTime) {
  console.log('构建前端 (building the web app)…')
  const res = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
  if (res.status !== 0) process.exit(res.status ?? 1)
}

const server = spawn(process.execPath, [path.join(root, 'apps/server/bin/yangguang.mjs'), 'serve', '--demo', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)))
