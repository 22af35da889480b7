/** Small measuring helpers for `npm run bench`: figures, never pass/fail. */
export interface Timing {
  count: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? 0;
}

/** Run `n` operations with `concurrency` in flight; latency of each in ms. */
export async function measure(n: number, concurrency: number, op: (i: number) => Promise<unknown>): Promise<Timing> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const i = next;
        next += 1;
        if (i >= n) return;
        const t0 = performance.now();
        await op(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    count: n,
    seconds,
    perSecond: n / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? 0,
  };
}

export function row(label: string, t: Timing): string {
  return `${label.padEnd(44)} ${t.count.toString().padStart(5)} ops  ${t.perSecond.toFixed(0).padStart(6)}/s  p50 ${t.p50.toFixed(1).padStart(6)} ms  p99 ${t.p99.toFixed(1).padStart(6)} ms`;
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KB`;
}

/** What the local cloud's gateway answers: a function's reply, a platform failure, or the dev login's token. */
export type GatewayReply = {
  result?: { code: number | string; message?: string; data?: Record<string, unknown> };
  errCode?: number;
  errMsg?: string;
  token?: string;
};

/** A POST to the local cloud's gateway (the dev login, the subscription dialog, a function call with the session). */
export function gateway(url: string) {
  return async (path: string, body: unknown, token?: string) =>
    (await (
      await fetch(`${url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { 'x-session': token } : {}) },
        body: JSON.stringify(body),
      })
    ).json()) as GatewayReply;
}
