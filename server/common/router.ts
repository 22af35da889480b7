/**
 * One cloud function serving several actions (tcb-router style). Each handler is a thin shell:
 * parse → authorise → load → compute in shared/ → save → reply. The router does the first two for every action:
 * it parses the input with the action's contract, takes the caller from the platform's OPENID (never from the
 * request), and applies the action's row of the access table (shared/access.ts): roles, then scope.
 */
import type { z } from 'zod';
import { accessOf, type AccessRule } from '../../shared/access';
import { staffEvaluationProblem, type Oversight } from '../../shared/assessment/evaluations';
import { DEFAULT_PARK_SETTINGS, PARK_DOC_ID, type ParkDoc, type SectionDoc } from '../../shared/park/park';
import { AppError, fail, ok, type Reply } from '../../shared/common/errors';
import { issuesOf } from '../../shared/common/zod-locale';
import { CallEvent, contracts, type ActionName, type FnName, type OutputOf, type ParsedInput } from '../../shared/contracts';
import { hasRole, type BindingDoc, type MemberDoc } from '../../shared/members/member';
import { mayViewMember, sectionInView } from '../../shared/members/scope';
import { getCloud, type Cloud, type Database } from './cloud';
import { COLL } from './collections';
import { platformRefusal } from './refusal';
import { isNamed, isReplayed, replayOnce, requestKey } from './replay';

export interface Ctx {
  db: Database;
  cloud: Cloud;
  /** The caller's OPENID as the platform gives it; empty when the platform gave none. */
  openid: string;
  /** Epoch ms when the invocation started; pure rules get it passed in. */
  now: number;
  /** The caller's person record; throws UNBOUND when this identity is not bound. */
  member(): Promise<MemberDoc>;
  /** Just the caller's member id (one read, for hot paths such as casting a ballot); throws UNBOUND. */
  memberId(): Promise<string>;
  /**
   * The person the action is about, already checked against its scope: `input.memberId` for scopes 'member'
   * and 'evaluatee' (the caller when omitted), else the caller.
   */
  subject(): Promise<MemberDoc>;
  /**
   * This request's key when it may arrive twice (server/common/replay.ts), else null: a handler that creates a
   * record names it from the key, so a second run after a lost `done` finds it instead of adding another.
   */
  requestKey: string | null;
}

export type Handler<F extends FnName, A extends ActionName<F>> = (input: ParsedInput<F, A>, ctx: Ctx) => Promise<OutputOf<F, A>>;

/** A function's entry: its action table, one handler per action of its contract. */
export type FunctionDef<F extends FnName> = { [A in ActionName<F>]: Handler<F, A> };

async function loadBinding(db: Database, openid: string): Promise<BindingDoc | null> {
  if (!openid) return null;
  return (await db.collection<BindingDoc>(COLL.bindings).doc(openid).get()).data;
}

async function loadMember(db: Database, binding: Promise<BindingDoc | null>): Promise<MemberDoc | null> {
  const b = await binding;
  if (!b) return null;
  return activeMember(db, b.memberId);
}

async function activeMember(db: Database, id: string): Promise<MemberDoc | null> {
  const member = (await db.collection<MemberDoc>(COLL.members).doc(id).get()).data;
  return member && member.active ? member : null;
}

/** Who oversees a section, and the park's rule for scoring its head (two reads, only when a head is scored). */
async function oversightOf(db: Database, sectionId: string | null): Promise<Oversight> {
  const [section, park] = await Promise.all([
    sectionId ? db.collection<SectionDoc>(COLL.sections).doc(sectionId).get() : { data: null },
    db.collection<ParkDoc>(COLL.park).doc(PARK_DOC_ID).get(),
  ]);
  return { leaderId: section.data?.leaderId ?? null, rule: park.data?.settings.headScoring ?? DEFAULT_PARK_SETTINGS.headScoring };
}

