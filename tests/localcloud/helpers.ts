/** Shared setup for the local-cloud tests: a cloud on a temp data dir and port 0, and the real SDK pointed at it. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PLANS, startLocalCloud, unmeteredDatabase, type LocalCloud, type LocalCloudOptions } from '../../localcloud/src/index';

export const FIXTURE_FUNCTIONS = path.join(__dirname, '..', 'fixtures', 'localcloud', 'functions');

export function tempDataDir(tag: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `localcloud-${tag}-`));
}

/**
 * The plan of the tests' clouds unless a test names one: the basic plan's function instances, the database
 * unmetered — these tests drive the SDK far faster than 30 requests a second on purpose; limits.test.ts tests the
 * database's limits with plans that keep them.
 */
export const TEST_PLAN = unmeteredDatabase(PLANS.basic);

/** Demo mode on (the tests sign in through the gateway) unless a test says otherwise. */
export async function startTestCloud(tag: string, extra: Partial<LocalCloudOptions> = {}): Promise<LocalCloud & { dataDir: string }> {
  const dataDir = tempDataDir(tag);
  const cloud = await startLocalCloud({ dataDir, functionsDir: FIXTURE_FUNCTIONS, port: 0, demo: true, plan: TEST_PLAN, ...extra });
  return Object.assign(cloud, { dataDir });
}

/** SDK environments (credentials included) of the clouds started in child processes, by URL. */
const childSdkEnv = new Map<string, Record<string, string>>();

/**
 * The real wx-server-sdk in this (test) process, redirected to the local cloud through environment variables only,
 * exactly as inside a function instance, with that cloud's credentials so that its requests are signed.
 */
export function sdkFor(cloud: LocalCloud | string, openid = 'o_test_process'): any {
  const env = typeof cloud === 'string' ? childSdkEnv.get(cloud) : cloud.sdkEnv();
  if (!env) throw new Error(`no SDK credentials known for ${typeof cloud === 'string' ? cloud : cloud.url}`);
  Object.assign(process.env, env, {
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID',
    WX_OPENID: openid,
    WX_APPID: 'wx-local-yardstick',
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sdk = require('wx-server-sdk');
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV });
  return sdk;
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<any> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return res.json();
}

export async function login(cloud: LocalCloud, openid: string): Promise<string> {
  const { token } = await postJson(`${cloud.url}/api/dev/login`, { openid });
  return token as string;
}

export async function callFn(cloud: LocalCloud, name: string, data: unknown, token?: string): Promise<any> {
  return postJson(`${cloud.url}/api/call`, { name, data }, token ? { 'X-Session': token } : {});
}

const CHILD = path.join(__dirname, '..', 'fixtures', 'localcloud', 'serve-child.js');

/** The BUILT local cloud in a process of its own, so that a test can kill -9 it. */
export function startChildCloud(dataDir: string, functionsDir: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, dataDir, functionsDir], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /SDKENV (.+)\nLISTENING (\S+)/.exec(out);
      if (m?.[1] && m[2]) {
        childSdkEnv.set(m[2], JSON.parse(m[1]) as Record<string, string>);
        resolve({ child, url: m[2] });
      }
    });
    child.on('exit', (code) => reject(new Error(`child exited early with ${code}`)));
  });
}

export const exited = (child: ChildProcess): Promise<void> =>
  new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', () => r())));
