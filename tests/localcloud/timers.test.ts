/**
 * Timer triggers as WeChat Cloud runs them: the seven-field cron of a function's config.json, read in UTC+8 (day or
 * weekday, names, ranges, steps), the next instant it fires, malformed triggers refused; and a local cloud started
 * with timers running a function on schedule as the platform does, with the timer event and no caller.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fires, nextFire, parseCron, readTriggers } from '../../localcloud/src/timers';
import { startTestCloud } from './helpers';

const at = (iso: string) => Date.parse(iso);

describe('the cron of a timer trigger', () => {
  it('fires daily at 02:00 China time', () => {
    const c = parseCron('0 0 2 * * * *');
    // 10:00 on 2 December (UTC+8) → 02:00 on 3 December, i.e. 18:00 UTC on the 2nd
    expect(new Date(nextFire(c, at('2026-12-02T10:00:00+08:00')) ?? 0).toISOString()).toBe('2026-12-02T18:00:00.000Z');
    expect(fires(c, at('2026-12-03T02:00:00+08:00'))).toBe(true);
    expect(fires(c, at('2026-12-03T02:00:01+08:00'))).toBe(false);
  });

  it('reads weekday names and ranges, steps, and fires on either the day or the weekday when both are given', () => {
    // Saturday 5 December → Monday 7 December 09:30
    expect(new Date(nextFire(parseCron('0 30 9 * * MON-FRI *'), at('2026-12-05T08:00:00+08:00')) ?? 0).toISOString()).toBe(
      '2026-12-07T01:30:00.000Z',
    );
    const firstOrMonday = parseCron('0 0 8 1 * 1 *');
    expect(fires(firstOrMonday, at('2026-12-01T08:00:00+08:00'))).toBe(true); // the 1st (a Tuesday)
    expect(fires(firstOrMonday, at('2026-12-07T08:00:00+08:00'))).toBe(true); // a Monday
    expect(fires(firstOrMonday, at('2026-12-08T08:00:00+08:00'))).toBe(false);
    const quarterMinutes = parseCron('0 */15 * * * * *');
    expect([0, 15, 30, 45, 10].map((m) => fires(quarterMinutes, at(`2026-12-02T10:${String(m).padStart(2, '0')}:00+08:00`)))).toEqual([
      true,
      true,
      true,
      true,
      false,
    ]);
    // only in 2027
    expect(new Date(nextFire(parseCron('0 0 0 1 1 * 2027'), at('2026-12-02T00:00:00+08:00')) ?? 0).toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(nextFire(parseCron('0 0 0 1 1 * 2030'), at('2026-12-02T00:00:00+08:00'))).toBeNull();
  });

  it('refuses what is not a seven-field cron', () => {
    expect(() => parseCron('0 0 2 * * *')).toThrow('seven fields expected, got 6');
    expect(() => parseCron('0 60 2 * * * *')).toThrow('outside 0–59');
    expect(() => parseCron('0 x 2 * * * *')).toThrow('is not a number');
    expect(() => parseCron('0 */0 2 * * * *')).toThrow('bad step');
  });

  it('is read from each function’s config.json: one timer trigger, a proper name', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yardstick-triggers-'));
    const fn = (name: string, cfg: object) => {
      fs.mkdirSync(path.join(dir, name));
      fs.writeFileSync(path.join(dir, name, 'config.json'), JSON.stringify(cfg));
    };
    fn('daily', { triggers: [{ name: 'daily', type: 'timer', config: '0 0 2 * * * *' }] });
    fn('two', {
      triggers: [
        { name: 'a', type: 'timer', config: '* * * * * * *' },
        { name: 'b', type: 'timer', config: '* * * * * * *' },
      ],
    });
    fn('badName', { triggers: [{ name: '1st', type: 'timer', config: '* * * * * * *' }] });
    fn('none', { timeout: 3 });
    const warnings: string[] = [];
    expect(readTriggers(dir, (m) => warnings.push(m)).map((t) => [t.fn, t.name])).toEqual([['daily', 'daily']]);
    expect(warnings.sort()).toEqual(['badName/config.json: bad trigger name "1st"', 'two/config.json: one trigger per function']);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('a local cloud with timers', () => {
  it('runs a timed function on schedule with the timer event and no caller; without timers it does not', async () => {
    const off = await startTestCloud('timers-off');
    const on = await startTestCloud('timers-on', { timers: true });
    try {
      await new Promise((r) => setTimeout(r, 3500));
      const ticks = on.store.find('ticks') as { type: string; trigger: string; time: string; openid: string }[];
      expect(ticks.length).toBeGreaterThanOrEqual(2);
      expect(ticks.every((x) => x.type === 'Timer' && x.trigger === 'everySecond' && x.openid === '')).toBe(true);
      // each run at its own whole second
      expect(new Set(ticks.map((x) => x.time)).size).toBe(ticks.length);
      expect(ticks.every((x) => x.time.endsWith('.000Z'))).toBe(true);
      expect(off.store.count('ticks')).toBe(0);
    } finally {
      await on.stop();
      await off.stop();
    }
  });
});
