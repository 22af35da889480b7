// npm run park:import -- <exportDir> [--data <dir>] [--env <env>]: a park export → an empty local cloud data folder,
// then each collection's count, the audit head and the chain checked against the manifest (scripts/park-move.ts).
import { loadParkMove } from './park-load.mjs';
import { root } from './run.mjs';

const move = await loadParkMove();
process.exitCode = move.runCli(() => move.importCli(process.argv.slice(2), root));
