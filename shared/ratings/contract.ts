/** The satisfaction campaign's contract (企业评): the admin's campaign, the enterprises' codes, the rating, results. */
import { z } from 'zod';
import { Cursor, Day, Id, page } from '../common/schema';
import { CODE_LENGTH, RATING_DIMENSIONS } from './rating';

export const RatingCode = z
  .string({ error: '请扫描评价二维码' })
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(
    z
      .string()
      .length(CODE_LENGTH, { error: '评价码不正确' })
      .regex(/^[A-Z2-9]+$/, { error: '评价码不正确' }),
  );

const Level = z.number({ error: '请选择评价' }).int({ error: '请选择评价' }).min(1, { error: '请选择评价' }).max(5, { error: '请选择评价' });

export const CampaignStatus = z.enum(['draft', 'open', 'closed']);

export const RatingCampaignView = z.object({
  id: z.string(),
  title: z.string(),
  year: z.number(),
  share: z.number(),
  status: CampaignStatus,
  closesAt: z.number(),
  /** SHA-256 of the seed, published from creation. */
  seedHash: z.string(),
  /** The seed, published with the sample; null before the draw. */
  seed: z.string().nullable(),
  /** The strata as drawn from (sorted ids) and the picks; empty before the draw. */
  strata: z.array(z.object({ key: z.string(), size: z.number(), take: z.number(), ids: z.array(z.string()), picked: z.array(z.string()) })),
  census: z.array(z.string()),
  /** Sampled enterprises, with names, in the sample's order. */
  sampled: z.array(z.object({ id: z.string(), name: z.string() })),
  responses: z.number(),
});
export type RatingCampaignView = z.infer<typeof RatingCampaignView>;

/** A cadre's or a section's score; both null when withheld (too few ratings, or it would give a withheld one back). */
const ScoreRow = z.object({ id: z.string(), name: z.string(), raters: z.number().nullable(), score: z.number().nullable() });

/** The ratings function's actions: each one's input and output schema. */
export const ratingsContract = {
  /** Admin: a campaign, with its seed committed (the fingerprint published) before any draw. */
  create: {
    input: z
      .object({
        title: z.string().trim().min(2, { error: '请填写名称（至少2个字）' }).max(40, { error: '名称不超过40字' }),
        year: z.number().int().min(2020).max(2100),
        share: z.number().min(0.2, { error: '抽样比例在20%至30%之间' }).max(0.3, { error: '抽样比例在20%至30%之间' }),
        closesOn: Day,
      })
      .strict(),
    output: RatingCampaignView,
  },
  /** Admin: draw the sample from the committed seed, issue each sampled enterprise a one-time code, reveal the seed. */
  draw: { input: z.object({ campaignId: Id }).strict(), output: RatingCampaignView },
  close: { input: z.object({ campaignId: Id }).strict(), output: RatingCampaignView },
  list: { input: z.object({}).strict(), output: z.array(RatingCampaignView) },
  get: { input: z.object({ campaignId: Id }).strict(), output: RatingCampaignView },
  /** Admin: the printable sheet, a page at a time: each sampled enterprise's name, code and mini-program code. */
  codes: {
    input: z.object({ campaignId: Id, cursor: Cursor }).strict(),
    output: page(z.object({ enterpriseName: z.string(), code: z.string(), scene: z.string(), qrUrl: z.string() })),
  },
  /** Anyone holding a code (scanned): what to rate — the campaign, the enterprise, the cadres who served it. */
  form: {
    input: z.object({ code: RatingCode }).strict(),
    output: z.object({
      campaignTitle: z.string(),
      enterpriseName: z.string(),
      closesAt: z.number(),
      dimensions: z.array(z.object({ key: z.string(), label: z.string() })),
      cadres: z.array(z.object({ id: z.string(), name: z.string(), sectionName: z.string().nullable() })),
    }),
  },
  /** One submission per code: every dimension, and any of the cadres who served the enterprise. */
  submit: {
    input: z
      .object({
        code: RatingCode,
        dimensions: z.record(z.enum(RATING_DIMENSIONS.map((d) => d.key) as [string, ...string[]]), Level),
        cadres: z.record(Id, Level).default({}),
      })
      .strict(),
    output: z.object({ counted: z.literal(true) }),
  },
  /** Leaders and the admin, once closed: the published figures (nothing from fewer than three ratings). */
  results: {
    input: z.object({ campaignId: Id }).strict(),
    output: z.object({
      campaign: RatingCampaignView,
      responses: z.number(),
      sampleSize: z.number(),
      satisfaction: z.number().nullable(),
      dimensions: z.array(z.object({ key: z.string(), label: z.string(), satisfaction: z.number().nullable(), score: z.number().nullable() })),
      cadres: z.array(ScoreRow),
      sections: z.array(ScoreRow),
    }),
  },
} as const;
