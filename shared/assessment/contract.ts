/**
 * Contracts of the indicator system, applications for new indicators, unit evaluations, spot checks and the
 * quarterly assessment (issue 3). Views are what the phone shows; inputs are parsed on the server.
 */
import { z } from 'zod';
import { Id, PeriodId } from '../common/schema';
import { QualitativeGrade } from '../indicators/contract';
import { MAX_DEDUCTION } from './config';

const Score100 = z.number({ error: '请填写分数' }).min(0, { error: '分数应在0到100之间' }).max(100, { error: '分数应在0到100之间' });
export const StaffEvaluationInput = z
  .object({
    memberId: Id,
    score: Score100,
    grades: z.record(Id, QualitativeGrade).default({}),
    actuals: z.record(Id, z.number().min(0, { error: '完成值不能为负' }).max(1e9)).default({}),
    comment: z.string().trim().max(300).default(''),
  })
  .strict();

export const SectionEvaluationInput = z.object({ sectionId: Id, score: Score100, comment: z.string().trim().max(300).default('') }).strict();

export const SpotCheckInput = z
  .object({
    targetType: z.enum(['section', 'member']),
    targetId: Id,
    findings: z.string().trim().min(4, { error: '请写明抽查发现（至少4个字）' }).max(500),
    deduction: z
      .number()
      .min(0, { error: '扣分不能为负' })
      .max(MAX_DEDUCTION, { error: `单次扣分不超过${MAX_DEDUCTION}分` }),
    drawId: Id.nullable().default(null),
  })
  .strict();

/** The seed is the quarter's, committed by the cloud (draw.ts): a caller chooses only the pool and how many. */
export const DrawInput = z
  .object({
    pool: z.enum(['section', 'member']),
    count: z.number().int().min(1).max(50),
  })
  .strict();

export const DrawView = z.object({
  id: z.string(),
  periodId: z.string(),
  /** The draw's number in its quarter, from 1. */
  n: z.number().int(),
  pool: z.enum(['section', 'member']),
  count: z.number().int(),
  /** Sorted ids the draw was made from: with the revealed seed, enough to redo it. */
  candidates: z.array(z.string()),
  picked: z.array(z.object({ id: z.string(), name: z.string() })),
  byName: z.string(),
  at: z.number(),
});
export type DrawView = z.infer<typeof DrawView>;

export const DrawsView = z.object({
  periodId: z.string(),
  /** SHA-256 of the quarter's seed, published before its first draw. */
  seedHash: z.string(),
  committedAt: z.number(),
  /** The seed itself: null until the quarter is closed. */
  seed: z.string().nullable(),
  draws: z.array(DrawView),
});
export type DrawsView = z.infer<typeof DrawsView>;

export const ItemScoreView = z.object({
  nodeId: z.string(),
  name: z.string(),
  weight: z.number(),
  score: z.number().nullable(),
  points: z.number(),
  why: z.string(),
});

export const QuarterGrade = z.enum(['good', 'fair', 'average', 'poor']);
export type QuarterGrade = z.infer<typeof QuarterGrade>;
export const MemberResultView = z.object({
  periodId: z.string(),
  periodLabel: z.string(),
  memberId: z.string(),
  name: z.string(),
  sectionId: z.string(),
  sectionName: z.string().nullable(),
  items: z.array(ItemScoreView),
  indicators: z.number(),
  staffEvaluation: z.number(),
  sectionEvaluation: z.number(),
  deductions: z.number(),
  score: z.number(),
  grade: QuarterGrade,
  cappedByQuota: z.boolean(),
  rank: z.number(),
  of: z.number(),
  corrections: z.array(z.object({ field: z.string(), old: z.number(), new: z.number(), reason: z.string(), byName: z.string(), at: z.number() })),
});

export const RankingView = z.object({
  periodId: z.string(),
  periodLabel: z.string(),
  members: z.array(
    z.object({
      memberId: z.string(),
      name: z.string(),
      sectionName: z.string().nullable(),
      score: z.number(),
      grade: QuarterGrade,
      rank: z.number(),
    }),
  ),
  sections: z.array(
    z.object({
      sectionId: z.string(),
      name: z.string(),
      evaluation: z.number(),
      deductions: z.number(),
      score: z.number(),
      staffMean: z.number(),
      rank: z.number(),
    }),
  ),
});

