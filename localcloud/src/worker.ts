/**
 * One warm instance of a cloud function. The host sends one invocation at a time; before each we overwrite
 * `process.env` with that caller's identity, because `cloud.getWXContext()` reads WX_OPENID & co from `process.env`
 * and worker threads each own a private copy of it, so concurrent callers in other workers never see each other.
 */
import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';

interface InvokeMessage {
  type: 'invoke';
  file: string;
  env: Record<string, string | null>;
  event: unknown;
  context: Record<string, unknown>;
}

export type WorkerReply = { type: 'started' } | { type: 'result'; json: string } | { type: 'error'; message: string };

const port = parentPort;
if (!port) throw new Error('worker.js must run in a worker thread');
const channel = port;

// A stray rejection from a previous invocation must not kill a warm instance (the cloud runtime logs it).
process.on('unhandledRejection', (reason) => console.error('[localcloud] unhandled rejection in function:', reason));

// a require not seen by the bundler: the function file is only known at run time
const dynamicRequire = createRequire(__filename);

async function invoke(msg: InvokeMessage): Promise<void> {
  if (msg.type !== 'invoke') return;
  for (const [k, v] of Object.entries(msg.env)) {
    if (v === null) delete process.env[k];
    else process.env[k] = v;
  }
  let reply: WorkerReply;
  try {
    const mod = dynamicRequire(msg.file) as { main?: (event: unknown, context: unknown) => unknown };
    if (typeof mod.main !== 'function') throw new Error(`${msg.file} does not export main`);
    // module loaded (cold start done): the function's own timeout starts now, as on SCF
    channel.postMessage({ type: 'started' } satisfies WorkerReply);
    const result = await mod.main(msg.event, msg.context);
    reply = { type: 'result', json: JSON.stringify(result === undefined ? null : result) ?? 'null' };
  } catch (e) {
    const err = e as { stack?: string; message?: string } | undefined;
    reply = { type: 'error', message: err?.stack ?? err?.message ?? String(e) };
  }
  channel.postMessage(reply);
}

port.on('message', (msg: InvokeMessage) => {
  void invoke(msg);
});