function field(input: unknown, name: 'memberId' | 'sectionId'): string | undefined {
  const v = input && typeof input === 'object' ? (input as Record<string, unknown>)[name] : undefined;
  return typeof v === 'string' ? v : undefined;
}

/** The scope half of the access table: whose records this call reaches, and may the caller reach them. */
async function resolveSubject(rule: AccessRule, input: unknown, me: MemberDoc, db: Database): Promise<MemberDoc> {
  switch (rule.scope) {
    case 'member': {
      const id = field(input, 'memberId');
      if (id === undefined || id === me._id) return me;
      const other = (await db.collection<MemberDoc>(COLL.members).doc(id).get()).data;
      if (!other) throw new AppError('NOT_FOUND', '人员不存在');
      if (!mayViewMember(me, other)) throw new AppError('FORBIDDEN', '只能查看本人或本股室人员的考核信息');
      return other;
    }
    case 'section': {
      const id = field(input, 'sectionId');
      if (id !== undefined && !sectionInView(me, id)) throw new AppError('FORBIDDEN', '只能查看本股室的信息');
      return me;
    }
    case 'evaluatee': {
      const id = field(input, 'memberId');
      if (id === me._id) throw new AppError('FORBIDDEN', '不能给自己评分');
      const other = id === undefined ? null : await activeMember(db, id);
      if (!other || !other.roles.includes('cadre')) throw new AppError('NOT_FOUND', '人员不存在');
      const problem = staffEvaluationProblem(me, other, hasRole(other, 'sectionHead') ? await oversightOf(db, other.sectionId) : null);
      if (problem) throw new AppError('FORBIDDEN', problem);
      return other;
    }
    default:
      // 'self'; 'roll' and 'stage' are decided by the record the handler loads (see shared/access.ts).
      return me;
  }
}

export function defineFunction<F extends FnName>(fn: F, handlers: FunctionDef<F>) {
  const spec = contracts[fn] as Record<string, { input: z.ZodType; output: z.ZodType }>;
  return async function main(event: unknown): Promise<Reply<unknown>> {
    const ev = CallEvent.safeParse(event);
    if (!ev.success) return fail('INVALID_INPUT', '请求格式不正确');
    const action = ev.data.action;
    const own = (o: object) => Object.prototype.hasOwnProperty.call(o, action);
    const handler = own(handlers) ? (handlers as Record<string, Handler<F, ActionName<F>>>)[action] : undefined;
    const schema = own(spec) ? spec[action] : undefined;
    if (!handler || !schema) return fail('UNKNOWN_ACTION', `不支持的操作：${fn}.${action.slice(0, 40)}`);
    const rule = accessOf(fn, action as ActionName<F>);

    const parsed = schema.input.safeParse(ev.data.input ?? {});
    if (!parsed.success) {
      const details = issuesOf(parsed.error);
      return fail('INVALID_INPUT', details[0]?.message ?? undefined, details);
    }

    try {
      const { cloud, db } = getCloud();
      // wx-server-sdk hands an all-digit OPENID over as a number (getWXContext parses /^-?\d+$/): keep it a string
      const openid = String(cloud.getWXContext().OPENID ?? '');
      let binding: Promise<BindingDoc | null> | null = null;
      let memo: Promise<MemberDoc | null> | null = null;
      let subject: Promise<MemberDoc> | null = null;
      const getBinding = () => (binding ??= loadBinding(db, openid));
      const getMember = () => (memo ??= loadMember(db, getBinding()));
      const ctx: Ctx = {
        db,
        cloud,
        openid,
        now: Date.now(),
        requestKey: keyOf(openid, fn, action, ev.data.requestId),
        member: async () => {
          const m = await getMember();
          if (!m) throw new AppError('UNBOUND');
          return m;
        },
        memberId: async () => {
          const b = await getBinding();
          if (!b) throw new AppError('UNBOUND');
          return b.memberId;
        },
        subject: async () => (subject ??= ctx.member().then((me) => resolveSubject(rule, parsed.data, me, db))),
      };
      await authorise(rule, ctx);
      const run = async (): Promise<Reply<unknown>> => {
        try {
          const out = await handler(parsed.data as ParsedInput<F, ActionName<F>>, ctx);
          // The reply is checked against its contract too: a handler bug must not leak fields or wrong shapes.
          return ok(schema.output.parse(out));
        } catch (e) {
          if (e instanceof AppError) return fail(e.code, e.message, e.details);
          throw e;
        }
      };
      // sent twice, acted on once: a copy of a finished request gets the first reply
      return ctx.requestKey && isReplayed(fn, action) ? await replayOnce(db, ctx.requestKey, ctx.now, run) : await run();
    } catch (e) {
      return failureOf(e, `${fn}.${action}`);
    }
  };
}

