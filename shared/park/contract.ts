import { z } from 'zod';

export const EnterpriseItem = z.object({
  id: z.string(),
  name: z.string(),
  aboveScale: z.boolean(),
  industry: z.string(),
});
export type EnterpriseItem = z.infer<typeof EnterpriseItem>;
