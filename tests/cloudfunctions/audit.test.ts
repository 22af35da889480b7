/**
 * The audit trail through the local cloud: grade changes, the formula and the course's steps each leave an entry
 * in the same transaction; the admin reads them newest first and checks the chain; a record or entry changed in
 * the database behind the functions' back, a chain rewritten whole, or its newest entries dropped, is found.
 */
import type { AuditEntry } from '../../shared/audit/chain';
import { formulaFields } from '../../shared/annual/config';
import { inPark } from '../../shared/common/time';
import type { AnnualResultDoc, YearDoc } from '../../cloudfunctions/annual/src/lib';
import type { QuarterResultDoc } from '../../shared/assessment/assessment';
import readXlsxFile from 'read-excel-file/node';
import { data, startTestCloud, type TestCloud } from '../support/cloud';
import { summaryOf } from '../../cloudfunctions/audit/src/log';

let t: TestCloud;
let admin: string;
let leader: string;
const YEAR = inPark(Date.now()).year() - 1;
const LEADER_NAME = '刘欣';
const find = async <T>(coll: string, q: object = {}) => (await t.cloud.store.find(coll, q)) as T[];
/** Put a collection back as it was (the store has no update from outside: drop and insert). */
function replace(coll: string, docs: object[]) {
  t.cloud.store.drop(coll);
  if (docs.length) t.cloud.store.insertMany(coll, docs);
}

beforeAll(async () => {
  t = await startTestCloud();
  admin = await t.as('M002');
  leader = await t.as('M001');
});
afterAll(() => t.stop());

