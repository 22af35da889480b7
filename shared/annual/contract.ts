/** The annual results' contract (年度考核): the year's formula, the computed results, grades, 公示, notice, review. */
import { z } from 'zod';
import { Id } from '../common/schema';
import { GRADES } from '../votes/config';

const Year = z.number({ error: '请选择年度' }).int().min(2020, { error: '年度应在2020至2100之间' }).max(2100, { error: '年度应在2020至2100之间' });
const Share = (what: string) =>
  z
    .number({ error: `请填写${what}` })
    .min(0, { error: `${what}应在0至100%之间` })
    .max(1, { error: `${what}应在0至100%之间` });
const Score = (what: string) =>
  z
    .number({ error: `请填写${what}` })
    .min(0, { error: `${what}应在0至100之间` })
    .max(100, { error: `${what}应在0至100之间` });
const Days = (what: string) =>
  z
    .number({ error: `请填写${what}` })
    .int({ error: `${what}应为整数` })
    .min(1, { error: `${what}为1至30个工作日` })
    .max(30, { error: `${what}为1至30个工作日` });
export const AnnualGradeKey = z.enum(GRADES, { error: '请选择等次' });

export const FormulaFields = z.object({
  weights: z.object({
    indicators: Share('指标评价权重'),
    unit: Share('单位评价权重'),
    democratic: Share('民主测评权重'),
    enterprise: Share('企业评价权重'),
  }),
  unitSplit: z.object({ staff: Share('考人比例'), section: Share('考事比例') }),
  incentiveBonusMax: z.number({ error: '请填写超额加分上限' }).min(0, { error: '超额加分上限为0至20分' }).max(20, { error: '超额加分上限为0至20分' }),
  sectionWeights: z.object({ work: Share('股室考事权重'), enterprise: Share('股室企业评价权重') }),
  sectionFirstTierShare: z
    .number({ error: '请填写第一等次股室比例' })
    .min(0.1, { error: '第一等次股室比例为10%至50%' })
    .max(0.5, { error: '第一等次股室比例为10%至50%' }),
  cutoffs: z.object({ excellent: Score('优秀分数线'), competent: Score('称职分数线'), basic: Score('基本称职分数线') }),
  excellentShareMax: z.number({ error: '请填写优秀比例' }).min(0.01, { error: '优秀比例为1%至50%' }).max(0.5, { error: '优秀比例为1%至50%' }),
  excellentNeedsGoodQuarters: z.boolean(),
  vetoes: z.object({
    admonishBarsExcellent: z.boolean(),
    adjustCapsAt: AnnualGradeKey.nullable(),
    poorQuartersMakeIncompetent: z.number().int().min(1, { error: '季度数为1至4' }).max(4, { error: '季度数为1至4' }).nullable(),
    redCardBarsExcellent: z.boolean(),
  }),
  publicityWorkdays: Days('公示期'),
  reviewWorkdays: Days('复核申请期'),
});

export const FormulaView = FormulaFields.extend({
  year: z.number(),
  version: z.number(),
  /** False: the defaults, not saved for the year yet. */
  saved: z.boolean(),
  updatedAt: z.number().nullable(),
});
export type FormulaView = z.infer<typeof FormulaView>;

export const YearView = z.object({
  year: z.number(),
  status: z.enum(['draft', 'confirmed', 'published', 'notified']),
  computed: z.boolean(),
  computedAt: z.number().nullable(),
  formulaVersion: z.number().nullable(),
  /** Closed quarters of the year the results come from. */
  quarters: z.array(z.string()),
  assessed: z.number(),
  excellentQuota: z.number(),
  excellentCount: z.number(),
  publicUntil: z.number().nullable(),
  notifiedAt: z.number().nullable(),
  reviewUntil: z.number().nullable(),
  /** 公示 or the review period was counted without the year's State Council arrangement (暂按法定节假日推算). */
  deadlinesProvisional: z.boolean(),
  reviewsPending: z.number(),
});
export type YearView = z.infer<typeof YearView>;

export const CadreRow = z.object({
  memberId: z.string(),
  name: z.string(),
  sectionId: z.string(),
  sectionName: z.string().nullable(),
  total: z.number(),
  rank: z.number(),
  sectionRank: z.number(),
  grade: AnnualGradeKey,
  proposed: AnnualGradeKey,
  cappedByQuota: z.boolean(),
  /** Adjusted by the leadership, or changed on review: the record says why. */
  changed: z.boolean(),
});
export type CadreRow = z.infer<typeof CadreRow>;

/** A quarter of the trend chart (shared/annual/trend.ts). */
const TrendPoint = z.object({ periodId: z.string(), score: z.number(), rank: z.number(), of: z.number(), mean: z.number() });

