/**
 * Timer triggers (定时触发器) as WeChat Cloud runs them: each function's `config.json` may name one trigger
 * `{"triggers":[{"name":"daily","type":"timer","config":"0 0 2 * * * *"}]}`, a seven-field cron (second, minute,
 * hour, day, month, weekday 0–6 or SUN–SAT with 0 = Sunday, year) read in UTC+8; when both day and weekday are
 * restricted, either matching fires it. A timed run is an invocation with no caller (no OPENID) and the event
 * `{ Type: 'Timer', TriggerName, Time }`; its return value goes nowhere, so the function records what it did.
 */
import fs from 'node:fs';
import path from 'node:path';

const UTC8_MS = 8 * 3600_000;
const NAME_RE = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/;
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

interface Field {
  any: boolean;
  values: Set<number>;
}

export interface Cron {
  second: Field;
  minute: Field;
  hour: Field;
  day: Field;
  month: Field;
  weekday: Field;
  year: Field;
}

const RANGES: [keyof Cron, number, number][] = [
  ['second', 0, 59],
  ['minute', 0, 59],
  ['hour', 0, 23],
  ['day', 1, 31],
  ['month', 1, 12],
  ['weekday', 0, 6],
  ['year', 1970, 2099],
];

function num(s: string, key: keyof Cron): number {
  const named = key === 'weekday' ? DAYS.indexOf(s.toUpperCase()) : -1;
  const n = named >= 0 ? named : Number(s);
  if (!Number.isInteger(n)) throw new Error(`cron: "${s}" is not a number`);
  return n;
}

function field(text: string, key: keyof Cron, min: number, max: number): Field {
  if (text === '*' || text === '?') return { any: true, values: new Set() };
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const [range = '', stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new Error(`cron: bad step in "${part}"`);
    let lo = min;
    let hi = max;
    if (range !== '*') {
      const [a = '', b] = range.split('-');
      lo = num(a, key);
      hi = b === undefined ? (stepText === undefined ? lo : max) : num(b, key);
    }
    if (lo < min || hi > max || lo > hi) throw new Error(`cron: "${part}" is outside ${min}–${max}`);
    for (let v = lo; v <= hi; v += step) values.add(v);
  }
  return { any: false, values };
}

/** Parse a seven-field cron expression; throws with the reason when it is not one. */
export function parseCron(expr: string): Cron {
  const parts = expr.trim().split(/\s+/);
  if (parts.length !== 7) throw new Error(`cron: seven fields expected, got ${parts.length}`);
  const out = {} as Cron;
  RANGES.forEach(([key, min, max], i) => {
    out[key] = field(parts[i] ?? '', key, min, max);
  });
  return out;
}

const has = (f: Field, v: number) => f.any || f.values.has(v);

/** Whether the cron fires at this instant (its whole second), read in UTC+8. */
export function fires(c: Cron, instantMs: number): boolean {
  const d = new Date(instantMs + UTC8_MS);
  const dayOk =
    c.day.any && c.weekday.any
      ? true
      : !c.day.any && !c.weekday.any
        ? has(c.day, d.getUTCDate()) || has(c.weekday, d.getUTCDay())
        : has(c.day, d.getUTCDate()) && has(c.weekday, d.getUTCDay());
  return (
    has(c.second, d.getUTCSeconds()) &&
    has(c.minute, d.getUTCMinutes()) &&
    has(c.hour, d.getUTCHours()) &&
    dayOk &&
    has(c.month, d.getUTCMonth() + 1) &&
    has(c.year, d.getUTCFullYear())
  );
}

/** The first whole second after `afterMs` at which the cron fires, looking a year ahead at most (null: not within it). */
export function nextFire(c: Cron, afterMs: number): number | null {
  let t = Math.floor(afterMs / 1000) * 1000 + 1000;
  const end = afterMs + 366 * 86_400_000;
  while (t <= end) {
    const d = new Date(t + UTC8_MS);
    // skip whole minutes, hours and days that cannot match, so a daily trigger is found in a few thousand steps
    if (!has(c.month, d.getUTCMonth() + 1) || !has(c.year, d.getUTCFullYear())) t += 86_400_000 - ((t + UTC8_MS) % 86_400_000);
    else if (!has(c.hour, d.getUTCHours())) t += 3_600_000 - ((t + UTC8_MS) % 3_600_000);
    else if (!has(c.minute, d.getUTCMinutes())) t += 60_000 - (t % 60_000);
    else if (fires(c, t)) return t;
    else t += 1000;
  }
  return null;
}

export interface TimerTrigger {
  fn: string;
  name: string;
  config: string;
  cron: Cron;
}

/** Every function's timer trigger from its config.json (a malformed one is reported and skipped, as deploying it would fail). */
export function readTriggers(functionsDir: string, warn: (m: string) => void = () => undefined): TimerTrigger[] {
  const out: TimerTrigger[] = [];
  for (const fn of fs.readdirSync(functionsDir)) {
    const file = path.join(functionsDir, fn, 'config.json');
    if (!fs.existsSync(file)) continue;
    try {
      const cfg = JSON.parse(fs.readFileSync(file, 'utf8')) as { triggers?: { name?: string; type?: string; config?: string }[] };
      const timers = (cfg.triggers ?? []).filter((t) => t.type === 'timer');
      if (timers.length > 1) throw new Error('one trigger per function');
      const t = timers[0];
      if (!t) continue;
      if (!t.name || !NAME_RE.test(t.name)) throw new Error(`bad trigger name "${t.name ?? ''}"`);
      out.push({ fn, name: t.name, config: t.config ?? '', cron: parseCron(t.config ?? '') });
    } catch (e) {
      warn(`${fn}/config.json: ${(e as Error).message}`);
    }
  }
  return out;
}

/**
 * Run each trigger on schedule: `fire(trigger, instant)` at each instant the cron names (one run at a time per
 * trigger; a tick that comes while the last run is still going is skipped, as the platform's one-instance timer
 * does not pile up). Returns the stop function.
 */
export function startTimers(
  triggers: TimerTrigger[],
  fire: (t: TimerTrigger, at: number) => Promise<void>,
  clock: () => number = Date.now,
): () => void {
  const handles = new Map<string, ReturnType<typeof setTimeout>>();
  let stopped = false;
  const schedule = (t: TimerTrigger, running: { on: boolean }) => {
    const now = clock();
    const next = nextFire(t.cron, now);
    if (stopped) return;
    // nothing within a year (a trigger for a later year): look again in a day
    if (next === null) {
      handles.set(
        t.fn,
        setTimeout(() => schedule(t, running), 86_400_000),
      );
      return;
    }
    handles.set(
      t.fn,
      setTimeout(
        () => {
          if (!running.on) {
            running.on = true;
            void fire(t, next).finally(() => (running.on = false));
          }
          schedule(t, running);
        },
        Math.max(0, next - now),
      ),
    );
  };
  for (const t of triggers) schedule(t, { on: false });
  return () => {
    stopped = true;
    for (const h of handles.values()) clearTimeout(h);
  };
}
