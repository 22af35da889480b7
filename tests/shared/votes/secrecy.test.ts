import { DEFAULT_CATEGORIES, DEFAULT_RULES } from '../../../shared/votes/config';
import { enoughBallots, mergeSmallCategories, sealBallots } from '../../../shared/votes/secrecy';

const MIN = DEFAULT_RULES.minGroupSize;
const ENOUGH = enoughBallots(MIN);
const keys = DEFAULT_CATEGORIES.map((c) => c.key);

describe('small voter categories are merged before anything is counted (不记名)', () => {
  it('keeps every category that has enough ballots for each candidate to keep the minimum of raters', () => {
    // a voter does not rate themself: MIN + 1 ballots leave every candidate MIN raters
    expect(ENOUGH).toBe(MIN + 1);
    const sizes = Object.fromEntries(keys.map((k) => [k, ENOUGH]));
    const m = mergeSmallCategories(DEFAULT_CATEGORIES, sizes, ENOUGH);
    expect(m.categories.map((c) => c.key)).toEqual(keys);
  });
  it('merges a lone voter’s category with its smaller neighbour, adding the weights', () => {
    const [first, second, third] = DEFAULT_CATEGORIES;
    if (!first || !second || !third) throw new Error('three default categories expected');
    // one ballot in the first category, just enough in the others: the first joins the second
    const m = mergeSmallCategories(DEFAULT_CATEGORIES, { [first.key]: 1, [second.key]: ENOUGH, [third.key]: 40 }, ENOUGH);
    expect(m.categories).toEqual([{ key: first.key, label: `${first.label}、${second.label}`, weight: first.weight + second.weight }, { ...third }]);
    expect(m.countedAs).toEqual({ [first.key]: first.key, [second.key]: first.key, [third.key]: third.key });
  });
  it('merges until no counted category is too small, or only one is left', () => {
    const all = mergeSmallCategories(DEFAULT_CATEGORIES, Object.fromEntries(keys.map((k) => [k, 2])), ENOUGH);
    expect(all.categories).toHaveLength(1);
    expect(all.categories[0]?.weight).toBe(DEFAULT_CATEGORIES.reduce((s, c) => s + c.weight, 0));
  });
  it('counts a category with no ballot nowhere, and still tells where its key would go', () => {
    const [first, second, third] = keys;
    const m = mergeSmallCategories(DEFAULT_CATEGORIES, { [first ?? '']: 0, [second ?? '']: 10, [third ?? '']: 10 }, ENOUGH);
    expect(m.categories.map((c) => c.key)).toEqual([second, third]);
    expect(m.countedAs[first ?? '']).toBe(second);
  });
});

describe('a ballot keeps its voter’s section only in a group of ballots cast big enough to hide in', () => {
  const merge = mergeSmallCategories(DEFAULT_CATEGORIES, { leader: 1, sectionHead: 6, cadre: 20 }, ENOUGH);
  const ballot = (category: string, voterSectionId: string | null) => ({ category, voterSectionId });
  it('drops the section of a group under the minimum, keeps it at the minimum', () => {
    const cast = [...Array.from({ length: MIN }, () => ballot('cadre', 'S1')), ...Array.from({ length: MIN - 1 }, () => ballot('cadre', 'S2'))];
    const sealed = sealBallots(cast, merge, MIN);
    expect(sealed.filter((b) => b.voterSectionId === 'S1')).toHaveLength(MIN);
    expect(sealed.filter((b) => b.voterSectionId === 'S2')).toHaveLength(0);
  });
  it('puts each ballot in its counting category', () => {
    const sealed = sealBallots([ballot('leader', null), ballot('sectionHead', 'S1')], merge, MIN);
    expect(sealed.map((b) => b.category)).toEqual([merge.countedAs.leader, merge.countedAs.sectionHead]);
    expect(new Set(sealed.map((b) => b.category)).size).toBe(1);
  });
});
