import Taro from '@tarojs/taro';
import type { z } from 'zod';
import type { SubscribeAnswer } from '../../../shared/reminders/contract';
import type { TemplateKey } from '../../../shared/reminders/templates';
import { getSession } from '../common/session';

type Answer = z.infer<typeof SubscribeAnswer>;
const ANSWERS: readonly string[] = ['accept', 'reject', 'ban', 'filter'];

export interface AskedTemplate {
  key: TemplateKey;
  id: string;
  title: string;
}

/** What WeChat answered for each template, by our key. */
function answersOf(templates: AskedTemplate[], reply: Record<string, unknown>): Partial<Record<TemplateKey, Answer>> {
  const out: Partial<Record<TemplateKey, Answer>> = {};
  for (const t of templates) {
    const a = reply[t.id];
    if (typeof a === 'string' && ANSWERS.includes(a)) out[t.key] = a as Answer;
  }
  return out;
}

/**
 * Ask for the subscriptions — from a tap only, as WeChat requires (at most three templates a call). On a phone
 * WeChat shows its own dialog; in the H5 build the same dialog is drawn here and the answer goes to the local
 * cloud, which keeps WeChat's half as WeChat would. Null when the dialog could not be shown (the person turned
 * subscribe messages off in WeChat's settings, or the network failed).
 */
export async function askSubscription(templates: AskedTemplate[]): Promise<Partial<Record<TemplateKey, Answer>> | null> {
  const tmplIds = templates.map((t) => t.id);
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const reply = await Taro.requestSubscribeMessage({ tmplIds, entityIds: [] });
      return answersOf(templates, reply as unknown as Record<string, unknown>);
    } catch {
      return null;
    }
  }
  const choice = await Taro.showModal({
    title: '「标尺」申请发送以下消息',
    content: templates.map((t) => `· ${t.title}`).join('\n'),
    confirmText: '允许',
    cancelText: '取消',
  });
  const answers = Object.fromEntries(tmplIds.map((id) => [id, choice.confirm ? 'accept' : 'reject']));
  try {
    const res = await Taro.request<Record<string, unknown>>({
      url: '/api/subscribe',
      method: 'POST',
      header: { 'content-type': 'application/json', 'X-Session': getSession() },
      data: { tmplIds, answers },
      dataType: 'json',
    });
    return res.data && typeof res.data === 'object' && !('errCode' in res.data) ? answersOf(templates, res.data) : null;
  } catch {
    return null;
  }
}

/** One message of the person's 服务通知 as the local cloud delivered it (H5 demo only). */
export interface OutboxMessage {
  id: string;
  title: string;
  page: string;
  fields: { keyword: string; label: string; value: string }[];
  at: number;
}

export async function loadOutbox(): Promise<OutboxMessage[] | null> {
  try {
    const res = await Taro.request<{ messages?: OutboxMessage[] }>({ url: '/api/outbox', method: 'GET', header: { 'X-Session': getSession() } });
    return res.statusCode === 200 ? (res.data.messages ?? []) : null;
  } catch {
    return null;
  }
}
