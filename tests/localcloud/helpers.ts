/** Shared setup for the local-cloud tests: a cloud on a temp data dir and port 0, and the real SDK pointed at it. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sdkRedirectEnv, startLocalCloud, type LocalCloud, type LocalCloudOptions } from '../../localcloud/src/index';

export const FIXTURE_FUNCTIONS = path.join(__dirname, '..', 'fixtures', 'localcloud', 'functions');

export function tempDataDir(tag: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `localcloud-${tag}-`));
}

export async function startTestCloud(tag: string, extra: Partial<LocalCloudOptions> = {}): Promise<LocalCloud & { dataDir: string }> {
  const dataDir = tempDataDir(tag);
  const cloud = await startLocalCloud({ dataDir, functionsDir: FIXTURE_FUNCTIONS, port: 0, ...extra });
  return Object.assign(cloud, { dataDir });
}

/**
 * The real wx-server-sdk in this (test) process, redirected to the local cloud through environment variables only,
 * exactly as inside a function instance.
 */
export function sdkFor(cloud: LocalCloud | string, openid = 'o_test_process'): any {
  const base = typeof cloud === 'string' ? cloud : cloud.url;
  Object.assign(process.env, sdkRedirectEnv(`${base}/admin`, 'yardstick-local'), {
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
      const m = /LISTENING (\S+)/.exec(out);
      if (m?.[1]) resolve({ child, url: m[1] });
    });
    child.on('exit', (code) => reject(new Error(`child exited early with ${code}`)));
  });
}

export const exited = (child: ChildProcess): Promise<void> =>
  new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', () => r())));
