/**
 * The contract registry: every cloud function (one per domain area) and its actions, collected from the areas'
 * own `contract.ts` (STYLE §3). The function parses with `input`; the client's `call(fn, action, input)` is typed
 * by both. Who may call each action is the table in ./access.ts.
 */
import './common/zod-config';
import { z } from 'zod';
import { annualContract } from './annual/contract';
import { appealsContract } from './appeals/contract';
import { applicationsContract } from './applications/contract';
import { assessmentContract } from './assessment/contract';
import { auditContract } from './audit/contract';
import { cardsContract } from './cards/contract';
import { payContract } from './pay/contract';
import { feedbackContract } from './feedback/contract';
import { dossierContract } from './dossier/contract';
import { importsContract } from './imports/contract';
import { indicatorsContract } from './indicators/contract';
import { membersContract } from './members/contract';
import { parkContract } from './park/contract';
import { projectsContract } from './projects/contract';
import { ratingsContract } from './ratings/contract';
import { remindersContract } from './reminders/contract';
import { votesContract } from './votes/contract';

export const contracts = {
  members: membersContract,
  park: parkContract,
  imports: importsContract,
  projects: projectsContract,
  dossier: dossierContract,
  indicators: indicatorsContract,
  applications: applicationsContract,
  assessment: assessmentContract,
  votes: votesContract,
  appeals: appealsContract,
  ratings: ratingsContract,
  annual: annualContract,
  audit: auditContract,
  cards: cardsContract,
  pay: payContract,
  feedback: feedbackContract,
  reminders: remindersContract,
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

/**
 * The event a cloud function receives: `{ action, input, requestId? }`. The request id is the device's, the same on
 * every retry of one request (server/common/replay.ts).
 */
export const CallEvent = z.object({
  action: z.string().max(64),
  input: z.unknown().optional(),
  requestId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/)
    .optional(),
});
