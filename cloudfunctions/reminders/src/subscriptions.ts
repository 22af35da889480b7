/**
 * `reminderSubs/{OPENID}`: what a person allowed and what they were sent. The platform keeps its own count of what
 * each person accepted and refuses a message past it (errcode 43101); this record is the product's half, so that it
 * never tries one — a client that claims acceptances it never gave earns a refusal, after which the count is 0.
 */
import type { Database, Transaction } from '../../../server/common/cloud';
import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { inPark } from '../../../shared/common/time';
import { withTransaction } from '../../../server/common/tx';
import type { MineView } from '../../../shared/reminders/contract';
import { KIND_LABELS, type ReminderKind, type Subscriber } from '../../../shared/reminders/rules';
import { TEMPLATE_KEYS, TEMPLATES, type TemplateKey } from '../../../shared/reminders/templates';

export interface SentEntry {
  kind: ReminderKind;
  template: TemplateKey;
  title: string;
  /**
   * When it was sent. A ballot's reminder keeps only its day: the roll keeps no time of voting, and a reminder's
   * hour would tell between whom voted before it and whom after.
   */
  at: number;
  /** 'sending' is claimed and handed to the platform, outcome unknown: never tried again. */
  status: 'sending' | 'sent' | 'failed' | 'unknown';
  errcode?: number;
}

export interface SubDoc {
  _id: string;
  memberId: string;
  credits: Partial<Record<TemplateKey, number>>;
  accepted: Partial<Record<TemplateKey, boolean>>;
  sent: Record<string, SentEntry>;
  updatedAt: number;
}

/** Acceptances a one-time template may bank: WeChat's counter goes higher, but a reminder a year does not need 20. */
export const MAX_CREDITS = 20;
/** What was sent is kept a year and a quarter: long enough that no item of a year is reminded twice. */
export const SENT_KEPT_MS = 460 * 24 * 3600 * 1000;

/** The rules' view of a record at `now`: what it may carry, what it was sent, and how many of each template today. */
export function subscriberOf(d: SubDoc, now: number): Subscriber {
  const today = inPark(now).startOf('day').valueOf();
  const sentToday: Subscriber['sentToday'] = {};
  for (const e of Object.values(d.sent)) if (e.at >= today && e.at <= now) sentToday[e.template] = (sentToday[e.template] ?? 0) + 1;
  const weekAgo = now - 7 * 24 * 3600 * 1000;
  const sentWeek = Object.values(d.sent).filter((e) => e.at > weekAgo && e.at <= now).length;
  return { memberId: d.memberId, openid: d._id, credits: d.credits, accepted: d.accepted, sent: new Set(Object.keys(d.sent)), sentToday, sentWeek };
}

function view(d: SubDoc | null): MineView {
  return {
    templates: TEMPLATE_KEYS.map((key) => ({
      key,
      id: TEMPLATES[key].id,
      title: TEMPLATES[key].title,
      about: TEMPLATES[key].about,
      longTerm: TEMPLATES[key].longTerm,
      credits: d?.credits[key] ?? 0,
      accepted: d?.accepted[key] ?? false,
    })),
    recent: Object.values(d?.sent ?? {})
      .sort((a, b) => b.at - a.at)
      .slice(0, 20)
      .map((s) => ({ kind: s.kind, label: KIND_LABELS[s.kind], title: s.title, at: s.at, status: s.status === 'sending' ? 'unknown' : s.status })),
  };
}

async function load(tx: Transaction | Database, openid: string): Promise<SubDoc | null> {
  return (await tx.collection<SubDoc>(COLL.reminderSubs).doc(openid).get()).data;
}

export const subscribe: Handler<'reminders', 'subscribe'> = async ({ answers }, ctx) => {
  const memberId = await ctx.memberId();
  return withTransaction(ctx.db, async (tx) => {
    const cur = await load(tx, ctx.openid);
    const d: SubDoc = cur ?? { _id: ctx.openid, memberId, credits: {}, accepted: {}, sent: {}, updatedAt: ctx.now };
    const credits = { ...d.credits };
    const accepted = { ...d.accepted };
    for (const key of TEMPLATE_KEYS) {
      const a = answers[key];
      if (a === 'accept') {
        credits[key] = Math.min(MAX_CREDITS, (credits[key] ?? 0) + 1);
        accepted[key] = true;
      } else if (a === 'reject') accepted[key] = false;
      else if (a === 'ban') {
        // the person turned the template off: what it still held is gone (as on the platform)
        credits[key] = 0;
        accepted[key] = false;
      }
    }
    const sent = Object.fromEntries(Object.entries(d.sent).filter(([, s]) => ctx.now - s.at < SENT_KEPT_MS));
    const next: SubDoc = { ...d, memberId, credits, accepted, sent, updatedAt: ctx.now };
    const { _id, ...data } = next;
    await tx.collection<SubDoc>(COLL.reminderSubs).doc(_id).set({ data });
    return view(next);
  });
};

export const mine: Handler<'reminders', 'mine'> = async (_input, ctx) => {
  await ctx.memberId();
  return view(await load(ctx.db, ctx.openid));
};
