import { openMigratedDatabase } from './lib/boot'

const { handle } = await openMigratedDatabase()
console.log(`✔ 迁移完成 (migrations applied): ${handle.driver} ${handle.location}`)
await handle.close()
