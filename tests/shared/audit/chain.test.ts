/** The audit chain's rule: each entry hashes its fields and its predecessor's hash; the check finds what changed. */
import {
  canonical,
  digest,
  entryHash,
  fingerprintText,
  GENESIS,
  nextEntry,
  parseFingerprint,
  verifyChain,
  type AuditEntry,
  type AuditFields,
} from '../../../shared/audit/chain';

const fields = (n: number): AuditFields => ({
  kind: 'annual.adjust',
  actorId: 'M001',
  actorName: '张书记',
  at: 1_760_000_000_000 + n,
  subject: `annual:2025:M0${10 + n}`,
  reason: `班子研究调整 ${n}`,
  data: { memberId: `M0${10 + n}`, grade: 'competent', from: 'excellent' },
});

function chain(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (let i = 1; i <= n; i += 1) {
    const prev = out[out.length - 1];
    out.push(nextEntry(prev ? { seq: prev.seq, hash: prev.hash } : null, fields(i)));
  }
  return out;
}
const headOf = (c: AuditEntry[]) => {
  const e = c[c.length - 1];
  return e ? { seq: e.seq, hash: e.hash } : null;
};

describe('the audit chain', () => {
  it('hashes canonical JSON: the same fields in any key order give the same hash', () => {
    expect(canonical({ b: 1, a: [{ d: null, c: 'x' }] })).toBe('{"a":[{"c":"x","d":null}],"b":1}');
    expect(digest({ b: 1, a: 2 })).toBe(digest({ a: 2, b: 1 }));
    expect(digest({ a: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });

  it('links each entry to the one before, from GENESIS', () => {
    const c = chain(3);
    expect(c.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(c[0]?.prev).toBe(GENESIS);
    expect(c[1]?.prev).toBe(c[0]?.hash);
    expect(c[2]?.prev).toBe(c[1]?.hash);
    expect(verifyChain(c, headOf(c))).toEqual({ ok: true, count: 3, head: headOf(c), problem: null });
    expect(verifyChain([], null)).toEqual({ ok: true, count: 0, head: null, problem: null });
  });

  it('finds a changed field, a removed entry, an inserted one, and a head that does not match', () => {
    const c = chain(4);
    const changed = c.map((e) => (e.seq === 2 ? { ...e, reason: '改过的理由' } : e));
    expect(verifyChain(changed, headOf(c)).problem).toEqual({ kind: 'altered', seq: 2 });
    const grade = c.map((e) => (e.seq === 3 ? { ...e, data: { ...e.data, grade: 'excellent' } } : e));
    expect(verifyChain(grade, headOf(c)).problem).toEqual({ kind: 'altered', seq: 3 });
    // entry 2 taken out and the rest renumbered, their hashes recomputed but not their links: the link breaks
    const removed = [c[0], c[2], c[3]].map((e, i) => {
      const moved = { ...(e as AuditEntry), seq: i + 1 };
      return { ...moved, hash: entryHash(moved) };
    });
    expect(verifyChain(removed, headOf(removed)).problem).toEqual({ kind: 'unlinked', seq: 2 });
    // or simply missing
    expect(verifyChain([c[0], c[2], c[3]] as AuditEntry[], headOf(c)).problem).toEqual({ kind: 'gap', seq: 2 });
    // the newest dropped, the head left as it was
    expect(verifyChain(c.slice(0, 3), headOf(c)).problem).toEqual({ kind: 'head', seq: 4 });
  });

  it('finds a chain rewritten whole against a fingerprint noted before', () => {
    const c = chain(4);
    const noted = { seq: 3, hash: (c[2]?.hash ?? '').slice(0, 16) };
    expect(verifyChain(c, headOf(c), [noted]).ok).toBe(true);
    // entry 2's grade changed and every hash after it recomputed: on its own the chain holds
    const rewritten: AuditEntry[] = [];
    for (const e of c) {
      const prev = rewritten[rewritten.length - 1];
      const f = e.seq === 2 ? { ...fields(2), data: { ...fields(2).data, grade: 'excellent' } } : fields(e.seq);
      rewritten.push(nextEntry(prev ? { seq: prev.seq, hash: prev.hash } : null, f));
    }
    expect(verifyChain(rewritten, headOf(rewritten)).ok).toBe(true);
    expect(verifyChain(rewritten, headOf(rewritten), [noted]).problem).toEqual({ kind: 'anchor', seq: 3 });
    // the newest entries dropped and the head wound back: a fingerprint of a later entry finds it
    expect(verifyChain(c.slice(0, 2), headOf(c.slice(0, 2)), [noted]).problem).toEqual({ kind: 'anchor', seq: 3 });
    // a fingerprint too short to mean anything matches nothing
    expect(verifyChain(c, headOf(c), [{ seq: 3, hash: 'ab' }]).ok).toBe(false);
  });
});

describe('a fingerprint', () => {
  it('is written #seq·16 hex digits and read back however it was typed', () => {
    const h = { seq: 12, hash: '3f9a0c1d2e4b5a6978877665544332211' };
    expect(fingerprintText(h)).toBe('#12·3f9a0c1d2e4b5a69');
    expect(parseFingerprint('#12·3f9a0c1d2e4b5a69')).toEqual({ seq: 12, hash: '3f9a0c1d2e4b5a69' });
    expect(parseFingerprint(' 12 3F9A0C1D2E4B5A69 ')).toEqual({ seq: 12, hash: '3f9a0c1d2e4b5a69' });
    expect(parseFingerprint('#12：3f9a0c1d2e4b5a69')).toEqual({ seq: 12, hash: '3f9a0c1d2e4b5a69' });
    expect(parseFingerprint('#12·3f9a')).toBeNull();
    expect(parseFingerprint('3f9a0c1d2e4b5a69')).toBeNull();
  });
});
