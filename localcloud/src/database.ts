/**
 * The `database.*` actions of the CloudBase admin protocol, as @cloudbase/database (used by wx-server-sdk 4.0.2)
 * sends them, with the limits WeChat Cloud enforces server side.
 */
import crypto from 'node:crypto';
import { update as mingoUpdate } from 'mingo';
import { cloneValue, parseEJSON, stringifyEJSON, type Doc } from './ejson';
import { DuplicateKeyError, type DocWrite, type SqliteStore } from './store';
import { CloudError, type TransactionManager } from './transactions';

/** Default and maximum of `get()` (the SDK sends limit 100 by default and caps at 1000 itself; we cap again). */
export const GET_DEFAULT_LIMIT = 100;
export const GET_MAX_LIMIT = 1000;
/** `aggregate()` returns 20 records without a `$limit` stage and at most 10000 with one. */
export const AGGREGATE_DEFAULT_LIMIT = 20;
export const AGGREGATE_MAX_LIMIT = 10_000;

type Params = Record<string, unknown>;

/** 32 hex chars, the shape of the cloud's generated `_id`s. */
export const newDocId = (): string => crypto.randomBytes(16).toString('hex');

const requestFailed = (message: string): CloudError => new CloudError('DATABASE_REQUEST_FAILED', message);

function duplicate(e: DuplicateKeyError): CloudError {
  // CloudBase reports the Mongo E11000 text under DATABASE_REQUEST_FAILED (the SDK maps it to -502001)
  return requestFailed(`[DATABASE_REQUEST_FAILED] ${e.message}`);
}

const whereInTxError = (): CloudError =>
  requestFailed(
    '[DATABASE_REQUEST_FAILED] only doc() operations and add() are allowed in a transaction; where() queries, updates and removes are not',
  );

function asObject(v: unknown, what: string): Doc {
  if (v === undefined || v === null) return {};
  if (typeof v !== 'object' || Array.isArray(v)) throw new CloudError('INVALID_PARAM', `[INVALID_PARAM] ${what} must be an object`);
  return v as Doc;
}

/** `order` arrives as an EJSON object `{field: 1|-1}` (older SDKs: an array of `{field, direction}`). */
function parseOrder(raw: unknown, now: number): Record<string, 1 | -1> | undefined {
  if (raw === undefined) return undefined;
  const v = parseEJSON(raw, now);
  const out: Record<string, 1 | -1> = {};
  if (Array.isArray(v)) {
    for (const o of v as Array<{ field: string; direction: string }>) out[o.field] = o.direction === 'desc' ? -1 : 1;
  } else {
    for (const [k, d] of Object.entries(asObject(v, 'order'))) out[k] = d === -1 || d === 'desc' ? -1 : 1;
  }
  return out;
}

const hasOperators = (data: Doc): boolean => Object.keys(data).some((k) => k.startsWith('$'));

/** Apply an update. `merge: false` replaces the document (doc().set()), keeping its `_id`. */
function applyUpdate(doc: Doc, data: Doc, merge: boolean): Doc {
  if (!merge) {
    const replaced = cloneValue(data);
    delete replaced._id;
    return { _id: doc._id, ...replaced };
  }
  const copy = cloneValue(doc);
  try {
    mingoUpdate(copy, (hasOperators(data) ? data : { $set: data }) as never, undefined, undefined, { cloneMode: 'deep' });
  } catch (e) {
    throw requestFailed(`[DATABASE_REQUEST_FAILED] ${(e as Error).message}`);
  }
  copy._id = doc._id;
  return copy;
}

const same = (a: Doc, b: Doc): boolean => stringifyEJSON(a) === stringifyEJSON(b);

/** Fields fixed by equality in a where() filter seed an upserted document, as in MongoDB. */
function seedFromFilter(filter: Doc): Doc {
  const seed: Doc = {};
  for (const [k, v] of Object.entries(filter)) {
    if (k.startsWith('$')) continue;
    if (v !== null && typeof v === 'object' && !(v instanceof Date) && Object.keys(v).some((x) => x.startsWith('$'))) continue;
    seed[k] = v;
  }
  return seed;
}

export class DatabaseService {
  constructor(
    private readonly store: SqliteStore,
    private readonly txs: TransactionManager,
  ) {}

  private txId(p: Params): string | undefined {
    return typeof p.transactionId === 'string' && p.transactionId ? p.transactionId : undefined;
  }

  private coll(p: Params): string {
    const c = p.collectionName;
    if (typeof c !== 'string' || !c) throw new CloudError('INVALID_PARAM', '[INVALID_PARAM] collectionName is required');
    return c;
  }

  /** In a transaction only doc() (queryType DOC with an `_id`) is allowed; returns that id. */
  private txDocId(p: Params, filter: Doc): string {
    if (p.queryType !== 'DOC' || (typeof filter._id !== 'string' && typeof filter._id !== 'number')) throw whereInTxError();
    return String(filter._id);
  }

  getDocument(p: Params, now: number): unknown {
    const coll = this.coll(p);
    const filter = asObject(parseEJSON(p.query, now), 'query');
    const projection = p.projection === undefined ? undefined : asObject(parseEJSON(p.projection, now), 'projection');
    const txId = this.txId(p);
    let list: Doc[];
    if (txId) {
      const id = this.txDocId(p, filter);
      const doc = this.txs.read(txId, coll, id);
      list = doc ? this.store.query(coll, {}, { projection }, [doc]) : [];
    } else {
      const requested = typeof p.limit === 'number' && p.limit > 0 ? p.limit : GET_DEFAULT_LIMIT;
      const limit = p.queryType === 'DOC' ? 1 : Math.min(requested, GET_MAX_LIMIT);
      const skip = typeof p.offset === 'number' && p.offset > 0 ? p.offset : 0;
      list = this.store.query(coll, filter, { sort: parseOrder(p.order, now), skip, limit, projection });
    }
    return { data: { list: list.map(stringifyEJSON) } };
  }

