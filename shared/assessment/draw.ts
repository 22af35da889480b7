/**
 * The spot-check draw (不定期抽查的随机抽取) as a commit–reveal scheme, so that nobody — the leader drawing, the
 * admin, the operator of the cloud — can choose who is drawn:
 * - Each quarter has one secret seed (32 random bytes, made by the cloud, never by a caller). Its SHA-256
 *   fingerprint is published from the moment it exists, before the first draw of the quarter, and never changes.
 * - Draw number n of the quarter shuffles the candidates (sorted ids, recorded with the draw) with a sub-seed
 *   derived from (seed, quarter, n). Draws are numbered in order and every one is kept, so drawing again until
 *   the names suit shows as draws 2, 3, 4… next to draw 1.
 * - Once the quarter is closed the seed is revealed; then anyone holding it can check the fingerprint and redo
 *   every draw of the quarter, name for name (verifyDraws).
 * What it does not stop: someone who can read the live database (the cloud's operator) could read the seed before
 * the reveal and predict draws. That is the platform's trust boundary, said in the README.
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { seededRandom } from '../common/random';

/** `spotSeeds/{periodId}`: the quarter's committed seed and how many draws have used it. */
export interface SpotSeedDoc {
  _id: string;
  /** 64 hex digits; secret until the quarter is closed. */
  seed: string;
  /** SHA-256 of the seed's text, hex: published. */
  seedHash: string;
  committedAt: number;
  /** Draws made with it so far; the next draw is number draws + 1. */
  draws: number;
}

/** `spotDraws/{id}`: draw number `n` of a quarter, reproducible from the quarter's seed once revealed. */
export interface SpotDrawDoc {
  _id: string;
  periodId: string;
  n: number;
  pool: 'section' | 'member';
  /** The candidates, sorted: the draw depends on them, the seed and n only. */
  candidates: string[];
  count: number;
  picked: string[];
  by: string;
  at: number;
}

export const SEED_PATTERN = /^[0-9a-f]{64}$/;

export function seedFingerprint(seed: string): string {
  return bytesToHex(sha256(utf8ToBytes(seed)));
}

/** The 32-bit sub-seed of draw n: the first four bytes of SHA-256("seed:quarter:n"). */
export function drawSubSeed(seed: string, periodId: string, n: number): number {
  const h = sha256(utf8ToBytes(`${seed}:${periodId}:${n}`));
  return (((h[0] ?? 0) << 24) | ((h[1] ?? 0) << 16) | ((h[2] ?? 0) << 8) | (h[3] ?? 0)) >>> 0;
}

/** Draw `count` of `candidates` (sorted first) with a seeded Fisher–Yates shuffle. Same inputs, same draw. */
export function drawTargets(candidates: string[], count: number, seed: number): string[] {
  const pool = [...candidates].sort();
  const rnd = seededRandom(seed);
  for (let i = pool.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rnd() * (i + 1));
    [pool[i], pool[j]] = [pool[j] as string, pool[i] as string];
  }
  return pool.slice(0, Math.max(0, Math.min(count, pool.length)));
}

/** Draw number n of a quarter from its seed. */
export function drawNumbered(seed: string, periodId: string, n: number, candidates: string[], count: number): string[] {
  return drawTargets(candidates, count, drawSubSeed(seed, periodId, n));
}

export type DrawCheck = { ok: true } | { ok: false; problem: string };

/**
 * Check a revealed seed against its published fingerprint and redo every draw made with it: the draws must be
 * numbered 1..k without a gap, and each must pick exactly what the seed gives for its candidates.
 */
export function verifyDraws(
  commitment: { periodId: string; seedHash: string; seed: string },
  draws: (Pick<SpotDrawDoc, 'n' | 'candidates' | 'count'> & { picked: readonly (string | { id: string })[] })[],
): DrawCheck {
  if (!SEED_PATTERN.test(commitment.seed)) return { ok: false, problem: '种子格式不正确' };
  if (seedFingerprint(commitment.seed) !== commitment.seedHash) return { ok: false, problem: '种子与事先公布的指纹不符' };
  const sorted = [...draws].sort((a, b) => a.n - b.n);
  for (const [i, d] of sorted.entries()) {
    if (d.n !== i + 1) return { ok: false, problem: `抽取编号不连续：缺少第${i + 1}次` };
    const again = drawNumbered(commitment.seed, commitment.periodId, d.n, d.candidates, d.count);
    const recorded = d.picked.map((p) => (typeof p === 'string' ? p : p.id));
    if (again.length !== recorded.length || again.some((id, k) => id !== recorded[k])) {
      return { ok: false, problem: `第${d.n}次抽取的结果与种子复算不一致` };
    }
  }
  return { ok: true };
}