describe('the audit trail', () => {
  it('records the formula, each grade adjusted and the confirmation, with who, when and why', async () => {
    data(await t.call(admin, 'audit', 'verify', {}));
    expect(data(await t.call(admin, 'audit', 'log', {}))).toEqual({ entries: [], head: null, more: false });
    data(await t.call(admin, 'annual', 'saveFormula', { ...formulaFields(YEAR), year: YEAR, reason: '党工委会议通过本年度考核办法' }));
    data(await t.call(admin, 'annual', 'compute', { year: YEAR }));
    const ranking = data(await t.call(leader, 'annual', 'ranking', { year: YEAR }));
    const [a, b] = ranking.cadres.filter((c) => c.grade === 'competent');
    if (!a || !b) throw new Error('two 称职 cadres wanted');
    // two adjustments at once: both land, each with its own entry
    await Promise.all(
      [a, b].map(async (c) =>
        data(await t.call(leader, 'annual', 'adjust', { year: YEAR, memberId: c.memberId, grade: 'basic', reason: `${c.name}年度工作有明显差距` })),
      ),
    );
    data(await t.call(leader, 'annual', 'confirm', { year: YEAR }));
    const log = data(await t.call(admin, 'audit', 'log', {}));
    expect(log.entries.map((e) => [e.seq, e.kind])).toEqual([
      [4, 'annual.confirm'],
      [3, 'annual.adjust'],
      [2, 'annual.adjust'],
      [1, 'annual.formula'],
    ]);
    expect(log.entries[3]).toMatchObject({
      kindLabel: '修改年度考核办法',
      actorName: '李玥',
      reason: '党工委会议通过本年度考核办法',
      summary: '第1版',
    });
    const adjusted = log.entries.filter((e) => e.kind === 'annual.adjust');
    expect(adjusted.map((e) => e.summary).sort()).toEqual([a, b].map((c) => `${c.name}：称职 → 基本称职`).sort());
    expect(adjusted.every((e) => e.actorName === LEADER_NAME)).toBe(true);
    expect(log.entries[0]?.summary).toBe(`参评${ranking.year.assessed}人，优秀${ranking.year.excellentCount}人`);
    // and the year's changes keep their entries' numbers
    const [y] = await find<YearDoc>('annualYears', { _id: String(YEAR) });
    expect(y?.changes.map((c) => c.auditSeq).sort()).toEqual([2, 3]);
    const v = data(await t.call(admin, 'audit', 'verify', {}));
    // the two changes, the formula, and the results the confirmation fixed
    expect(v).toMatchObject({ ok: true, count: 4, problem: null, recordsChecked: 4, recordsMismatched: [] });
    expect(v.fingerprint).toBe(`#4·${v.head?.hash.slice(0, 16)}`);
    // the year's export carries the fingerprint of the moment it was made, to be checked against later
    const x = data(await t.call(leader, 'annual', 'export', { year: YEAR, kind: 'cadres' }));
    const sheets = await readXlsxFile(Buffer.from(await (await fetch(x.url)).arrayBuffer()));
    expect(sheets.map((s) => s.sheet)).toEqual(['干部', '说明']);
    expect(sheets[1]?.data).toContainEqual(['审计链指纹', v.fingerprint]);
    expect(sheets[1]?.data).toContainEqual(['导出人', LEADER_NAME]);
  });

  it('finds an entry edited in the database, and puts nothing right by itself', async () => {
    const entries = await find<AuditEntry & { _id: string }>('auditLog');
    replace(
      'auditLog',
      entries.map((e) => (e.seq === 2 ? { ...e, reason: '（被改过）' } : e)),
    );
    const v = data(await t.call(admin, 'audit', 'verify', {}));
    expect(v).toMatchObject({ ok: false, problem: '第2条记录的内容被改动', problemSeq: 2 });
    replace('auditLog', entries);
    expect(data(await t.call(admin, 'audit', 'verify', {})).ok).toBe(true);
  });

  it('finds a grade changed in place, which no longer agrees with its entry', async () => {
    const [y] = await find<YearDoc>('annualYears', { _id: String(YEAR) });
    if (!y) throw new Error('no year');
    const edited = { ...y, changes: y.changes.map((c, i) => (i === 0 ? { ...c, grade: 'excellent' as const } : c)) };
    replace('annualYears', [edited]);
    const v = data(await t.call(admin, 'audit', 'verify', {}));
    // the change's own entry, and the grades the confirmation fixed
    expect(v).toMatchObject({
      ok: false,
      problem: '2项记录与审计链不符',
      recordsMismatched: [`annual:${YEAR}:${y.changes[0]?.memberId}`, `annual:${YEAR}:results`],
    });
    replace('annualYears', [y]);
  });

  it('finds results in force edited in the store, or the year pointed at another run', async () => {
    const [y] = await find<YearDoc>('annualYears', { _id: String(YEAR) });
    const docs = await find<AnnualResultDoc>('annualResults', { year: YEAR, runId: y?.runId });
    const [first] = docs;
    if (!y || !first) throw new Error('no confirmed year');
    // a cadre's grade to 优秀 and their total to 99.5: what explain and the ranking would now serve
    const edited = docs.map((d) =>
      d._id === first._id
        ? {
            ...d,
            members: d.members.map((m, i) =>
              i === 0 ? { ...m, score: { ...m.score, total: 99.5 }, proposal: { ...m.proposal, grade: 'excellent' } } : m,
            ),
          }
        : d,
    );
    const others = (await find<AnnualResultDoc>('annualResults')).filter((d) => !docs.some((x) => x._id === d._id));
    replace('annualResults', [...others, ...edited]);
    expect(data(await t.call(admin, 'audit', 'verify', {}))).toMatchObject({ ok: false, recordsMismatched: [`annual:${YEAR}:results`] });
    replace('annualResults', [...others, ...docs]);
    // the year re-pointed at another run
    replace('annualYears', [{ ...y, runId: 'R-half-written' }]);
    expect(data(await t.call(admin, 'audit', 'verify', {}))).toMatchObject({ ok: false, recordsMismatched: [`annual:${YEAR}:results`] });
    replace('annualYears', [y]);
    expect(data(await t.call(admin, 'audit', 'verify', {})).ok).toBe(true);
  });

  it('finds a chain rewritten whole, or cut short, against the fingerprint noted at the last check', async () => {
    const noted = data(await t.call(admin, 'audit', 'verify', {})).head;
    if (!noted) throw new Error('no head');
    const anchor = { seq: noted.seq, hash: noted.hash.slice(0, 16) };
    expect(data(await t.call(admin, 'audit', 'verify', { anchors: [anchor] })).ok).toBe(true);
    const entries = await find<AuditEntry & { _id: string }>('auditLog');
    const heads = await find<{ _id: string; seq: number; hash: string }>('auditHead');
    // the newest entry dropped and the head wound back: the chain holds, the fingerprint does not
    const shorter = entries.filter((e) => e.seq < noted.seq);
    const last = shorter[shorter.length - 1];
    replace('auditLog', shorter);
    replace('auditHead', [{ _id: 'head', seq: last?.seq, hash: last?.hash }]);
    expect(data(await t.call(admin, 'audit', 'verify', {})).ok).toBe(true);
    expect(data(await t.call(admin, 'audit', 'verify', { anchors: [anchor] }))).toMatchObject({
      ok: false,
      problem: `第${noted.seq}条记录与已公布的指纹不符（记录链被重写）`,
    });
    replace('auditLog', entries);
    replace('auditHead', heads);
    // a fingerprint that is no fingerprint is refused, and says why
    expect(await t.call(admin, 'audit', 'verify', { anchors: [{ seq: 1, hash: 'xyz' }] })).toMatchObject({
      code: 'INVALID_INPUT',
      message: '指纹应为16至64位十六进制字符',
    });
  });

  it('finds a closed quarter’s result edited in the store after its last recount', async () => {
    const [period] = (await find<{ _id: string; status: string }>('periods')).filter((p) => p.status === 'closed');
    const results = await find<QuarterResultDoc>('quarterResults', { periodId: period?._id });
    const m = results.flatMap((d) => d.members)[0];
    if (!period || !m) throw new Error('no closed quarter');
    // a correction recounts the quarter, and its entry fixes the results as they now stand
    data(
      await t.call(admin, 'assessment', 'correct', {
        periodId: period._id,
        memberId: m.memberId,
        field: 'deductions',
        value: m.deductions + 1,
        reason: '抽查扣分漏记一项',
      }),
    );
    expect(data(await t.call(admin, 'audit', 'verify', {})).ok).toBe(true);
    const now = await find<QuarterResultDoc>('quarterResults', { periodId: period._id });
    const all = await find<QuarterResultDoc>('quarterResults');
    const raised = now.map((d, i) =>
      i === 0 ? { ...d, members: d.members.map((x, j) => (j === 0 ? { ...x, score: 99.5, grade: 'good' as const } : x)) } : d,
    );
    replace('quarterResults', [...all.filter((d) => d.periodId !== period._id), ...raised]);
    expect(data(await t.call(admin, 'audit', 'verify', {}))).toMatchObject({ ok: false, recordsMismatched: [`assessment:${period._id}:results`] });
    replace('quarterResults', all);
    expect(data(await t.call(admin, 'audit', 'verify', {})).ok).toBe(true);
  });

  it('is the admin’s alone', async () => {
    expect(await t.call(leader, 'audit', 'log', {})).toMatchObject({ code: 'FORBIDDEN' });
    expect(await t.call(await t.as('M010'), 'audit', 'verify', {})).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('each entry of the trail in words', () => {
  const entry = (kind: AuditEntry['kind'], data: AuditEntry['data']): AuditEntry => ({
    kind,
    data,
    seq: 1,
    prev: '',
    hash: '',
    actorId: 'M002',
    actorName: '李玥',
    at: 0,
    subject: '',
    reason: '',
  });
  it('says what a pay entry set or released, not a count of graded cadres', () => {
    expect(summaryOf(entry('pay.settings', { year: 2025, base: 1200000 }), new Map())).toBe('2025年度奖金基数1200000元');
    expect(summaryOf(entry('pay.release', { cadres: 74, poolFen: 118_800_050 }), new Map())).toBe('发放74人，合计1188000.50元');
  });
  it('keeps the directory’s own line', () => {
    expect(summaryOf(entry('members.change', { text: '张敏：由党政办公室调往企业服务中心' }), new Map())).toBe('张敏：由党政办公室调往企业服务中心');
  });
});
