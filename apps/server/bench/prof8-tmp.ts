import { sql } from 'kysely'
import { createDb } from '../src/platform/db/create-db'
import { migrateToLatest } from '../src/platform/db/migrate'
import { integrateOnce } from '../src/platform/ledger/integrate-batch'
import { integratedSize, findTile } from '../src/platform/ledger/ledger.repository'
import { inclusionProof } from '../src/platform/ledger/ledger-tiles'
import { hashCompleteSubtree } from '@yangguang/ledger'
import { nodeSha256Ed25519Profile } from '@yangguang/ledger/node'
const admin = await createDb({ databaseUrl: 'postgres://postgres:postgres@localhost:5432/postgres', poolSize: 1 })
const exists = (await sql<{n:number}>`select count(*)::int n from pg_database where datname='yg_prof'`.execute(admin.db)).rows[0].n
if (!exists) await sql.raw('CREATE DATABASE yg_prof').execute(admin.db)
await admin.close()
const { db, close } = await createDb({ databaseUrl: 'postgres://postgres:postgres@localhost:5432/yg_prof', poolSize: 10 })
await migrateToLatest(db)
if ((await integratedSize(db)) === 0) {
  await sql`INSERT INTO ledger_leaf (leaf, leaf_hash) SELECT l, sha256('\\x00'::bytea || l) FROM (SELECT convert_to('{"act":"x","g":' || g || '}', 'UTF8') AS l FROM generate_series(1, 2000000) g) s`.execute(db)
  while ((await integrateOnce(db, { maxLeaves: 100000 })).integrated);
}
const size = await integratedSize(db)
const tiles = Math.floor(size / 256)
const time = async (name: string, f: () => Promise<unknown>, n = 3000) => { const l: number[] = []; for (let i = 0; i < n; i++) { const t = performance.now(); await f(); l.push(performance.now() - t) } l.sort((a,b)=>a-b); console.log(name, 'p50', l[n>>1].toFixed(3), 'p90', l[Math.floor(n*0.9)].toFixed(3), 'p99', l[Math.floor(n*0.99)].toFixed(3)) }
const h = nodeSha256Ed25519Profile.hasher
await time('proof cached', () => inclusionProof(db, Math.floor(Math.random()*size), size, { cache: true }))
await time('findTile L0', () => findTile(db, 0, Math.floor(Math.random()*tiles)))
await time('substring 8 hashes', () => sql`SELECT substring(hashes from 1 for 32) a, substring(hashes from 4001 for 32) b, substring(hashes from 8001 for 32) c FROM ledger_tile WHERE level = 0 AND idx = ${Math.floor(Math.random()*tiles)}`.execute(db))
const tile = (await findTile(db, 0, 5))!
await time('hash 255 in tile', async () => { for (let l = 0; l < 8; l++) hashCompleteSubtree(tile.subarray(0, 32 * 2 ** l), h) })
await time('select 1', () => sql`select 1`.execute(db))
await close()
