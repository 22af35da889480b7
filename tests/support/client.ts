/**
 * The test client of a running local cloud: sessions through the gateway's dev login (demo mode) and calls
 * through `/api/call`, exactly as the H5 client makes them. Takes a cloud someone else started, so tests
 * (tests/support/cloud.ts) and benchmarks (bench/, which load the built local cloud) share it.
 */
import { randomBytes } from 'crypto';
import { request } from 'http';
import type { ActionName, FnName, InputOf, OutputOf } from '../../shared/contracts';
import type { Reply } from '../../shared/common/errors';
import { demoOpenid } from '../../demo/park';
import { makeReceipt } from '../../shared/votes/campaign';
import type { LocalCloud } from '../../localcloud/src/index';

export interface CloudClient {
  cloud: LocalCloud;
  /** A session for a WeChat identity (the platform's OPENID stand-in). */
  login(openid: string): Promise<string>;
  /** A session for a demo person by member id. */
  as(memberId: string): Promise<string>;
  /** A fresh WeChat user, not bound to anyone. */
  newUser(): Promise<{ token: string; openid: string }>;
  call<F extends FnName, A extends ActionName<F>>(token: string, fn: F, action: A, input: InputOf<F, A>): Promise<Reply<OutputOf<F, A>>>;
  /** The raw gateway reply for unusual calls (unknown actions, malformed input). */
  raw(token: string, name: string, data: unknown): Promise<Record<string, unknown>>;
}

export function cloudClient(cloud: LocalCloud): CloudClient {
  const post = (path: string, body: unknown, token?: string) => postJson(`${cloud.url}${path}`, body, token ? { 'x-session': token } : {});
  const login = async (openid: string) => String((await post('/api/dev/login', { openid })).token);
  const raw = (token: string, name: string, data: unknown) => post('/api/call', { name, data }, token);
  return {
    cloud,
    login,
    as: (memberId) => login(demoOpenid(memberId)),
    newUser: async () => {
      const r = await post('/api/dev/login', { newUser: true });
      return { token: String(r.token), openid: String(r.openid) };
    },
    call: async (token, fn, action, input) => {
      const r = await raw(token, fn, { action, input });
      if (!('result' in r)) throw new Error(`platform failure: ${JSON.stringify(r)}`);
      return r.result as never;
    },
    raw,
  };
}

/**
 * POST JSON with node's own http client: unlike `fetch`, it exists in jest's jsdom environment too (where the
 * miniprogram-simulate tests run).
 */
export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Record<string, unknown>> {
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': payload.length, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>);
          } catch (e) {
            reject(e instanceof Error ? e : new Error(String(e)));
          }
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Unwrap a success reply, failing the test with the error otherwise. */
export function data<T>(r: Reply<T>): T {
  if (r.code !== 0) throw new Error(`expected success, got ${r.code}: ${r.message}`);
  return r.data;
}

/** A receipt as the phone makes it for its ballot (client/src/votes/lib.ts): 12 random bytes. */
export function newReceipt(): string {
  return makeReceipt(randomBytes(12));
}
