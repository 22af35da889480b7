/**
 * Complementary suppression of the satisfaction campaign's published scores: no withheld figure comes back by
 * subtraction, checked over every published combination (a section's total less any set of its shown cadres) on
 * the issue's own case and on many generated campaigns.
 */
import { seededRandom } from '../../../shared/common/random';
import { MIN_RATERS, levelPoints, results, type RatingDoc } from '../../../shared/ratings/rating';

type Rating = Pick<RatingDoc, 'dimensions' | 'cadres'>;
const dims = { efficiency: 4, policy: 4, support: 4, conduct: 4 };
const rating = (cadres: Record<string, number>): Rating => ({ dimensions: dims, cadres });

/**
 * What someone holding the published figures can work out: for each published section, its total less the totals
 * of any set of its shown cadres leaves a group of ratings whose count and mean are then known. Every such group
 * must be empty, a published row itself, or hold MIN_RATERS ratings. Returns the groups that break this.
 */
function disclosures(ratings: Rating[], sectionOf: (id: string) => string | null): string[] {
  const out = results(ratings, sectionOf);
  const levels = new Map<string, number[]>();
  for (const r of ratings) for (const [id, l] of Object.entries(r.cadres)) levels.set(id, [...(levels.get(id) ?? []), l]);
  const bad: string[] = [];
  for (const s of out.sections) {
    if (s.score === null || s.raters === null) continue;
    // the published figures are consistent with the ratings: the attacker's arithmetic is exact
    const cadres = [...levels.keys()].filter((id) => sectionOf(id) === s.id);
    const total = cadres.reduce((t, id) => t + (levels.get(id) ?? []).length, 0);
    expect(s.raters).toBe(total);
    const shown = out.cadres.filter((c) => c.score !== null && cadres.includes(c.id));
    for (let mask = 0; mask < 1 << shown.length; mask += 1) {
      const subtracted = shown.filter((_, i) => mask & (1 << i));
      const left = s.raters - subtracted.reduce((n, c) => n + (c.raters ?? 0), 0);
      const rest = cadres.filter((id) => !subtracted.some((c) => c.id === id));
      const isShownRow = rest.length === 1 && shown.some((c) => c.id === rest[0]);
      if (left > 0 && left < MIN_RATERS && !isShownRow)
        bad.push(`${s.id} − {${subtracted.map((c) => c.id).join(',')}} → ${rest.join(',')} (${left})`);
    }
  }
  for (const c of [...out.cadres, ...out.sections]) if (c.score !== null && (c.raters ?? 0) < MIN_RATERS) bad.push(`${c.id} shown from ${c.raters}`);
  return bad;
}

describe('published scores (complementary suppression)', () => {
  it('no longer give back the single rating of the issue’s case: S02’s 8 less M017’s 4 less M014’s 3', () => {
    const sectionOf = (id: string) => (['M014', 'M015', 'M017'].includes(id) ? 'S02' : 'S01');
    const ratings = [...[4, 5, 4, 4].map((l) => rating({ M017: l })), ...[3, 3, 3].map((l) => rating({ M014: l })), rating({ M015: 5 })];
    const out = results(ratings, sectionOf);
    expect(out.cadres.find((c) => c.id === 'M015')).toMatchObject({ score: null, raters: null });
    // M014 (the fewest shown) is withheld with it: the remainder is 4 ratings, not 1
    expect(out.cadres.find((c) => c.id === 'M014')).toMatchObject({ score: null, raters: null });
    expect(out.cadres.find((c) => c.id === 'M017')).toMatchObject({ raters: 4, score: 81.3 });
    expect(out.sections.find((s) => s.id === 'S02')).toMatchObject({ raters: 8 });
    // the subtraction now yields the mean of four ratings, M014's and M015's together
    const s02 = out.sections.find((s) => s.id === 'S02');
    const left = ((s02?.score ?? 0) * 8 - 81.25 * 4) / 4;
    expect(left).toBeCloseTo([3, 3, 3, 5].map(levelPoints).reduce((a, b) => a + b, 0) / 4, 0);
    expect(disclosures(ratings, sectionOf)).toEqual([]);
  });

  it('withholds the section when no shown cadre is left to cover the remainder', () => {
    // S01: M010 with 3 ratings and M011 with 1 → M010 withheld too, remainder 4: S01 shown
    // S02: M020 alone with 2 → withheld, and S02 (2 ratings) too
    const sectionOf = (id: string) => (id.startsWith('M01') ? 'S01' : 'S02');
    const ratings = [rating({ M010: 5 }), rating({ M010: 4 }), rating({ M010: 3, M011: 1 }), rating({ M020: 4 }), rating({ M020: 2 })];
    const out = results(ratings, sectionOf);
    expect(out.sections.map((s) => [s.id, s.raters])).toEqual([
      ['S01', 4],
      ['S02', null],
    ]);
    expect(out.cadres.every((c) => c.score === null)).toBe(true);
    expect(disclosures(ratings, sectionOf)).toEqual([]);
  });

  it('leaves nothing to subtract over every published combination of 500 generated campaigns', () => {
    const rnd = seededRandom(20261208);
    let shownCadres = 0;
    for (let k = 0; k < 500; k += 1) {
      const sections = 1 + Math.floor(rnd() * 4);
      const cadres = Array.from({ length: 2 + Math.floor(rnd() * 10) }, (_, i) => ({ id: `M${i}`, section: `S${Math.floor(rnd() * sections)}` }));
      const sectionOf = (id: string) => cadres.find((c) => c.id === id)?.section ?? null;
      const ratings = Array.from({ length: Math.floor(rnd() * 25) }, () => {
        const named: Record<string, number> = {};
        for (const c of cadres) if (rnd() < 0.25) named[c.id] = 1 + Math.floor(rnd() * 5);
        return rating(named);
      });
      expect(disclosures(ratings, sectionOf)).toEqual([]);
      shownCadres += results(ratings, sectionOf).cadres.filter((c) => c.score !== null).length;
    }
    // and it still publishes: most campaigns show cadres
    expect(shownCadres).toBeGreaterThan(500);
  });
});
