/** The reminders' contract (提醒): subscriptions to subscribe messages, one's own reminders, the timed runs. */
import { z } from 'zod';
import { empty } from '../common/schema';
import { REMINDER_KINDS } from './rules';
import { TEMPLATE_KEYS } from './templates';

export const TemplateKeySchema = z.enum(TEMPLATE_KEYS, { error: '未知的提醒类型' });
/** What wx.requestSubscribeMessage answered for a template. */
export const SubscribeAnswer = z.enum(['accept', 'reject', 'ban', 'filter'], { error: '订阅结果不正确' });

export const SubscriptionView = z.object({
  key: TemplateKeySchema,
  id: z.string(),
  title: z.string(),
  about: z.string(),
  longTerm: z.boolean(),
  /** One-time: messages it may still carry. */
  credits: z.number().int(),
  /** Long-term: accepted. */
  accepted: z.boolean(),
});

export const SentView = z.object({
  kind: z.enum(REMINDER_KINDS),
  label: z.string(),
  title: z.string(),
  at: z.number(),
  status: z.enum(['sent', 'failed', 'unknown']),
});

export const MineView = z.object({ templates: z.array(SubscriptionView), recent: z.array(SentView) });
export type MineView = z.infer<typeof MineView>;

export const RunStatus = z.enum(['running', 'done', 'partial', 'failed']);
export const RunView = z.object({
  day: z.string(),
  status: RunStatus,
  trigger: z.enum(['timer', 'admin']),
  attempts: z.number().int(),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  /** What the last run found due, waiting, sent before and left for tomorrow. */
  due: z.number().int(),
  /** Sent and failed today, over all the day's runs. */
  sent: z.number().int(),
  waiting: z.number().int(),
  alreadySent: z.number().int(),
  deferred: z.number().int(),
  failed: z.number().int(),
  /** Why the run failed or stopped short, in words. */
  error: z.string().nullable(),
});
export type RunView = z.infer<typeof RunView>;

export const remindersContract = {
  /**
   * Record what the person answered WeChat's subscription dialog (wx.requestSubscribeMessage, from a tap): each
   * `accept` of a one-time template allows one more message of it. Their standing is returned.
   */
  subscribe: {
    input: z
      .object({
        answers: z.partialRecord(TemplateKeySchema, SubscribeAnswer).refine((a) => Object.keys(a).length > 0, { error: '没有订阅结果' }),
      })
      .strict(),
    output: MineView,
  },
  /** One's subscriptions (how many messages each may still carry) and the reminders sent to one lately. */
  mine: { input: empty, output: MineView },
  /** The admin's view of the timed runs: the last days' runs and what they did or why they failed. */
  runs: { input: empty, output: z.object({ runs: z.array(RunView), subscribers: z.number().int() }) },
  /** Run today's reminders now (the admin), as the timer would: nothing sent twice, nothing past a subscription. */
  run: { input: empty, output: RunView },
} as const;
