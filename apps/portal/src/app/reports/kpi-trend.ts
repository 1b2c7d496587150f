import { moneyChange, parseMoney, periodChange } from '@tradecounter/domain';

/** Which way a figure should move: more sales is good, a longer cycle time is bad, backlog is neither. */
export type Better = 'higher' | 'lower' | 'neither';

export interface Trend {
  direction: 'up' | 'down' | 'flat' | 'none';
  /** What the arrow means for the business. */
  tone: 'good' | 'bad' | 'neutral';
  /** The change as shown: "+12.5%", "−3.1 pts", "new", or "" without a comparison. */
  change: string;
}

const NO_TREND: Trend = { direction: 'none', tone: 'neutral', change: '' };

function toneOf(direction: Trend['direction'], better: Better): Trend['tone'] {
  if (better === 'neither' || direction === 'flat' || direction === 'none') return 'neutral';
  return (direction === 'up') === (better === 'higher') ? 'good' : 'bad';
}

function signed(value: number, direction: 'up' | 'down', unit: string): string {
  return `${direction === 'up' ? '+' : '−'}${Math.abs(value).toFixed(1)}${unit}`;
}

/**
 * Relative change of an amount or a count, against the period before, as
 * the domain measures it (moneyChange in whole cents, periodChange for
 * counts and durations).
 */
export function relativeTrend(
  current: string | number | null,
  previous: string | number | null,
  better: Better,
): Trend {
  if (current === null || previous === null) return NO_TREND;
  const change =
    typeof current === 'string' || typeof previous === 'string'
      ? moneyChange(parseMoney(String(current)), parseMoney(String(previous)))
      : periodChange(current, previous);
  const difference = Number(change.difference);
  if (difference === 0) return { direction: 'flat', tone: 'neutral', change: '0%' };
  const direction = difference > 0 ? 'up' : 'down';
  if (change.relative === null) return { direction, tone: toneOf(direction, better), change: 'new' };
  // Tenths of a percent, toward zero (the relative change comes to a millionth).
  const tenths = Math.trunc(Math.round(change.relative * 1_000_000) / 1_000);
  return { direction, tone: toneOf(direction, better), change: signed(tenths / 10, direction, '%') };
}

/** Change of a share (0–1) in percentage points: 91% → 94% is "+3.0 pts", not "+3.3%". */
export function shareTrend(current: number | null, previous: number | null, better: Better): Trend {
  const points = (periodChange(current, previous).difference ?? Number.NaN) * 100;
  if (Number.isNaN(points)) return NO_TREND;
  if (Math.abs(points) < 0.05) return { direction: 'flat', tone: 'neutral', change: '0 pts' };
  const direction = points > 0 ? 'up' : 'down';
  return { direction, tone: toneOf(direction, better), change: signed(points, direction, ' pts') };
}
