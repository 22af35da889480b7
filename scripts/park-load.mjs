// Bundles scripts/park-move.ts (with the shared rules and the local cloud's store it uses) for node, as run.mjs does
// for the demo, and loads it. The bundle goes under node_modules/.cache, where no linter, formatter or commit looks,
// one file per run so that two runs never write the same file; the store's native and query packages stay external.
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { bundle, root } from './run.mjs';
import './preflight.mjs';

export async function loadParkMove() {
  const rel = join('node_modules', '.cache', 'yardstick', `park-move-${process.pid}.cjs`);
  await bundle('scripts/park-move.ts', rel, ['better-sqlite3', 'mingo']);
  try {
    return createRequire(import.meta.url)(join(root, rel));
  } finally {
    rmSync(join(root, rel), { force: true });
  }
}
