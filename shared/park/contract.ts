/** The park directory's contract: sections, key projects and their claims, enterprise search. */
import { z } from 'zod';
import { Cursor, Id, empty, page } from '../common/schema';

export const EnterpriseItem = z.object({
  id: z.string(),
  name: z.string(),
  aboveScale: z.boolean(),
  industry: z.string(),
});
export type EnterpriseItem = z.infer<typeof EnterpriseItem>;

/** The park function's actions: each one's input and output schema. */
export const parkContract = {
  /** The sections (股室) of the committee, in their order: for leaders' and admins' pickers. */
  sections: {
    input: empty,
    output: z.array(z.object({ id: z.string(), name: z.string() })),
  },
  /** Key projects (重点产业项目), with whether the caller has claimed (认领) each. */
  projects: {
    input: empty,
    output: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        stage: z.string(),
        enterpriseName: z.string().nullable(),
        claimedByMe: z.boolean(),
        claimedBy: z.number(),
      }),
    ),
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
} as const;
