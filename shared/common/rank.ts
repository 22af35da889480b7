/** Competition ranking ("1, 2, 2, 4"): equal scores share a rank and the next rank is skipped. */
export function competitionRanks(scores: number[]): number[] {
  const order = scores.map((s, i) => ({ s, i })).sort((a, b) => b.s - a.s);
  const ranks = new Array<number>(scores.length).fill(0);
  order.forEach((x, pos) => {
    const prev = order[pos - 1];
    ranks[x.i] = prev && prev.s === x.s ? (ranks[prev.i] ?? pos + 1) : pos + 1;
  });
  return ranks;
}
