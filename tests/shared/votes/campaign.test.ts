import { closeSteps, type CampaignDoc } from '../../../shared/votes/campaign';

const NOW = Date.parse('2026-12-21T10:00:00Z');
type Closing = Pick<CampaignDoc, 'status' | 'opensAt' | 'closesAt' | 'rollClosed' | 'sealed'>;
const byCommand: Closing = { status: 'closed', opensAt: null, closesAt: null };
const byTime = (closesAt: number): Closing => ({ status: 'draft', opensAt: NOW - 86_400_000, closesAt });

describe('a campaign is sealed at its close, whoever looks (不记名: shared/votes/secrecy.ts)', () => {
  it('closes the roll, counts, seals and says so, in that order, once closed on command', () => {
    expect(closeSteps(byCommand, null, NOW)).toEqual(['closeRoll', 'count', 'seal', 'markSealed']);
  });

  it('does the same for a campaign that closed on its time, from its closing instant on, and nothing a moment before', () => {
    expect(closeSteps(byTime(NOW + 1), null, NOW)).toEqual([]);
    expect(closeSteps(byTime(NOW), null, NOW)).toEqual(['closeRoll', 'count', 'seal', 'markSealed']);
    expect(closeSteps({ status: 'open', opensAt: null, closesAt: NOW - 1 }, null, NOW)).toEqual(['closeRoll', 'count', 'seal', 'markSealed']);
  });

  it('never counts before the roll is closed, and resumes a close cut short where it stopped', () => {
    const rollClosed = { ...byCommand, rollClosed: true };
    expect(closeSteps(rollClosed, null, NOW)).toEqual(['count', 'seal', 'markSealed']);
    // counted, two ballots still to rewrite
    expect(closeSteps(rollClosed, { pendingSeal: [1, 2] }, NOW)).toEqual(['seal', 'markSealed']);
    expect(closeSteps(rollClosed, { pendingSeal: [] }, NOW)).toEqual(['markSealed']);
    // a count made before the roll was closed (an older close): the roll is still closed first, nothing recounted
    expect(closeSteps(byCommand, { pendingSeal: [] }, NOW)).toEqual(['closeRoll', 'markSealed']);
  });

  it('has nothing to do for an open campaign or a sealed one', () => {
    expect(closeSteps({ status: 'open', opensAt: null, closesAt: null }, null, NOW)).toEqual([]);
    expect(closeSteps({ ...byCommand, rollClosed: true, sealed: true }, null, NOW)).toEqual([]);
  });
});