export const PeriodStatusView = z.object({
  periodId: z.string(),
  periodLabel: z.string(),
  status: z.enum(['open', 'closing', 'closed']),
  /** Whether the quarter was opened (checklists fixed); reports may be recorded in the current quarter either way. */
  opened: z.boolean(),
  /** Cadres whose checklist is not fixed yet: opening continues (call openPeriod again) until this is 0. */
  checklistsMissing: z.number(),
  cadres: z.number(),
  staffEvaluated: z.number(),
  sections: z.number(),
  sectionsEvaluated: z.number(),
  /** Names of those still missing (first 20), for the admin to chase. */
  missingStaff: z.array(z.string()),
  missingSections: z.array(z.string()),
});
export { PeriodId };

/** The assessment function's actions: each one's input and output schema. */
export const assessmentContract = {
  /** Evaluate a cadre (考人): overall score, grades of qualitative items, actual values. Section heads evaluate their
   * staff; leaders evaluate section heads. */
  evaluateStaff: { input: StaffEvaluationInput, output: z.object({ saved: z.boolean() }) },
  /** What the caller has already given this quarter (to show in the forms): 考人 and 考事 evaluations. */
  myEvaluations: {
    input: z.object({ periodId: PeriodId.optional() }).strict(),
    output: z.object({
      staff: z.array(
        z.object({
          memberId: z.string(),
          score: z.number(),
          grades: z.record(z.string(), QualitativeGrade),
          actuals: z.record(z.string(), z.number()),
          comment: z.string(),
        }),
      ),
      sections: z.array(z.object({ sectionId: z.string(), score: z.number(), comment: z.string() })),
    }),
  },
  /** Leader: score a section's work (考事). */
  evaluateSection: { input: SectionEvaluationInput, output: z.object({ saved: z.boolean() }) },
  /** Leader or admin: draw spot-check targets at random: the next numbered draw from the quarter's committed seed. */
  draw: { input: DrawInput, output: DrawView },
  /** Leader or admin: a quarter's seed fingerprint and every draw made with it; the seed once the quarter is closed. */
  draws: { input: z.object({ periodId: PeriodId.optional() }).strict(), output: DrawsView },
  /** Leader or admin: record a spot check (不定期抽查): findings and a deduction. */
  spotCheck: { input: SpotCheckInput, output: z.object({ id: z.string() }) },
  /** Admin: what is still missing before the quarter can close. */
  status: { input: z.object({ periodId: PeriodId.optional() }).strict(), output: PeriodStatusView },
  /** Admin: open a quarter: every cadre's checklist is fixed from the tree as it stands. */
  openPeriod: { input: z.object({ periodId: PeriodId }).strict(), output: PeriodStatusView },
  /** Admin: close the quarter: scores, grades with the 好 quota, rankings. Refused while evaluations are missing. */
  close: { input: z.object({ periodId: PeriodId }).strict(), output: PeriodStatusView },
  /** A cadre's quarter result with its breakdown: own; a section head's staff; anyone for leaders/admin. */
  result: { input: z.object({ periodId: PeriodId.optional(), memberId: Id.optional() }).strict(), output: MemberResultView },
  /** Leaders and admin: the quarter ranking of cadres and of sections. */
  ranking: { input: z.object({ periodId: PeriodId.optional() }).strict(), output: RankingView },
  /** Admin, after close: correct a score, recorded with who, when, why, old and new. */
  correct: {
    input: z
      .object({
        periodId: PeriodId,
        memberId: Id,
        field: z.enum(['staffEvaluation', 'deductions']),
        value: z.number().min(0).max(100),
        reason: z.string().trim().min(4, { error: '请写明更正理由（至少4个字）' }).max(300),
      })
      .strict(),
    output: MemberResultView,
  },
} as const;
