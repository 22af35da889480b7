/**
 * A small typed facade over `wx-server-sdk` 4.0.2. The SDK's own typings do not compile cleanly under `strict`
 * (see ../shared/notes/wx-cloud.md), so we describe here just the part the functions use. The real SDK is
 * required at run time, in WeChat Cloud and in the local cloud alike.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import { withLoadRetry } from './load-retry';

export interface Doc {
  _id: string;
}
export type Projection = Record<string, boolean>;

export interface Query<T> {
  where(q: object): Query<T>;
  orderBy(field: string, dir: 'asc' | 'desc'): Query<T>;
  skip(n: number): Query<T>;
  limit(n: number): Query<T>;
  field(p: Projection): Query<T>;
  get(): Promise<{ data: T[] }>;
  count(): Promise<{ total: number }>;
  /** Outside transactions only: the SDK sends where().update() without the transaction id. */
  update(o: { data: object }): Promise<{ stats: { updated: number } }>;
  /** Outside transactions only, as update: every document the where() matches. */
  remove(): Promise<{ stats: { removed: number } }>;
}

export interface DocRef<T> {
  /** With `throwOnNotFound: false`, a missing document gives `data: null`. */
  get(): Promise<{ data: T | null }>;
  set(o: { data: Omit<T, '_id'> }): Promise<unknown>;
  update(o: { data: object }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
}

export interface Collection<T> extends Query<T> {
  doc(id: string): DocRef<T>;
  add(o: { data: T | Omit<T, '_id'> }): Promise<{ _id: string }>;
}

export interface TxCollection<T> {
  doc(id: string): DocRef<T>;
  add(o: { data: T | Omit<T, '_id'> }): Promise<{ _id: string }>;
}

export interface Transaction {
  collection<T extends Doc>(name: string): TxCollection<T>;
  commit(): Promise<unknown>;
  rollback(): Promise<unknown>;
}

export interface Command {
  in(values: unknown[]): object;
  inc(n: number): object;
  eq(v: unknown): object;
  neq(v: unknown): object;
  gte(v: unknown): object;
  lte(v: unknown): object;
  lt(v: unknown): object;
  gt(v: unknown): object;
  exists(v: boolean): object;
  push(v: unknown): object;
  set(v: unknown): object;
  and(conditions: object[]): object;
  or(conditions: object[]): object;
}

export interface Database {
  collection<T extends Doc>(name: string): Collection<T>;
  command: Command;
  RegExp(o: { regexp: string; options?: string }): object;
  serverDate(): object;
  startTransaction(): Promise<Transaction>;
}

export interface WXContext {
  OPENID?: string;
  APPID?: string;
  UNIONID?: string;
  ENV?: string;
  SOURCE?: string;
}

export interface Cloud {
  init(o: { env: unknown }): void;
  DYNAMIC_CURRENT_ENV: unknown;
  database(o?: { throwOnNotFound?: boolean }): Database;
  getWXContext(): WXContext;
  uploadFile(o: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>;
  /** The file's bytes (the SDK fetches a temporary link and reads it). */
  downloadFile(o: { fileID: string }): Promise<{ fileContent: Buffer }>;
  deleteFile(o: { fileList: string[] }): Promise<{ fileList: { fileID: string; status: number }[] }>;
  getTempFileURL(o: { fileList: string[] }): Promise<{
    fileList: { fileID: string; tempFileURL: string; status: number; errMsg?: string }[];
  }>;
  openapi: {
    wxacode: {
      getUnlimited(o: {
        scene: string;
        page: string;
        width?: number;
        checkPath?: boolean;
        envVersion?: string;
      }): Promise<{ buffer: Buffer; contentType?: string; errCode?: number; errMsg?: string }>;
    };
    subscribeMessage: {
      /** Throws the platform's errcode (43101: the person allowed no more; 47003: a keyword value breaks its rule). */
      send(o: {
        touser: string;
        templateId: string;
        page?: string;
        data: Record<string, { value: string }>;
        miniprogramState?: 'developer' | 'trial' | 'formal';
        lang?: string;
      }): Promise<{ errCode: number; errMsg: string }>;
    };
  };
}

let cached: { cloud: Cloud; db: Database } | null = null;

/** Initialise once per function instance (warm starts reuse it), on the environment the function runs in. */
export function getCloud(): { cloud: Cloud; db: Database } {
  if (cached) return cached;
  const cloud = require('wx-server-sdk') as Cloud;
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  // a request refused for load is tried again in place, not the whole call (load-retry.ts)
  cached = { cloud, db: withLoadRetry(cloud.database({ throwOnNotFound: false })) };
  return cached;
}

/** An add refused because a document with that `_id` exists (MongoDB's E11000, which the SDK reports as -502001). */
export function isDuplicateKey(e: unknown): boolean {
  const text = e instanceof Error ? e.message : e && typeof e === 'object' ? JSON.stringify(e) : String(e);
  return /E11000|duplicate key/i.test(text);
}
