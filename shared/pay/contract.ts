/** Performance pay's contract (绩效奖金): the year's settings, the simulator, the release, each one's own pay. */
import { z } from 'zod';
import { AnnualGradeKey } from '../annual/contract';
import { Reason } from '../common/schema';
import { PROVINCIAL_TIERS } from './pay';

const Year = z.number({ error: '请选择年度' }).int().min(2020, { error: '年度应在2020至2100之间' }).max(2100, { error: '年度应在2020至2100之间' });
const Coef = (what: string) =>
  z
    .number({ error: `请填写${what}` })
    .min(0, { error: `${what}应在0至5之间` })
    .max(5, { error: `${what}应在0至5之间` });
const Amount = (what: string, max: number) =>
  z
    .number({ error: `请填写${what}` })
    .min(0, { error: `${what}不能为负数` })
    .max(max, { error: `${what}过大` });

export const PaySettingsFields = z.object({
  base: Amount('奖金基数', 1e9),
  provincialTier: z.enum(PROVINCIAL_TIERS, { error: '请选择省级考核等次' }),
  provincialFactors: z.object({ excellent: Coef('优秀系数'), good: Coef('良好系数'), average: Coef('一般系数'), poor: Coef('较差系数') }),
  taxThisYear: Amount('本年度工业税收', 1e9),
  taxLastYear: Amount('上年度工业税收', 1e9),
  taxElasticity: Coef('税收弹性'),
  taxFactorMin: Coef('税收系数下限'),
  taxFactorMax: Coef('税收系数上限'),
  sectionCoefficients: z.object({ 1: Coef('第一等次股室系数'), 2: Coef('第二等次股室系数') }),
  gradeCoefficients: z.object({
    excellent: Coef('优秀系数'),
    competent: Coef('称职系数'),
    basic: Coef('基本称职系数'),
    incompetent: Coef('不称职系数'),
  }),
  excellentOverIncompetentMin: z.number().min(1.5, { error: '优秀与不称职之比不低于1.5倍' }).max(5, { error: '优秀与不称职之比不超过5倍' }),
  firstTierPremiumMin: z.number().min(0.16, { error: '第一等次股室高出平均不低于16%' }).max(1, { error: '第一等次股室高出平均不超过100%' }),
});
export type PaySettingsFields = z.infer<typeof PaySettingsFields>;

const Group = z.object({
  tier: z.union([z.literal(1), z.literal(2)]),
  grade: AnnualGradeKey,
  count: z.number(),
  minFen: z.number(),
  maxFen: z.number(),
  totalFen: z.number(),
});

export const SimulationView = z.object({
  year: z.number(),
  poolFen: z.number(),
  provincialFactor: z.number(),
  taxFactor: z.number(),
  /** Σ of every amount: always the pool. */
  totalFen: z.number(),
  cadres: z.number(),
  sections: z.object({ first: z.number(), second: z.number() }),
  groups: z.array(Group),
  /** The settings as they stand: saved (and their version) or not. */
  saved: z.boolean(),
  released: z.boolean(),
  /** Why it may not be released yet (the results not final, reviews pending); null when it may. */
  releaseBlocked: z.string().nullable(),
});
export type SimulationView = z.infer<typeof SimulationView>;

export const MyPayView = z.object({
  year: z.number(),
  released: z.boolean(),
  amountFen: z.number().nullable(),
  grade: AnnualGradeKey.nullable(),
  tier: z.union([z.literal(1), z.literal(2)]).nullable(),
  sectionCoefficient: z.number().nullable(),
  gradeCoefficient: z.number().nullable(),
  releasedAt: z.number().nullable(),
});

const YearRef = { year: Year };

export const payContract = {
  /** The year's settings (the defaults until the admin saves them). */
  settings: { input: z.object(YearRef).strict(), output: PaySettingsFields.extend({ year: z.number(), saved: z.boolean(), released: z.boolean() }) },
  /** The admin saves the year's settings, saying why; refused if they break the ratios, or once pay is released. */
  saveSettings: { input: PaySettingsFields.extend({ ...YearRef, reason: Reason }).strict(), output: SimulationView },
  /** The distribution the saved settings (or `draft`) give, before release: by section tier and grade, to the fen. */
  simulate: { input: z.object({ ...YearRef, draft: PaySettingsFields.optional() }).strict(), output: SimulationView },
  /** Release the year's pay: once, after the results are final (notified, past the review period, no review open). */
  release: { input: z.object({ ...YearRef, reason: Reason }).strict(), output: SimulationView },
  /** One's own pay of the year, once released. */
  mine: { input: z.object(YearRef).strict(), output: MyPayView },
  /** The released pay as an xlsx file (those entitled only). */
  export: { input: z.object(YearRef).strict(), output: z.object({ fileName: z.string(), url: z.string(), rows: z.number() }) },
} as const;
