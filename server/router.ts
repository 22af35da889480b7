/**
 * One cloud function serving several actions (tcb-router style). Each handler is a thin shell:
 * parse → authorise (role from the caller's OPENID, never from the request) → load → compute in shared/ → save → reply.
 */
import type { z } from 'zod';
import { AppError, fail, ok, type Reply } from '../shared/common/errors';
import { issuesOf } from '../shared/common/zod-locale';
import { CallEvent, contracts, type ActionName, type FnName, type OutputOf, type ParsedInput } from '../shared/contracts';
import type { Role } from "../shared/members/contract";
import { hasRole, type BindingDoc, type MemberDoc } from '../shared/members/member';
import { getCloud, type Cloud, type Database } from './cloud';
import { COLL } from './collections';

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
}

type Access = 'anyone' | 'bound' | readonly Role[];

export interface ActionDef<F extends FnName, A extends ActionName<F>> {
  /** Who may call: 'anyone' (with a WeChat identity), any bound person, or holders of one of the roles. */
  access: Access;
  run(input: ParsedInput<F, A>, ctx: Ctx): Promise<OutputOf<F, A>>;
}

export type FunctionDef<F extends FnName> = { [A in ActionName<F>]: ActionDef<F, A> };

async function loadBinding(db: Database, openid: string): Promise<BindingDoc | null> {
  if (!openid) return null;
  return (await db.collection<BindingDoc>(COLL.bindings).doc(openid).get()).data;
}

async function loadMember(db: Database, binding: Promise<BindingDoc | null>): Promise<MemberDoc | null> {
  const b = await binding;
  if (!b) return null;
  const member = (await db.collection<MemberDoc>(COLL.members).doc(b.memberId).get()).data;
  return member && member.active ? member : null;
}

export function defineFunction<F extends FnName>(fn: F, defs: FunctionDef<F>) {
  const spec = contracts[fn] as Record<string, { input: z.ZodType; output: z.ZodType }>;
  return async function main(event: unknown): Promise<Reply<unknown>> {
    const ev = CallEvent.safeParse(event);
    if (!ev.success) return fail('INVALID_INPUT', '请求格式不正确');
    const action = ev.data.action;
    const def = Object.prototype.hasOwnProperty.call(defs, action)
      ? (defs as Record<string, ActionDef<F, ActionName<F>>>)[action]
      : undefined;
    const schema = Object.prototype.hasOwnProperty.call(spec, action) ? spec[action] : undefined;
    if (!def || !schema) return fail('UNKNOWN_ACTION', `不支持的操作：${fn}.${action.slice(0, 40)}`);

    const parsed = schema.input.safeParse(ev.data.input ?? {});
    if (!parsed.success) {
      const details = issuesOf(parsed.error);
      return fail('INVALID_INPUT', details[0]?.message ?? undefined, details);
    }

    try {
      const { cloud, db } = getCloud();
      const openid = cloud.getWXContext().OPENID ?? '';
      let binding: Promise<BindingDoc | null> | null = null;
      let memo: Promise<MemberDoc | null> | null = null;
      const getBinding = () => (binding ??= loadBinding(db, openid));
      const getMember = () => (memo ??= loadMember(db, getBinding()));
      const ctx: Ctx = {
        db,
        cloud,
        openid,
        now: Date.now(),
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
      };
      if (def.access !== 'anyone') {
        const m = await ctx.member();
        if (def.access !== 'bound' && !hasRole(m, ...def.access)) throw new AppError('FORBIDDEN');
      } else if (!openid) {
        throw new AppError('UNBOUND', '无法识别微信身份，请在微信中打开');
      }
      const out = await def.run(parsed.data as ParsedInput<F, ActionName<F>>, ctx);
      // The reply is checked against its contract too: a handler bug must not leak fields or wrong shapes.
      return ok(schema.output.parse(out));
    } catch (e) {
      if (e instanceof AppError) return fail(e.code, e.message, e.details);
      console.error(`[${fn}.${action}]`, e);
      return fail('INTERNAL');
    }
  };
}
