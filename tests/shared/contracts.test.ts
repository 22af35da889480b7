import { contracts } from '../../shared/contracts';
import { LIMITS } from '../../shared/common/config';
import '../../shared/common/zod-locale';

const visit = contracts.dossier.recordVisit.input;
const good = { enterpriseId: 'E001', date: '2026-11-20', note: '了解企业用工需求' };

describe('the recordVisit contract', () => {
  it('accepts a plain visit and defaults to no photos', () => {
    const r = visit.safeParse(good);
    expect(r.success && r.data.photoFileIds).toEqual([]);
  });
  it('refuses a note over the limit with a Chinese message, and accepts one at the limit', () => {
    expect(visit.safeParse({ ...good, note: '访'.repeat(LIMITS.reportNoteMax) }).success).toBe(true);
    const r = visit.safeParse({ ...good, note: '访'.repeat(LIMITS.reportNoteMax + 1) });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe(`走访情况不超过${LIMITS.reportNoteMax}字`);
  });
  it('refuses more photos than allowed', () => {
    const ids = Array.from({ length: LIMITS.photosPerReport + 1 }, (_, i) => `cloud://e.b/reports/M1/${i}.jpg`);
    expect(visit.safeParse({ ...good, photoFileIds: ids }).success).toBe(false);
    expect(visit.safeParse({ ...good, photoFileIds: ids.slice(1) }).success).toBe(true);
  });
  it('refuses unknown fields, such as an attempt to name who reports', () => {
    expect(visit.safeParse({ ...good, memberId: 'M999' }).success).toBe(false);
  });
  it('refuses ids with characters that could reach a query', () => {
    expect(visit.safeParse({ ...good, enterpriseId: '{"$ne":1}' }).success).toBe(false);
  });
});

describe('the bind contract', () => {
  it('reads a code typed in lower case', () => {
    const r = contracts.members.bind.input.safeParse({ code: ' abcd2345 ' });
    expect(r.success && r.data.code).toBe('ABCD2345');
  });
  it('refuses a code with letters that are never issued', () => {
    expect(contracts.members.bind.input.safeParse({ code: 'ABCD0O1I' }).success).toBe(false);
  });
});
