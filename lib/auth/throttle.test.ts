import { describe, expect, it } from 'vitest';
import { throttleWait, waitText, THROTTLE } from './users';

const now = Date.parse('2026-12-01T12:00:00Z');
const ago = (ms: number) => new Date(now - ms);

describe('sign-in throttle', () => {
  it('lets up to the limit through, then backs off doubling from the last failure', () => {
    expect(throttleWait([ago(1000), ago(2000), ago(3000), ago(4000)], [], now)).toBeNull();
    const five = [1, 2, 3, 4, 5].map((s) => ago(s * 1000));
    expect(throttleWait(five, five, now)).toEqual({ ms: 60_000 - 1000, by: 'account' });
    const six = [...five, ago(6000)];
    expect(throttleWait(six, six, now)).toEqual({ ms: 120_000 - 1000, by: 'account' });
    expect(throttleWait(five.map((d) => new Date(d.getTime() - 61_000)), [], now)).toBeNull();
    const many = Array.from({ length: 12 }, (_, i) => ago(1000 + i));
    expect(throttleWait(many, [], now)?.ms).toBe(THROTTLE.windowMinutes * 60_000 - 1000);
  });

  it('an address with 20 failures waits until the oldest of the last 20 leaves the window, and says so truly', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => ago(60_000 * (i / 2)));
    const wait = throttleWait([], twenty, now);
    expect(wait).toEqual({ ms: THROTTLE.windowMinutes * 60_000 - 60_000 * 9.5, by: 'address' });
    expect(waitText(wait!.ms)).toBe('6 minutes');
    expect(waitText(40_000)).toBe('40 seconds');
    expect(waitText(60_000)).toBe('1 minute');
  });
});
