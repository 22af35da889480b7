/** The park's dossier settings (settings/dossier): whether visits no enterprise confirmed count. */
import { DEFAULT_VISIT_RULE, type VisitRule } from '../../shared/dossier/dossier';
import type { Database } from '../common/cloud';
import { COLL } from '../common/collections';

/** `settings/dossier` */
export interface DossierSettingsDoc {
  _id: 'dossier';
  countUnconfirmedVisits: boolean;
  updatedAt: number;
  updatedBy: string;
}

/**
 * A warm instance keeps the rule a minute, as it does section names (server/park/sections.ts): it changes once in
 * a while, and the quarter's last-day burst reads every dossier.
 */
export const VISIT_RULE_TTL_MS = 60_000;
let kept: { rule: VisitRule; at: number } | null = null;

export async function visitRule(db: Database, now: number = Date.now()): Promise<VisitRule> {
  if (kept && now - kept.at < VISIT_RULE_TTL_MS) return kept.rule;
  const s = (await db.collection<DossierSettingsDoc>(COLL.settings).doc('dossier').get()).data;
  const rule = s ? { countUnconfirmed: s.countUnconfirmedVisits } : DEFAULT_VISIT_RULE;
  kept = { rule, at: now };
  return rule;
}

/** After the admin's change: this instance reads it at once (others within the minute). */
export function forgetVisitRule(): void {
  kept = null;
}
