/**
 * Local cloud for Yardstick: real cloud-function code with the real wx-server-sdk 4.0.2, redirected by environment
 * variables to this HTTP server, which speaks the SDK's protocol over a durable sqlite-backed store and enforces
 * WeChat Cloud's limits; the same server is the gateway for the H5 build of the mini-program.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { DatabaseService } from './database';
import { FunctionsHost } from './functions-host';
import { Gateway } from './gateway';
import { sendJson } from './http-util';
import { SdkProtocol } from './sdk-protocol';
import { FileStorage } from './storage';
import { SqliteStore, type Store } from './store';
import { TransactionManager } from './transactions';

export type { Store } from './store';

export interface LocalCloudOptions {
  dataDir: string;
  functionsDir: string;
  port?: number;
  host?: string;
  envId?: string;
  appId?: string;
  h5Dir?: string;
  publicBaseUrl?: string;
  listDemoPeople?: () => Promise<unknown[]>;
}

export interface LocalCloud {
  url: string;
  port: number;
  store: Store;
  /** SDK requests received so far, by action (for benchmarks: database requests per operation). */
  requestCounts(): Record<string, number>;
  stop(): Promise<void>;
}

/** The worker must be the built file (worker threads cannot run TypeScript); same path from src/ and build/. */
export const WORKER_FILE = path.join(__dirname, '..', 'build', 'worker.js');

/** Environment that points wx-server-sdk (inside a function instance) at this server instead of Tencent Cloud. */
export function sdkRedirectEnv(adminUrl: string, envId: string): Record<string, string> {
  return {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: adminUrl }),
    // node-sdk insists on credentials and signs with them; the local server accepts any signature
    TENCENTCLOUD_SECRETID: 'local-secret-id',
    TENCENTCLOUD_SECRETKEY: 'local-secret-key',
    // the SCF marker stops node-sdk probing the cloud metadata host on every call
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_REGION: 'ap-shanghai',
    SCF_NAMESPACE: envId,
    TCB_ENV: envId,
    SILENCE: 'true',
  };
}

export async function startLocalCloud(opts: LocalCloudOptions): Promise<LocalCloud> {
  const host = opts.host ?? '127.0.0.1';
  const envId = opts.envId ?? 'yardstick-local';
  const appId = opts.appId ?? 'wx-local-yardstick';
  if (!fs.existsSync(WORKER_FILE)) throw new Error(`${WORKER_FILE} is missing: run node scripts/build-localcloud.mjs`);
  fs.mkdirSync(opts.dataDir, { recursive: true });

  const store = new SqliteStore(opts.dataDir);
  const txs = new TransactionManager(store);
  const db = new DatabaseService(store, txs);
  let baseUrl = '';
  const publicBaseUrl = (): string => (opts.publicBaseUrl ?? baseUrl).replace(/\/+$/, '');
  const storage = new FileStorage(opts.dataDir, envId, publicBaseUrl);

  // the function host needs the port, which exists only after listen(); requests cannot arrive before that
  let protocol: SdkProtocol | undefined;
  let gateway: Gateway | undefined;

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    if (url.pathname.startsWith('/api/')) {
      // lets an H5 dev server on another port call the gateway; sessions travel in X-Session, not cookies
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Access-Control-Allow-Headers', 'Content-Type, X-Session');
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      if (req.method === 'OPTIONS') {
        res.writeHead(204).end();
        return;
      }
    }
    const route = async (): Promise<void> => {
      if (req.method === 'POST' && url.pathname === '/admin' && protocol) return protocol.handle(req, res);
      if (gateway && (await gateway.handle(req, res, url))) return;
      sendJson(res, 404, { error: 'not found' });
    };
    route().catch((e: unknown) => {
      console.error('[localcloud] request failed', req.method, req.url, e);
      if (!res.headersSent) sendJson(res, 500, { errCode: -1, errMsg: `internal error: ${(e as Error).message}` });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  baseUrl = `http://${urlHost}:${port}`;

  const functions = new FunctionsHost({
    functionsDir: opts.functionsDir,
    workerFile: WORKER_FILE,
    baseEnv: { ...sdkRedirectEnv(`${baseUrl}/admin`, envId), PATH: process.env.PATH ?? '' },
    envId,
  });
  protocol = new SdkProtocol({ db, functions, storage, appId, publicBaseUrl });
  gateway = new Gateway({ dataDir: opts.dataDir, functions, storage, appId, h5Dir: opts.h5Dir, listDemoPeople: opts.listDemoPeople });

  let stopped = false;
  const proto = protocol;
  return {
    url: baseUrl,
    port,
    store,
    requestCounts: () => Object.fromEntries(proto.requests),
    async stop(): Promise<void> {
      if (stopped) return;
      stopped = true;
      await functions.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      txs.close();
      store.close();
    },
  };
}