export const SectionRow = z.object({
  sectionId: z.string(),
  name: z.string(),
  total: z.number(),
  work: z.number().nullable(),
  enterprise: z.number().nullable(),
  rank: z.number(),
  /** 1: 第一等次 (一类股室), 2: 第二等次 — by the ranking and the formula's share (shared/annual/tiers.ts). */
  tier: z.union([z.literal(1), z.literal(2)]),
  /** Its quarters against the mean of all sections. */
  trend: z.array(TrendPoint),
});

const SourceView = z.object({
  key: z.enum(['indicators', 'unit', 'democratic', 'enterprise']),
  label: z.string(),
  value: z.number().nullable(),
  weight: z.number(),
  effectiveWeight: z.number(),
  points: z.number(),
  records: z.array(z.object({ ref: z.string(), label: z.string(), value: z.number().nullable() })),
  note: z.string(),
});

const Change = z.object({ grade: AnnualGradeKey, reason: z.string(), byName: z.string(), at: z.number(), onReview: z.boolean() });

export const ExplainView = z.object({
  year: YearView,
  memberId: z.string(),
  name: z.string(),
  sectionName: z.string().nullable(),
  total: z.number(),
  deductions: z.number(),
  sources: z.array(SourceView),
  rank: z.number(),
  of: z.number(),
  /** Their quarters against the park's mean, and their 德能勤绩廉 from the democratic evaluation against everyone's. */
  trend: z.array(TrendPoint),
  profile: z.array(z.object({ key: z.string(), label: z.string(), value: z.number(), mean: z.number() })),
  grade: AnnualGradeKey,
  proposed: AnnualGradeKey,
  /** Why the proposal is below what the score gives. */
  reasons: z.array(z.string()),
  changes: z.array(Change),
  acknowledgedAt: z.number().nullable(),
  review: z
    .object({
      reason: z.string(),
      at: z.number(),
      answer: z.object({ grade: AnnualGradeKey, note: z.string(), at: z.number() }).nullable(),
    })
    .nullable(),
});
export type ExplainView = z.infer<typeof ExplainView>;

const YearRef = { year: Year };
const Reason = z.string().trim().min(2, { error: '请填写理由（至少2个字）' }).max(300, { error: '理由不超过300字' });

export const annualContract = {
  /** A year's formula (the defaults until the admin saves one), shown to everyone. */
  formula: { input: z.object(YearRef).strict(), output: FormulaView },
  /**
   * The admin saves the year's formula, saying why (the audit trail keeps it); each save is a new version. Refused
   * once the results are confirmed.
   */
  saveFormula: { input: FormulaFields.extend({ ...YearRef, reason: Reason }).strict(), output: FormulaView },
  /** Compute (again) the year's results from its closed quarters, democratic evaluations and enterprise ratings. */
  compute: { input: z.object(YearRef).strict(), output: YearView },
  /** Where the year's results stand. */
  status: { input: z.object(YearRef).strict(), output: YearView },
  /** Rankings of cadres (park-wide, or within a section) and of sections, with grades. */
  ranking: {
    input: z.object({ ...YearRef, sectionId: Id.optional() }).strict(),
    output: z.object({ year: YearView, cadres: z.array(CadreRow), sections: z.array(SectionRow) }),
  },
  /** One cadre's annual total explained: each source, its points, the records behind it; the grade and its course. */
  explain: { input: z.object({ ...YearRef, memberId: Id.optional() }).strict(), output: ExplainView },
  /** The leadership adjusts a proposed grade, with the reason (while the results are a draft). */
  adjust: { input: z.object({ ...YearRef, memberId: Id, grade: AnnualGradeKey, reason: Reason }).strict(), output: YearView },
  confirm: { input: z.object(YearRef).strict(), output: YearView },
  publish: { input: z.object(YearRef).strict(), output: YearView },
  /** After 公示: each cadre is notified in the app (and the review deadline starts). */
  notify: { input: z.object(YearRef).strict(), output: YearView },
  /** The cadre acknowledges their written notice. */
  acknowledge: { input: z.object(YearRef).strict(), output: ExplainView },
  /** The cadre asks for review (复核) before the deadline, once. */
  requestReview: { input: z.object({ ...YearRef, reason: Reason }).strict(), output: ExplainView },
  /** Leaders and the admin: the year's results as an xlsx file in storage, for promotion files; a link valid a while. */
  export: {
    input: z.object({ ...YearRef, kind: z.enum(['cadres', 'sections'], { error: '请选择导出内容' }) }).strict(),
    output: z.object({ fileName: z.string(), url: z.string(), rows: z.number() }),
  },
  /** The admin answers a review: the grade kept or changed, and why. */
  answerReview: { input: z.object({ ...YearRef, memberId: Id, grade: AnnualGradeKey, note: Reason }).strict(), output: ExplainView },
} as const;
