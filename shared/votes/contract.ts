/** Contracts of the year-end democratic evaluation (民主测评): campaigns, ballots, turnout, results. */
import { z } from 'zod';
import { Id, empty } from '../common/schema';
import { DEFAULT_RULES, GRADES } from './config';

export const CampaignKind = z.enum(['leaders_rate_cadres', 'peer', 'rate_leadership']);
export type CampaignKind = z.infer<typeof CampaignKind>;
export const CAMPAIGN_KIND_LABELS: Record<CampaignKind, string> = {
  leaders_rate_cadres: '领导评干部',
  peer: '干部互评',
  rate_leadership: '班子测评',
};

export const Grade = z.enum(GRADES);
const Weight = z.number().min(0, { error: '权重不能为负' }).max(100, { error: '权重不超过100' });
const Share = z.number().min(0, { error: '比例不能为负' }).max(1, { error: '比例不超过1' });
const Key = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,15}$/, { error: '键名格式不正确' });

export const DimensionInput = z.object({ key: Key, label: z.string().trim().min(1).max(8), weight: Weight }).strict();
export const CategoryInput = z.object({ key: Key, label: z.string().trim().min(1).max(12), weight: Weight }).strict();

export const ScaleInput = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('grades'),
      points: z.object({ excellent: Weight, competent: Weight, basic: Weight, incompetent: Weight }).strict(),
    })
    .strict(),
  z
    .object({ type: z.literal('points'), min: z.number().int().min(0), max: z.number().int().max(100) })
    .strict()
    .refine((s) => s.min < s.max, { error: '分值下限应小于上限' }),
]);

export const RulesInput = z
  .object({
    excellentShareMax: Share,
    turnoutFloor: Share,
    trimAbove: z.number().int().min(2).max(50),
    voidIfAllSame: z.boolean(),
    gradeCutoffs: z.object({ excellent: Weight, competent: Weight, basic: Weight }).strict(),
    admonishBelow: Share,
    adjustAbove: Share,
    minGroupSize: z.number().int().min(3).max(50),
    leniencyZ: z.number().min(1).max(5),
    blocGap: z.number().min(1).max(100),
  })
  .strict();

const Instant = z.number().int().min(0).max(4_102_444_800_000);

export const CreateCampaignInput = z
  .object({
    title: z.string().trim().min(2, { error: '请填写测评名称' }).max(40, { error: '名称不超过40字' }),
    kind: CampaignKind,
    year: z.number().int().min(2020).max(2100),
    /** Omitted: the defaults (德能勤绩廉, the four grades, the regulation's rules) — shown to the admin as settings. */
    dimensions: z.array(DimensionInput).min(1).max(8).optional(),
    categories: z.array(CategoryInput).min(1).max(6).optional(),
    scale: ScaleInput.optional(),
    rules: RulesInput.partial().optional(),
    opensAt: Instant.nullable().default(null),
    closesAt: Instant.nullable().default(null),
  })
  .strict()
  .refine((c) => c.opensAt === null || c.closesAt === null || c.opensAt < c.closesAt, {
    error: '结束时间应晚于开始时间',
    path: ['closesAt'],
  })
  // Weights that add up to nothing would divide by zero; cut-offs out of order would make grades meaningless.
  .refine((c) => !c.dimensions || c.dimensions.reduce((sum, d) => sum + d.weight, 0) > 0, {
    error: '权重合计应大于0',
    path: ['dimensions'],
  })
  .refine((c) => !c.categories || c.categories.reduce((sum, k) => sum + k.weight, 0) > 0, {
    error: '权重合计应大于0',
    path: ['categories'],
  })
  .refine(
    (c) => {
      const cut = { ...DEFAULT_RULES.gradeCutoffs, ...c.rules?.gradeCutoffs };
      return cut.excellent > cut.competent && cut.competent > cut.basic;
    },
    { error: '分数线应依次降低：优秀 > 称职 > 基本称职', path: ['rules', 'gradeCutoffs'] },
  );

/** candidate id → dimension key → grade or points. Bounded so that a hostile ballot cannot be huge. */
export const RatingsInput = z
  .record(Id, z.record(Key, z.union([Grade, z.number()])))
  .refine((r) => Object.keys(r).length <= 500, { error: '测评对象过多' });

export const CampaignStatus = z.enum(['draft', 'open', 'closed']);
export type CampaignStatus = z.infer<typeof CampaignStatus>;

export const CampaignView = z.object({
  id: z.string(),
  title: z.string(),
  kind: CampaignKind,
  year: z.number(),
  status: CampaignStatus,
  opensAt: z.number().nullable(),
  closesAt: z.number().nullable(),
  candidates: z.array(z.object({ id: z.string(), name: z.string(), sectionName: z.string().nullable() })),
  dimensions: z.array(z.object({ key: z.string(), label: z.string(), weight: z.number() })),
  categories: z.array(z.object({ key: z.string(), label: z.string(), weight: z.number() })),
  scale: ScaleInput,
  rules: RulesInput,
  rollSize: z.number(),
});
export type CampaignView = z.infer<typeof CampaignView>;

