/**
 * The subscribe-message templates (订阅消息模板) the product sends reminders with, as the WeChat console's 我的模板
 * lists them for this mini-program: each template's id, title and keywords. A keyword's name says its type
 * (`thing1` is a thing, `time2` a time…), and its type limits the value (see `KEYWORD_LIMITS`).
 *
 * The ids are the console's: before deploying, put the ids the console gave this app's templates here; the local
 * cloud reads the same list from cloudfunctions/subscribe-templates.json (a test keeps the two equal).
 *
 * One-time templates (一次性订阅) allow one message per acceptance; long-term ones (长期订阅) many, but only to
 * offline public services such as government bodies — a setting of the template, here and in the console.
 */
export const TEMPLATE_KEYS = ['todo', 'vote', 'feedback'] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export interface TemplateDef {
  id: string;
  title: string;
  /** Keyword → what it shows, in the template's order. */
  keywords: Record<string, string>;
  longTerm: boolean;
  /** What the person subscribes to, in words (the subscription page). */
  about: string;
}

export const TEMPLATES: Record<TemplateKey, TemplateDef> = {
  todo: {
    id: 'ys-local-todo-reminder',
    title: '待办任务提醒',
    keywords: { thing1: '任务名称', time2: '截止时间', thing3: '温馨提示' },
    longTerm: false,
    about: '绩效档案截止、考核评分未完成、谈心回访、录入节假日安排',
  },
  vote: {
    id: 'ys-local-vote-reminder',
    title: '投票提醒',
    keywords: { thing1: '投票主题', time2: '截止时间', thing3: '温馨提示' },
    longTerm: false,
    about: '年度测评尚未投票',
  },
  feedback: {
    id: 'ys-local-feedback-reminder',
    title: '反馈结果通知',
    keywords: { thing1: '反馈事项', phrase2: '办理状态', time3: '发送时间' },
    longTerm: false,
    about: '反馈报告待确认',
  },
};

export function templateKeyOf(id: string): TemplateKey | null {
  return TEMPLATE_KEYS.find((k) => TEMPLATES[k].id === id) ?? null;
}

/** A keyword's type: its name without the trailing number (`character_string12` → `character_string`). */
export function keywordType(keyword: string): string {
  return keyword.replace(/\d+$/, '');
}

/**
 * How long each keyword type's value may be, as subscribeMessage.send documents it (thing: 20 characters; phrase:
 * 5 Chinese characters; character_string, number, letter: 32; name: 10 Chinese or 20 letters; symbol 5; car_number 8;
 * phone_number 17). Time and date values follow a format instead (`2026年12月31日 18:00`).
 */
export const KEYWORD_LIMITS: Record<string, number> = {
  thing: 20,
  phrase: 5,
  character_string: 32,
  number: 32,
  letter: 32,
  name: 10,
  symbol: 5,
  car_number: 8,
  phone_number: 17,
};

/**
 * A value made to fit its keyword: cut to the type's length with an ellipsis (a thing that names a long project
 * still says which), a phrase kept to Chinese characters. Counted in characters (code points), as WeChat counts.
 */
export function fitKeyword(keyword: string, value: string): string {
  const type = keywordType(keyword);
  const text = type === 'phrase' ? [...value].filter((c) => /\p{Script=Han}/u.test(c)).join('') : value.replace(/\s+/g, ' ').trim();
  const max = KEYWORD_LIMITS[type];
  const chars = [...text];
  if (max === undefined || chars.length <= max) return text;
  return type === 'thing' ? `${chars.slice(0, max - 1).join('')}…` : chars.slice(0, max).join('');
}
