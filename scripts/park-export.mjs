// npm run park:export -- [--data <dir>] [--out <dir>] [--env <env>.<bucket>] [--rebind]: a stopped local cloud's park
// → one folder in WeChat Cloud's import format, with its files and a manifest (scripts/park-move.ts, shared/park/move.ts).
import { loadParkMove } from './park-load.mjs';
import { root } from './run.mjs';

const move = await loadParkMove();
process.exitCode = move.runCli(() => move.exportCli(process.argv.slice(2), root));
