// Entry of the import parsing worker (read-table-in-worker.ts). A worker thread starts without the
// parent's module loaders, so it registers tsx itself — the same way bin/yangguang.mjs does — and
// then runs the TypeScript body. This works alike under `npm start`, the CLI and vitest.
import { register } from 'tsx/esm/api'

register()
await import('./read-table.worker.ts')
