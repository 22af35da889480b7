/** The applications' contract (干部申报新增指标): applying, the review queues, decisions. */
import { z } from 'zod';
import { Id, Name, Reason } from '../common/schema';
import { IndicatorKind } from '../indicators/contract';

export const ApplicationStatus = z.enum(['pending_head', 'pending_admin', 'approved', 'rejected']);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;
export const ApplicationView = z.object({
  id: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  sectionId: z.string(),
  name: z.string(),
  reason: z.string(),
  kind: IndicatorKind,
  unit: z.string().nullable(),
  target: z.number().nullable(),
  status: ApplicationStatus,
  history: z.array(z.object({ by: z.string(), byName: z.string(), action: z.string(), reason: z.string(), at: z.number() })),
  indicatorId: z.string().nullable(),
});
export type ApplicationView = z.infer<typeof ApplicationView>;
export const ApplyInput = z
  .object({
    name: Name,
    reason: Reason,
    kind: IndicatorKind,
    unit: z.string().trim().max(8).nullable().default(null),
    target: z.number().positive({ error: '目标值应大于0' }).nullable().default(null),
  })
  .strict()
  .refine((a) => a.kind === 'qualitative' || a.target !== null, { error: '定量指标请填写目标值', path: ['target'] });
export const ReviewInput = z
  .object({
    applicationId: Id,
    decision: z.enum(['approve', 'reject']),
    reason: z.string().trim().max(300).default(''),
    /** Admin's final approval: the weight the new item takes in the checklist (the others shrink to fit 100). */
    weight: z.number().int().min(1).max(50).default(10),
  })
  .strict()
  .refine((r) => r.decision === 'approve' || r.reason.length >= 2, { error: '驳回请填写理由', path: ['reason'] });

/** The applications function's actions: each one's input and output schema. */
export const applicationsContract = {
  /** A cadre applies (申报) for a new indicator in their checklist. */
  apply: { input: ApplyInput, output: ApplicationView },
  /** `mine`: the caller's applications; `review`: those waiting for the caller (section head, then admin). */
  list: { input: z.object({ scope: z.enum(['mine', 'review']) }).strict(), output: z.array(ApplicationView) },
  /** Approve or reject, with a reason; the admin's approval adds the indicator to the cadre's checklist. */
  review: { input: ReviewInput, output: ApplicationView },
} as const;