/** What a timed run gets: the database and SDK, the clock, and which trigger fired. */
export interface TimerCtx {
  db: Database;
  cloud: Cloud;
  now: number;
  trigger: string;
}

/** The event the platform invokes a function with when one of its config.json timer triggers fires. */
function timerEvent(event: unknown): { trigger: string; at: number | null } | null {
  if (!event || typeof event !== 'object' || (event as { Type?: unknown }).Type !== 'Timer') return null;
  const { TriggerName: name, Time: time } = event as { TriggerName?: unknown; Time?: unknown };
  const at = typeof time === 'string' ? Date.parse(time) : NaN;
  return { trigger: typeof name === 'string' ? name.slice(0, 60) : '', at: Number.isFinite(at) ? at : null };
}

/**
 * A function that also runs on a timer trigger (its config.json): a timer event is taken only as the platform
 * sends it, with no caller — the same event from a client (who always has an OPENID) is refused, so nobody can set
 * a timed run going or pass it what the timer would not.
 */
export function defineTimedFunction<F extends FnName>(fn: F, handlers: FunctionDef<F>, onTimer: (ctx: TimerCtx) => Promise<unknown>) {
  const serve = defineFunction(fn, handlers);
  return async function main(event: unknown): Promise<Reply<unknown>> {
    const timer = timerEvent(event);
    if (!timer) return serve(event);
    try {
      const { cloud, db } = getCloud();
      if (String(cloud.getWXContext().OPENID ?? '') !== '') return fail('FORBIDDEN', '定时任务只能由平台触发');
      // the tick the platform fired for (its event's Time), which a late start does not move
      return ok(await onTimer({ db, cloud, now: timer.at ?? Date.now(), trigger: timer.trigger }));
    } catch (e) {
      return failureOf(e, `${fn}.timer`);
    }
  };
}

/** The request's key when it may arrive twice and has an id (server/common/replay.ts). */
function keyOf(openid: string, fn: FnName, action: string, requestId: string | undefined): string | null {
  const twiceSafe = isReplayed(fn, action) || isNamed(fn, action);
  return requestId !== undefined && openid !== '' && twiceSafe ? requestKey(openid, fn, action, requestId) : null;
}

/** The access table's row: roles, then scope (resolving the subject checks it). */
async function authorise(rule: AccessRule, ctx: Ctx): Promise<void> {
  if (rule.roles !== 'anyone') {
    const m = await ctx.member();
    if (rule.roles !== 'bound' && !hasRole(m, ...rule.roles)) throw new AppError('FORBIDDEN');
    await ctx.subject();
  } else if (!ctx.openid) {
    throw new AppError('UNBOUND', '无法识别微信身份，请在微信中打开');
  }
}

function failureOf(e: unknown, where: string): Reply<unknown> {
  if (e instanceof AppError) return fail(e.code, e.message, e.details);
  // The platform refused a request over the plan's limits (database rate or connections, a called function's
  // instances): nothing is wrong, the caller may try again shortly. A spent daily quota is final until it renews.
  const refusal = platformRefusal(e);
  if (refusal) return fail(refusal === 'quota' ? 'QUOTA' : 'BUSY');
  console.error(`[${where}]`, e);
  return fail('INTERNAL');
}
