/**
 * Section tiers (股室等次): the year's ranked sections fall into 第一等次 (一类股室) and 第二等次; pay and bulletins
 * use the tier. The rule:
 * - the first tier holds the top `sectionFirstTierShare` of the ranked sections, rounded down, and at least one;
 * - ranks are competition ranks (1, 2, 2, 4), and a section is in the first tier when its rank is within that count,
 *   so sections tied at the edge are all first tier: no section is placed below one with the same total.
 * Example: 7 sections, share 30% → 7 × 0.3 = 2.1 → 2 places; totals 95, 91, 91, 88… rank 1, 2, 2, 4 → three first-tier
 * sections (the two tied at 91 both within 2), the rest second tier.
 */
export type SectionTier = 1 | 2;

export const SECTION_TIER_LABELS: Record<SectionTier, string> = { 1: '第一等次', 2: '第二等次' };

/** How many places the first tier has among `ranked` sections. */
export function firstTierPlaces(ranked: number, share: number): number {
  if (ranked <= 0) return 0;
  return Math.max(1, Math.floor(ranked * share + 1e-9));
}

export function sectionTier(rank: number, ranked: number, share: number): SectionTier {
  return rank >= 1 && rank <= firstTierPlaces(ranked, share) ? 1 : 2;
}
