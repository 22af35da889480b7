/**
 * The contract: every cloud function, its actions, and each action's input and output schema (STYLE §3).
 * The function parses with `input`; the client's `call(fn, action, input)` is typed by both.
 */
import { z } from 'zod';
import { INVITE, LIMITS } from '../config/defaults';
import {
  Cursor,
  Day,
  DossierView,
  EnterpriseItem,
  FileId,
  Id,
  InviteCode,
  MeView,
  PeriodId,
  ReportView,
  StaffRow,
  page,
} from './model';
import {
  BallotView,
  CampaignKind,
  CampaignStatus,
  CampaignView,
  CreateCampaignInput,
  RatingsInput,
  Receipt,
  ResultsView,
  TurnoutView,
} from './votes';

const empty = z.object({}).strict();

export const contracts = {
  members: {
    /** Who am I? Fails with UNBOUND when this WeChat identity is not bound yet. */
    me: { input: empty, output: MeView },
    /** Bind this WeChat identity to the person an invite code was issued for. Single use, expiring. */
    bind: { input: z.object({ code: InviteCode }).strict(), output: MeView },
    /** Admin: issue an invite code (and its mini-program code) for a person not yet bound. */
    issueInvite: {
      input: z.object({ memberId: Id }).strict(),
      output: z.object({
        code: z.string(),
        memberName: z.string(),
        expiresAt: z.number(),
        /** Page the mini-program code opens, with `scene` = the code. */
        page: z.string(),
        qrFileId: z.string(),
        qrUrl: z.string(),
      }),
    },
    /** Admin: people of the park, with whether each has bound a WeChat identity. */
    roster: {
      input: z.object({ cursor: Cursor }).strict(),
      output: page(
        z.object({
          memberId: z.string(),
          name: z.string(),
          sectionName: z.string().nullable(),
          post: z.string().nullable(),
          bound: z.boolean(),
        }),
      ),
    },
  },
  park: {
    /** The sections (股室) of the committee, in their order: for leaders' and admins' pickers. */
    sections: {
      input: empty,
      output: z.array(z.object({ id: z.string(), name: z.string() })),
    },
    /** Enterprises whose name contains `q` (all, by name, when `q` is empty). */
    searchEnterprises: {
      input: z
        .object({
          q: z.string().trim().max(30, { error: '搜索词不超过30个字' }).default(''),
          cursor: Cursor,
        })
        .strict(),
      output: page(EnterpriseItem),
    },
  },
  dossier: {
    /** The caller's dossier (绩效档案) for a quarter, the current one by default. */
    mine: { input: z.object({ periodId: PeriodId.optional() }).strict(), output: DossierView },
    /** Record an enterprise visit (入企走访) for the current quarter; returns the updated dossier. */
    recordVisit: {
      input: z
        .object({
          enterpriseId: Id,
          date: Day,
          note: z
            .string()
            .trim()
            .min(2, { error: '请简要填写走访情况（至少2个字）' })
            .max(LIMITS.reportNoteMax, { error: `走访情况不超过${LIMITS.reportNoteMax}字` }),
          photoFileIds: z
            .array(FileId)
            .max(LIMITS.photosPerReport, { error: `最多上传${LIMITS.photosPerReport}张照片` })
            .default([]),
        })
        .strict(),
      output: DossierView,
    },
    /** The caller's reports in a quarter, newest first. */
    reports: {
      input: z.object({ periodId: PeriodId.optional(), cursor: Cursor }).strict(),
      output: page(ReportView),
    },
    /** Section head: own section's staff with their dossier progress. Leaders and admins: any section. */
    sectionStaff: {
      input: z.object({ periodId: PeriodId.optional(), sectionId: Id.optional() }).strict(),
      output: z.object({
        periodId: z.string(),
        periodLabel: z.string(),
        sectionId: z.string(),
        sectionName: z.string(),
        staff: z.array(StaffRow),
      }),
    },
  },
  votes: {
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
    /** Cast the ballot, once. Returns the receipt code the voter can later find among the counted ballots. */
    submit: {
      input: z.object({ campaignId: Id, ratings: RatingsInput }).strict(),
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
  },
} as const;

export type Contracts = typeof contracts;
export type FnName = keyof Contracts;
export type ActionName<F extends FnName> = keyof Contracts[F] & string;
type Spec<F extends FnName, A extends ActionName<F>> = Contracts[F][A] extends {
  input: infer I extends z.ZodType;
  output: infer O extends z.ZodType;
}
  ? { input: I; output: O }
  : never;
/** What the client may pass (defaults applied on the server). */
export type InputOf<F extends FnName, A extends ActionName<F>> = z.input<Spec<F, A>['input']>;
/** What the handler receives after parsing. */
export type ParsedInput<F extends FnName, A extends ActionName<F>> = z.output<Spec<F, A>['input']>;
export type OutputOf<F extends FnName, A extends ActionName<F>> = z.output<Spec<F, A>['output']>;

/** The event a cloud function receives: `{ action, input }`. */
export const CallEvent = z.object({ action: z.string().max(64), input: z.unknown().optional() });

export { INVITE };
