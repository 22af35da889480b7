/**
 * The WeChat Cloud (云开发) plans a park can buy, as the limits the local cloud enforces. Each figure names where it
 * comes from. The default is the basic plan (基础版), the one a park starts on.
 *
 * What the platform does at each limit (资源超限规则, https://developers.weixin.qq.com/miniprogram/dev/wxcloud/billing/expiration-rule.html):
 * "同时连接数、函数并发达到上限后后续的连接都将被拒" (connections and function concurrency: further ones are refused, not
 * queued); "数据库读操作次数和数据库写操作次数超限时，在当前自然日内将无法使用资源" (reads or writes over the daily
 * quota: unavailable for the rest of the calendar day). Over the QPS quota CloudBase answers EXCEED_RATELIMIT
 * ("请求速率超过所购买套餐的 QPS 配额", https://docs.cloudbase.net/error-code/EXCEED_RATELIMIT): refused as well.
 */

export interface Plan {
  /** Key of the plan (`basic`), or a description of a derived one. */
  name: string;
  /** The plan as the console names it. */
  label: string;
  /** Instances of ONE function running at once (同时连接数 under 云函数); a call beyond them is refused. */
  functionInstances: number;
  /** Database requests accepted in any one second, across the environment. */
  dbQps: number;
  /** Database requests being served at once (数据库 同时连接数). */
  dbConnections: number;
  /** Database read requests a China calendar day (UTC+8). */
  dbReadsPerDay: number;
  /** Database write requests a China calendar day (UTC+8). */
  dbWritesPerDay: number;
}

/** The limits a plan sets, by the names `usage().refusals` counts them under. */
export type LimitName = 'functionInstances' | 'dbQps' | 'dbConnections' | 'dbReadsPerDay' | 'dbWritesPerDay';

/*
 * Sources:
 * - WeChat's quota page (资源配额), English edition, the basic plan's figures:
 *   https://developers.weixin.qq.com/minigame/en/dev/wxcloud/basis/concepts/quota.html
 * - the same page's older Chinese edition with every prepaid plan side by side (基础版 1 … 企业版 1), as copied by
 *   w3cschool (WeChat no longer serves that table): https://w3cschool.cn/weixinapp/weixinapp-c9eh38kg.html — only its
 *   storage, CDN, function GBs and database capacity / connections / reads rows could be read; its QPS, writes and
 *   function-concurrency rows for 专业版 1 could not, so those figures of `pro` are illustrative.
 */

const basic: Plan = {
  name: 'basic',
  label: '基础版',
  // https://developers.weixin.qq.com/minigame/en/dev/wxcloud/basis/concepts/quota.html: "Number of concurrent requests
  // (for a single cloud function) 20"; its Chinese edition: 云函数 同时连接数 20 (https://w3cschool.cn/weixinapp/weixinapp-dom82zdv.html)
  functionInstances: 20,
  // https://developers.weixin.qq.com/minigame/en/dev/wxcloud/basis/concepts/quota.html: Database "QPS 30"
  dbQps: 30,
  // https://developers.weixin.qq.com/minigame/en/dev/wxcloud/basis/concepts/quota.html: Database "Number of concurrent connections 20"
  dbConnections: 20,
  // https://developers.weixin.qq.com/minigame/en/dev/wxcloud/basis/concepts/quota.html: "Number of reads 50,000/day"
  dbReadsPerDay: 50_000,
  // https://developers.weixin.qq.com/minigame/en/dev/wxcloud/basis/concepts/quota.html: "Number of writes 30,000/day"
  dbWritesPerDay: 30_000,
};

/** Five times basic, where no figure of 专业版 1 could be found: illustrative, not the platform's. */
const ILLUSTRATIVE_FACTOR = 5;

const pro: Plan = {
  name: 'pro',
  label: '专业版 1（部分数字为示意）',
  // illustrative: ×5 of basic, no published figure found
  functionInstances: basic.functionInstances * ILLUSTRATIVE_FACTOR,
  // illustrative: ×5 of basic, no published figure found
  dbQps: basic.dbQps * ILLUSTRATIVE_FACTOR,
  // https://w3cschool.cn/weixinapp/weixinapp-c9eh38kg.html: 数据库 同时连接数, 专业版 1: 100
  dbConnections: 100,
  // https://w3cschool.cn/weixinapp/weixinapp-c9eh38kg.html: 数据库 读操作数, 专业版 1: 50万/天
  dbReadsPerDay: 500_000,
  // illustrative: ×5 of basic, no published figure found
  dbWritesPerDay: basic.dbWritesPerDay * ILLUSTRATIVE_FACTOR,
};

export const PLANS = { basic, pro } as const;
export type PlanName = keyof typeof PLANS;
export const DEFAULT_PLAN: PlanName = 'basic';

/** A plan by name or as given; the default plan when none is. */
export function resolvePlan(plan: PlanName | Plan | undefined): Plan {
  if (plan === undefined) return PLANS[DEFAULT_PLAN];
  if (typeof plan !== 'string') return plan;
  if (!Object.prototype.hasOwnProperty.call(PLANS, plan)) {
    throw new Error(`unknown plan ${String(plan)}: one of ${Object.keys(PLANS).join(', ')}, or a Plan object`);
  }
  return PLANS[plan];
}

/**
 * Not a platform plan: `plan`'s function limits with the database's rate, connections and daily quotas off. For
 * tests and benchmarks, which run a day of clicking in seconds (a local database request takes well under a
 * millisecond): under 30 requests a second they would measure the quota, not the code. What the limits do is tested
 * with plans that keep them (tests/localcloud/limits.test.ts).
 */
export function unmeteredDatabase(plan: Plan = PLANS[DEFAULT_PLAN]): Plan {
  return {
    ...plan,
    name: `${plan.name}, database unmetered`,
    label: `${plan.label}（数据库不限流，仅供测试）`,
    dbQps: Infinity,
    dbConnections: Infinity,
    dbReadsPerDay: Infinity,
    dbWritesPerDay: Infinity,
  };
}
