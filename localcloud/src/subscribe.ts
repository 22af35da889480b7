/**
 * Subscribe messages (订阅消息) as WeChat keeps them: the platform's half, which the product cannot touch.
 *
 * - `wx.requestSubscribeMessage` (the client, from a tap): the person answers each template; every `accept` of a
 *   one-time template lets the app send that person one message of it, later; a long-term template's accept lets
 *   it send many. The H5 build shows the dialog itself and posts the answers here (`POST /api/subscribe`), for the
 *   signed-in person only.
 * - `subscribeMessage.send` (a function, through the SDK's openapi): refused with 43101 when the person holds no
 *   acceptance of the template, 40037 for a template the app does not have, 40003 without a person, 41030 for a page
 *   that is not the app's, 47003 when a keyword's value is empty or breaks its type's rule — the platform's codes
 *   and checks. A message sent uses up one acceptance and lands in the person's 服务通知, here an outbox that only
 *   they can read (`GET /api/outbox`).
 *
 * What it keeps is what WeChat keeps: each person's acceptances and their last messages, in a store of its own
 * beside the database's — functions cannot reach it, as they cannot reach WeChat's.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SqliteStore } from './store';

export interface SubscribeTemplate {
  title: string;
  /** keyword → label, in order (`thing1: 任务名称`). */
  keywords: Record<string, string>;
  longTerm?: boolean;
}
export type SubscribeTemplates = Record<string, SubscribeTemplate>;

/** The product's templates, next to the functions (as the console's 我的模板 lists them). */
export const SUBSCRIBE_TEMPLATES_FILE = 'subscribe-templates.json';

export function loadSubscribeTemplates(given: string | SubscribeTemplates | undefined, functionsDir: string): SubscribeTemplates {
  if (given && typeof given === 'object') return given;
  const file = given ?? path.join(functionsDir, SUBSCRIBE_TEMPLATES_FILE);
  if (typeof given !== 'string' && !fs.existsSync(file)) return {};
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`${file}: expected an object of templates`);
  for (const [id, t] of Object.entries(parsed as Record<string, unknown>)) {
    const ok =
      t && typeof t === 'object' && typeof (t as SubscribeTemplate).title === 'string' && typeof (t as SubscribeTemplate).keywords === 'object';
    if (!ok) throw new Error(`${file}: template ${id} needs a title and keywords`);
  }
  return parsed as SubscribeTemplates;
}

/** Messages one person's 服务通知 keeps here (older ones drop off). */
export const OUTBOX_KEEP = 100;
/** Templates one wx.requestSubscribeMessage may ask for. */
export const MAX_TMPL_IDS = 3;

const HAN = /^\p{Script=Han}+$/u;
const TIME = String.raw`(\d{4}[年/-]\d{1,2}[月/-]\d{1,2}日?\s*)?\d{1,2}:\d{2}(:\d{2})?`;
const DATE = String.raw`\d{4}[年/-]\d{1,2}[月/-]\d{1,2}日?(\s*\d{1,2}:\d{2}(:\d{2})?)?`;
const span = (one: string) => new RegExp(`^${one}(\\s*~\\s*${one})?$`);

/** Each keyword type's rule (subscribeMessage.send, 参数值内容限制说明); characters are counted as code points. */
const RULES: Record<string, (v: string, n: number) => boolean> = {
  thing: (_v, n) => n <= 20,
  number: (v, n) => n <= 32 && /^[-+]?\d+(\.\d+)?$/.test(v),
  letter: (v, n) => n <= 32 && /^[A-Za-z]+$/.test(v),
  symbol: (v, n) => n <= 5 && /^[^\p{L}\p{N}\s]+$/u.test(v),
  character_string: (v, n) => n <= 32 && /^[\x21-\x7e]+$/.test(v),
  time: (v) => span(TIME).test(v),
  date: (v) => span(DATE).test(v),
  amount: (v) => /^[¥￥$€£]?\d{1,10}(\.\d{1,2})?元?$/.test(v),
  phone_number: (v, n) => n <= 17 && /^[\d+\-() ]+$/.test(v),
  car_number: (v, n) => n <= 8 && /^[\p{Script=Han}A-Z0-9][A-Z0-9]*[\p{Script=Han}A-Z0-9]?$/u.test(v),
  name: (v, n) => (HAN.test(v) ? n <= 10 : /^[\p{Script=Han}]/u.test(v) ? n <= 10 : n <= 20),
  phrase: (v, n) => n <= 5 && HAN.test(v),
};

