/**
 * A crash of the local cloud in the middle of the year-end vote: kill -9 while ballots stream in. Afterwards every
 * acknowledged ballot is there, no ballot is without its "voted" mark or the other way round, and whoever was cut
 * off can still vote.
 */
import { join } from 'path';
import { demoOpenid } from '../../demo/park';
import { seedDemo } from '../../demo/seed';
import type { MemberDoc } from '../../shared/members/member';
import { DEFAULT_DIMENSIONS, type Ratings } from '../../shared/votes/config';
import { startLocalCloud } from '../../localcloud/src/index';
import { exited, startChildCloud, tempDataDir } from '../localcloud/helpers';
import { postJson, repoRoot, TEST_PLAN } from '../support/cloud';
import { newReceipt } from '../support/client';

const FUNCTIONS = join(repoRoot, 'cloudfunctions');
const leaders = ['M001', 'M002', 'M003', 'M004', 'M005', 'M006', 'M007'];

const startChild = (dataDir: string) => startChildCloud(dataDir, FUNCTIONS);

/** A valid ballot: everyone but the voter 称职, one 优秀, 廉 基本称职 for variety. */
function ballot(voter: string): Ratings {
  const others = leaders.filter((l) => l !== voter);
  return Object.fromEntries(
    others.map((l, i) => [
      l,
      Object.fromEntries(DEFAULT_DIMENSIONS.map((d) => [d.key, i === 0 ? 'excellent' : d.key === 'lian' ? 'basic' : 'competent'])),
    ]),
  );
}

test('kill -9 mid-burst loses no acknowledged ballot and leaves none half written', async () => {
  const dataDir = tempDataDir('vote-crash');
  // Set the scene in-process: the demo park and an open 班子测评.
  const setup = await startLocalCloud({ dataDir, functionsDir: FUNCTIONS, port: 0, demo: true, plan: TEST_PLAN });
  seedDemo(setup.store, Date.now());
  const voters = (setup.store.find('members', { bound: true, roles: 'cadre' }) as MemberDoc[]).map((m) => m._id);
  const call = async (url: string, token: string, action: string, input: object) =>
    (await postJson(`${url}/api/call`, { name: 'votes', data: { action, input } }, { 'x-session': token })) as {
      result?: { code: number | string; data?: { id?: string; receipt?: string } };
    };
  const login = async (url: string, id: string) => String((await postJson(`${url}/api/dev/login`, { openid: demoOpenid(id) })).token);
  const admin = await login(setup.url, 'M002');
  const campaignId = String((await call(setup.url, admin, 'create', { title: '崩溃测试', kind: 'rate_leadership', year: 2026 })).result?.data?.id);
  await call(setup.url, admin, 'open', { campaignId });
  await setup.stop();

  const first = await startChild(dataDir);
  const tokens = await Promise.all(voters.map((v) => login(first.url, v)));
  const acked: string[] = [];
  let next = 0;
  const worker = async () => {
    for (;;) {
      const i = next;
      next += 1;
      if (i >= voters.length) return;
      try {
        const r = await call(first.url, tokens[i] ?? '', 'submit', { receipt: newReceipt(), campaignId, ratings: ballot(voters[i] ?? '') });
        if (r.result?.code === 0 && r.result.data?.receipt) acked.push(r.result.data.receipt);
      } catch {
        return; // the cloud is gone
      }
    }
  };
  const streams = Array.from({ length: 8 }, worker);
  while (acked.length < 15) await new Promise((r) => setTimeout(r, 20));
  first.child.kill('SIGKILL');
  await exited(first.child);
  await Promise.all(streams);
  expect(acked.length).toBeLessThan(voters.length); // the crash did cut the burst short

  const after = await startLocalCloud({ dataDir, functionsDir: FUNCTIONS, port: 0, demo: true, plan: TEST_PLAN });
  try {
    const stored = new Set((after.store.find('voteBallots', { campaignId }) as { _id: string }[]).map((b) => b._id));
    expect(acked.filter((r) => !stored.has(r))).toEqual([]);
    const marked = after.store.count('voteRolls', { campaignId, voted: true });
    expect(stored.size).toBe(marked);

    // Those cut off vote now; those counted are refused.
    const unvoted = voters.filter((v) => after.store.count('voteRolls', { campaignId, memberId: v, voted: false }) > 0);
    const votedOne = voters.find((v) => !unvoted.includes(v)) ?? '';
    const late = unvoted[0] ?? '';
    expect(
      (await call(after.url, await login(after.url, late), 'submit', { receipt: newReceipt(), campaignId, ratings: ballot(late) })).result?.code,
    ).toBe(0);
    expect(
      (await call(after.url, await login(after.url, votedOne), 'submit', { receipt: newReceipt(), campaignId, ratings: ballot(votedOne) })).result
        ?.code,
    ).toBe('CONFLICT');
  } finally {
    await after.stop();
  }
});