export const BallotView = z.object({
  campaign: CampaignView,
  /** The caller's category on the roll. */
  category: z.string(),
  categoryLabel: z.string(),
  /** Whom the caller rates (everyone but themself). */
  candidateIds: z.array(z.string()),
  excellentCap: z.number(),
  voted: z.boolean(),
});

export const TurnoutView = z.object({
  status: CampaignStatus,
  roll: z.number(),
  voted: z.number(),
  byCategory: z.array(z.object({ category: z.string(), label: z.string(), roll: z.number(), voted: z.number() })),
});

const CandidateResultView = z.object({
  id: z.string(),
  name: z.string(),
  sectionName: z.string().nullable(),
  rank: z.number(),
  overall: z.number(),
  dimensions: z.record(z.string(), z.number()),
  grades: z.record(Grade, z.number()),
  shareExcellentCompetent: z.number(),
  shareIncompetent: z.number(),
  admonish: z.boolean(),
  adjust: z.boolean(),
  byCategory: z.array(z.object({ category: z.string(), label: z.string(), raters: z.number(), overall: z.number().nullable() })),
});

export const ResultsView = z.object({
  campaign: CampaignView,
  ballots: z.number(),
  valid: z.number(),
  void: z.number(),
  roll: z.number(),
  turnout: z.number(),
  belowTurnoutFloor: z.boolean(),
  /**
   * True when too few valid ballots were cast for every candidate to keep the smallest group shown (5) of raters
   * (a voter does not rate themself: 6 ballots): with so few, scores would tell how each one voted, so none are
   * published (candidates and flags come empty).
   */
  withheld: z.boolean(),
  /** The voter categories as counted: a category too small to stay secret is merged with its neighbour. */
  countedCategories: z.array(z.object({ key: z.string(), label: z.string(), weight: z.number() })),
  candidates: z.array(CandidateResultView),
  flags: z.object({
    leniency: z.array(z.object({ receipt: z.string(), category: z.string(), mean: z.number(), z: z.number(), kind: z.enum(['lenient', 'severe']) })),
    identical: z.array(z.object({ receipts: z.array(z.string()) })),
    blocs: z.array(z.object({ sectionId: z.string(), sectionName: z.string().nullable(), ballots: z.number(), gap: z.number() })),
  }),
});
export type ResultsView = z.infer<typeof ResultsView>;

export const Receipt = z
  .string({ error: '请输入回执码' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/, { error: '回执码格式应为 XXXX-XXXX-XXXX' });

/** The votes function's actions: each one's input and output schema. */
export const votesContract = {
  /** Campaigns the caller votes in (and, for leaders and the admin, all campaigns), newest first. */
  list: {
    input: empty,
    output: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        kind: CampaignKind,
        year: z.number(),
        status: CampaignStatus,
        onRoll: z.boolean(),
        voted: z.boolean(),
      }),
    ),
  },
  /** One campaign's settings and status (admin and leaders, or anyone on its roll). */
  get: { input: z.object({ campaignId: Id }).strict(), output: CampaignView },
  /** Admin: set up a campaign; candidates and the voter roll follow from its kind. */
  create: { input: CreateCampaignInput, output: CampaignView },
  /** Admin: open or close now. */
  open: { input: z.object({ campaignId: Id }).strict(), output: CampaignView },
  close: { input: z.object({ campaignId: Id }).strict(), output: CampaignView },
  /** Admin: the mini-program code that opens the ballot, for the meeting screen. */
  qrcode: {
    input: z.object({ campaignId: Id }).strict(),
    output: z.object({ page: z.string(), scene: z.string(), qrUrl: z.string() }),
  },
  /** A voter's ballot: the campaign, whom they rate, their category and 优秀 cap, whether they voted. */
  ballot: { input: z.object({ campaignId: Id }).strict(), output: BallotView },
  /**
   * Cast the ballot, once, under the receipt the phone made (receipt.ts); the same ballot sent again gets the
   * same reply. The receipt is what the voter can later find among the counted ballots.
   */
  submit: {
    input: z.object({ campaignId: Id, ratings: RatingsInput, receipt: Receipt }).strict(),
    output: z.object({ receipt: z.string() }),
  },
  /** Admin: live turnout while open — counts only, by category. */
  turnout: { input: z.object({ campaignId: Id }).strict(), output: TurnoutView },
  /** Leaders and admin, after close: scores, grades, ranking and flags. */
  results: { input: z.object({ campaignId: Id }).strict(), output: ResultsView },
  /** Anyone on the roll, after close: is this receipt among the counted ballots? */
  checkReceipt: {
    input: z.object({ campaignId: Id, receipt: Receipt }).strict(),
    output: z.object({ counted: z.boolean(), receipts: z.number() }),
  },
} as const;