/** Why a keyword's value would be refused (47003's message), or null. */
export function keywordValueProblem(keyword: string, value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return `data.${keyword}.value is empty`;
  const type = keyword.replace(/\d+$/, '');
  const rule = RULES[type];
  if (rule && !rule(value, [...value].length)) return `data.${keyword}.value invalid`;
  return null;
}

export type SubscribeAnswer = 'accept' | 'reject';

interface CreditDoc {
  _id: string;
  openid: string;
  templateId: string;
  /** One-time: messages left; long-term: 1 while accepted. */
  credits: number;
}

export interface OutboxMessage {
  _id: string;
  touser: string;
  templateId: string;
  title: string;
  page: string;
  /** keyword label and value, in the template's order */
  fields: { keyword: string; label: string; value: string }[];
  state: string;
  at: number;
}

/** Pages the app has: `path/of/page` with an optional query (locally every page of the app is "published"). */
const PAGE_RE = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)+(\?[^\s#]*)?$/;
const OPENID_RE = /^[A-Za-z0-9_-]{1,64}$/;

const creditId = (openid: string, templateId: string): string => `${openid}|${templateId}`;

export class SubscribeMessages {
  private seq = 0;
  constructor(
    private readonly store: SqliteStore,
    private readonly templates: SubscribeTemplates,
  ) {}

  private template(id: unknown): SubscribeTemplate | undefined {
    return typeof id === 'string' && Object.prototype.hasOwnProperty.call(this.templates, id) ? this.templates[id] : undefined;
  }

  /** wx.requestSubscribeMessage's reply to what the person chose in the dialog. */
  answer(
    openid: string,
    tmplIds: unknown,
    answers: unknown,
  ): { ok: true; result: Record<string, SubscribeAnswer> } | { ok: false; errCode: number; errMsg: string } {
    if (!Array.isArray(tmplIds) || tmplIds.length === 0) return { ok: false, errCode: 10001, errMsg: 'TmplIds can not be empty' };
    if (tmplIds.length > MAX_TMPL_IDS) return { ok: false, errCode: 20003, errMsg: `templates count out of max bounds (${MAX_TMPL_IDS})` };
    const ts = tmplIds.map((id) => this.template(id));
    if (ts.some((t) => !t)) return { ok: false, errCode: 20001, errMsg: 'No template data return, verify the template id exist' };
    if (new Set(ts.map((t) => t?.longTerm === true)).size > 1) {
      return { ok: false, errCode: 20002, errMsg: 'Templates types are mixed: one-time and long-term together' };
    }
    const chosen = answers && typeof answers === 'object' ? (answers as Record<string, unknown>) : {};
    const result: Record<string, SubscribeAnswer> = {};
    const writes = (tmplIds as string[]).map((id) => {
      const a: SubscribeAnswer = chosen[id] === 'accept' ? 'accept' : 'reject';
      result[id] = a;
      const cur = this.store.peek('credits', creditId(openid, id)) as unknown as CreditDoc | undefined;
      const longTerm = this.template(id)?.longTerm === true;
      const before = cur?.credits ?? 0;
      const credits = a === 'accept' ? (longTerm ? 1 : before + 1) : longTerm ? 0 : before;
      const doc: CreditDoc = { _id: creditId(openid, id), openid, templateId: id, credits };
      return { coll: 'credits', id: doc._id, doc: doc as never };
    });
    this.store.applyWrites(writes);
    return { ok: true, result };
  }

  /** What the person may still be sent of each template (for tests and the demo). */
  credits(openid: string, templateId: string): number {
    return (this.store.peek('credits', creditId(openid, templateId)) as unknown as CreditDoc | undefined)?.credits ?? 0;
  }

  /** The request's own errors (40003, 40037, 41030, 47003), or the template and its filled fields. */
  private check(
    p: Record<string, unknown>,
  ): { errcode: number; errmsg: string } | { t: SubscribeTemplate; touser: string; templateId: string; fields: OutboxMessage['fields'] } {
    const { touser, template_id: templateId, page, data } = p;
    if (typeof touser !== 'string' || !OPENID_RE.test(touser)) return { errcode: 40003, errmsg: 'invalid openid' };
    const t = this.template(templateId);
    if (!t || typeof templateId !== 'string') return { errcode: 40037, errmsg: 'invalid template_id' };
    const badPage = typeof page !== 'string' || page.startsWith('/') || page.length > 1024 || !PAGE_RE.test(page);
    if (page !== undefined && page !== '' && badPage) return { errcode: 41030, errmsg: 'invalid page' };
    const values = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
    const fields: OutboxMessage['fields'] = [];
    for (const [keyword, label] of Object.entries(t.keywords)) {
      const entry = values[keyword];
      const value = entry && typeof entry === 'object' ? (entry as { value?: unknown }).value : undefined;
      const problem = keywordValueProblem(keyword, value);
      if (problem) return { errcode: 47003, errmsg: `argument invalid! ${problem}` };
      fields.push({ keyword, label, value: value as string });
    }
    return { t, touser, templateId, fields };
  }

  /** subscribeMessage.send: `{ errcode, errmsg }` as the platform answers. */
  send(p: Record<string, unknown>, now: number): { errcode: number; errmsg: string } {
    const checked = this.check(p);
    if ('errcode' in checked) return checked;
    const { t, touser, templateId, fields } = checked;
    const page = p.page;
    const id = creditId(touser, templateId);
    const cur = this.store.peek('credits', id) as unknown as CreditDoc | undefined;
    if (!cur || cur.credits <= 0) return { errcode: 43101, errmsg: 'user refuse to accept the msg' };
    const state = typeof p.miniprogram_state === 'string' ? p.miniprogram_state : 'formal';
    const msg: OutboxMessage = {
      _id: `${touser}|${String(now).padStart(15, '0')}|${String((this.seq += 1)).padStart(6, '0')}`,
      touser,
      templateId,
      title: t.title,
      page: typeof page === 'string' ? page : '',
      fields,
      state,
      at: now,
    };
    const old = this.outbox(touser).slice(OUTBOX_KEEP - 1);
    this.store.applyWrites([
      ...(t.longTerm ? [] : [{ coll: 'credits', id, doc: { ...cur, credits: cur.credits - 1 } as never }]),
      { coll: 'outbox', id: msg._id, doc: msg as never },
      ...old.map((m) => ({ coll: 'outbox', id: m._id, doc: null })),
    ]);
    return { errcode: 0, errmsg: 'ok' };
  }

  /** One person's messages, newest first. */
  outbox(openid: string): OutboxMessage[] {
    return (this.store.all('outbox') as unknown as OutboxMessage[])
      .filter((m) => m.touser === openid)
      .sort((a, b) => b.at - a.at || b._id.localeCompare(a._id));
  }

  /** Every message sent, newest first (tests and benchmarks read it from the LocalCloud handle; no route serves it). */
  allSent(): OutboxMessage[] {
    return (this.store.all('outbox') as unknown as OutboxMessage[]).slice().sort((a, b) => b.at - a.at || b._id.localeCompare(a._id));
  }
}
