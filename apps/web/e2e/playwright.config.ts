import path from 'node:path'
import { defineConfig, devices } from '@playwright/test'

const root = path.resolve(import.meta.dirname, '../../..')
const port = Number(process.env.E2E_PORT ?? 3199)
// One data directory per port, so two runs on different ports never wipe each other's database.
const dataDir = path.join(root, '.tmp', `e2e-data-${port}`)

// Debian's Chromium, never a downloaded browser. The flags keep it off the network that this
// machine does not have.
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
}

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  outputDir: path.join(root, '.tmp', 'test-results'),
  retries: 0,
  reporter: [['list'], ['json']],
  use: { baseURL: `http://localhost:${port}`, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', launchOptions, trace: 'off' },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], launchOptions }, testIgnore: /\.phone\.spec\.ts$/ },
    { name: 'phone', use: { ...devices['Pixel 7'], launchOptions }, testMatch: /\.phone\.spec\.ts$/ },
  ],
  webServer: {
    // A fresh embedded database with the demo data set, exactly what `npm start` gives a newcomer.
    command: `node -e "require('fs').rmSync(process.argv[1],{recursive:true,force:true})" ${JSON.stringify(dataDir)} && node apps/server/bin/yangguang.mjs serve --demo`,
    cwd: root,
    url: `http://localhost:${port}/api/health`,
    // The first start seeds the whole demo year (cases with their PDFs, reviews…): minutes on a loaded machine.
    timeout: 600_000,
    reuseExistingServer: false,
    env: { PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', HOST: '127.0.0.1' },
    stdout: 'ignore',
    stderr: 'pipe',
  },
})
