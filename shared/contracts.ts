/**
 * The contract: every cloud function, its actions, and each action's input and output schema (STYLE §3).
 * The function parses with `input`; the client's `call(fn, action, input)` is typed by both.
 */
import { z } from 'zod';
import { ApplicationView, ApplyInput, ReviewInput } from "./applications/contract";
import {
    DrawInput,
    MemberResultView,
    PeriodStatusView,
    RankingView,
    SectionEvaluationInput,
    SpotCheckInput,
    StaffEvaluationInput
} from './assessment/contract';
import { LIMITS } from './common/config';
import {
    Cursor,
    Day,
    FileId,
    Id,
    PeriodId,
    page,
} from './common/schema';
import { DossierView, RecordInput, ReportView, StaffRow } from "./dossier/contract";
import { ChecklistView, IndicatorView, SaveIndicatorInput, TreeNodeView, WeightProblem } from "./indicators/contract";
import { INVITE } from "./members/config";
import { InviteCode, MeView } from "./members/contract";
import { EnterpriseItem } from "./park/contract";
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
} from './votes/contract';

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
    /** Key projects (重点产业项目), with whether the caller has claimed (认领) each. */
    projects: {
      input: empty,
      output: z.array(z.object({ id: z.string(), name: z.string(), stage: z.string(), enterpriseName: z.string().nullable(), claimedByMe: z.boolean(), claimedBy: z.number() })),
    },
    /** Claim a project to follow (or give it up). */
    claim: { input: z.object({ projectId: Id, claim: z.boolean() }).strict(), output: z.object({ claimed: z.boolean() }) },
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
    /** Record any day-to-day work (日常表现、工作实绩): a visit, an appeal resolved, a project milestone, an achievement. */
    record: { input: RecordInput, output: DossierView },
    /** The quarterly self-summary (季度小结), editable while the quarter is open. */
    summary: {
      input: z.object({ periodId: PeriodId.optional() }).strict(),
      output: z.object({ periodId: z.string(), text: z.string(), updatedAt: z.number().nullable(), open: z.boolean() }),
    },
    saveSummary: {
      input: z.object({ text: z.string().trim().min(10, { error: '季度小结至少10个字' }).max(2000, { error: '季度小结不超过2000字' }) }).strict(),
      output: z.object({ periodId: z.string(), text: z.string(), updatedAt: z.number().nullable(), open: z.boolean() }),
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
  indicators: {
    /** The indicator library, latest versions. */
    library: { input: empty, output: z.array(IndicatorView) },
    /** Admin: add an indicator, or change one (a new version; closed periods keep theirs). */
    save: { input: SaveIndicatorInput, output: IndicatorView },
    /** Earlier versions of an indicator, newest first. */
    history: { input: z.object({ indicatorId: Id }).strict(), output: z.array(IndicatorView) },
    /** The tree: park goals and section indicators; with `sectionId`, also that section's post and personal nodes. */
    tree: {
      input: z.object({ sectionId: Id.optional() }).strict(),
      output: z.object({ nodes: z.array(TreeNodeView), problems: z.array(WeightProblem) }),
    },
    /** Admin: change weights; refused (nothing written) unless every touched group still adds up to 100. */
    saveWeights: {
      input: z.object({ changes: z.array(z.object({ nodeId: Id, weight: z.number().min(0).max(100) }).strict()).min(1).max(50) }).strict(),
      output: z.object({ nodes: z.array(TreeNodeView), problems: z.array(WeightProblem) }),
    },
    /** A cadre's checklist (个人绩效考核清单) for a quarter: own; a section head's staff; anyone for leaders/admin. */
    checklist: { input: z.object({ periodId: PeriodId.optional(), memberId: Id.optional() }).strict(), output: ChecklistView },
  },
  applications: {
    /** A cadre applies (申报) for a new indicator in their checklist. */
    apply: { input: ApplyInput, output: ApplicationView },
    /** `mine`: the caller's applications; `review`: those waiting for the caller (section head, then admin). */
    list: { input: z.object({ scope: z.enum(['mine', 'review']) }).strict(), output: z.array(ApplicationView) },
    /** Approve or reject, with a reason; the admin's approval adds the indicator to the cadre's checklist. */
    review: { input: ReviewInput, output: ApplicationView },
  },
  assessment: {
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
            grades: z.record(z.string(), z.enum(['A', 'B', 'C', 'D'])),
            actuals: z.record(z.string(), z.number()),
            comment: z.string(),
          }),
        ),
        sections: z.array(z.object({ sectionId: z.string(), score: z.number(), comment: z.string() })),
      }),
    },
    /** Leader: score a section's work (考事). */
    evaluateSection: { input: SectionEvaluationInput, output: z.object({ saved: z.boolean() }) },
    /** Leader or admin: draw spot-check targets at random, from a recorded (or given) seed. */
    draw: {
      input: DrawInput,
      output: z.object({ id: z.string(), seed: z.number(), pool: z.string(), picked: z.array(z.object({ id: z.string(), name: z.string() })) }),
    },
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