  calculateDocument(p: Params, now: number): unknown {
    if (this.txId(p)) throw whereInTxError();
    const filter = asObject(parseEJSON(p.query, now), 'query');
    return { data: { total: this.store.count(this.coll(p), filter) } };
  }

  insertDocument(p: Params, now: number): unknown {
    const coll = this.coll(p);
    const raw = Array.isArray(p.data) ? p.data : [p.data];
    const docs = raw.map((d) => {
      const doc = asObject(parseEJSON(d, now), 'data');
      if (doc._id === undefined || doc._id === null || doc._id === '') doc._id = newDocId();
      return doc;
    });
    const txId = this.txId(p);
    if (txId) {
      for (const doc of docs) {
        const id = String(doc._id);
        if (this.txs.read(txId, coll, id)) throw duplicate(new DuplicateKeyError(coll, id));
        this.txs.write(txId, { coll, id, doc });
      }
    } else {
      try {
        this.store.insertMany(coll, docs);
      } catch (e) {
        if (e instanceof DuplicateKeyError) throw duplicate(e);
        throw e;
      }
    }
    return { data: { insertedIds: docs.map((d) => d._id) } };
  }

  modifyDocument(p: Params, now: number): unknown {
    const coll = this.coll(p);
    const filter = asObject(parseEJSON(p.query, now), 'query');
    const data = asObject(parseEJSON(p.data, now), 'data');
    const merge = p.merge !== false;
    const upsert = p.upsert === true;
    const txId = this.txId(p);

    if (txId) {
      const id = this.txDocId(p, filter);
      const current = this.txs.read(txId, coll, id);
      if (!current) {
        if (!upsert) return { data: { updated: 0 } };
        this.txs.write(txId, { coll, id, doc: applyUpdate({ _id: id }, data, merge) });
        return { data: { updated: 0, upsert_id: id } };
      }
      const next = applyUpdate(current, data, merge);
      if (same(current, next)) return { data: { updated: 0 } };
      this.txs.write(txId, { coll, id, doc: next });
      return { data: { updated: 1 } };
    }

    const multi = p.queryType !== 'DOC' && p.multi !== false;
    const matched = this.store.query(coll, filter, multi ? {} : { limit: 1 });
    if (!matched.length) {
      if (!upsert) return { data: { updated: 0 } };
      const seed = p.queryType === 'DOC' ? { _id: filter._id } : { ...seedFromFilter(filter), _id: filter._id ?? newDocId() };
      const doc = applyUpdate(seed, data, merge);
      this.store.applyWrites([{ coll, id: String(doc._id), doc }]);
      return { data: { updated: 0, upsert_id: doc._id } };
    }
    const writes: DocWrite[] = [];
    for (const doc of matched) {
      const next = applyUpdate(doc, data, merge);
      if (!same(doc, next)) writes.push({ coll, id: String(doc._id), doc: next });
    }
    this.store.applyWrites(writes);
    return { data: { updated: writes.length } };
  }

  removeDocument(p: Params, now: number): unknown {
    const coll = this.coll(p);
    const filter = asObject(parseEJSON(p.query, now), 'query');
    const txId = this.txId(p);
    if (txId) {
      const id = this.txDocId(p, filter);
      if (!this.txs.read(txId, coll, id)) return { data: { deleted: 0 } };
      this.txs.write(txId, { coll, id, doc: null });
      return { data: { deleted: 1 } };
    }
    const multi = p.queryType !== 'DOC' && p.multi !== false;
    const matched = this.store.query(coll, filter, multi ? { projection: { _id: 1 } } : { limit: 1, projection: { _id: 1 } });
    this.store.applyWrites(matched.map((d) => ({ coll, id: String(d._id), doc: null })));
    return { data: { deleted: matched.length } };
  }

  aggregateDocuments(p: Params, now: number): unknown {
    if (this.txId(p)) throw whereInTxError();
    const coll = this.coll(p);
    const stages = Array.isArray(p.stages) ? (p.stages as Array<{ stageKey: string; stageValue: unknown }>) : [];
    let hasLimit = false;
    const pipeline = stages.map((s) => {
      let value = parseEJSON(s.stageValue, now);
      if (s.stageKey === '$limit') {
        hasLimit = true;
        value = Math.min(Number(value), AGGREGATE_MAX_LIMIT);
      }
      return { [s.stageKey]: value };
    });
    let list: Doc[];
    try {
      list = this.store.aggregate(coll, pipeline);
    } catch (e) {
      throw requestFailed(`[DATABASE_REQUEST_FAILED] ${(e as Error).message}`);
    }
    list = list.slice(0, hasLimit ? AGGREGATE_MAX_LIMIT : AGGREGATE_DEFAULT_LIMIT);
    return { data: { list: list.map(stringifyEJSON) } };
  }

  startTransaction(): unknown {
    return { transactionId: this.txs.start() };
  }

  commitTransaction(p: Params): unknown {
    this.txs.commit(String(p.transactionId));
    return {};
  }

  abortTransaction(p: Params): unknown {
    this.txs.abort(String(p.transactionId));
    return {};
  }
}
