import { parseMoney } from '@tradecounter/domain';

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
 * Relative change of an amount or a count, against the period before.
 * Money comes as decimal strings and is compared in whole cents.
 */
export function relativeTrend(
  current: string | number | null,
  previous: string | number | null,
  better: Better,
): Trend {
  if (current === null || previous === null) return NO_TREND;
  const now = typeof current === 'string' ? parseMoney(current) : BigInt(Math.round(current * 1000));
  const before = typeof previous === 'string' ? parseMoney(previous) : BigInt(Math.round(previous * 1000));
  if (now === before) return { direction: 'flat', tone: 'neutral', change: '0%' };
  const direction = now > before ? 'up' : 'down';
  if (before === 0n) return { direction, tone: toneOf(direction, better), change: 'new' };
  // Tenths of a percent in integers, so large amounts keep their precision.
  const tenths = Number(((now - before) * 1000n) / (before < 0n ? -before : before));
  return { direction, tone: toneOf(direction, better), change: signed(tenths / 10, direction, '%') };
}

/** Change of a share (0–1) in percentage points: 91% → 94% is "+3.0 pts", not "+3.3%". */
export function shareTrend(current: number | null, previous: number | null, better: Better): Trend {
  if (current === null || previous === null) return NO_TREND;
  const points = (current - previous) * 100;
  if (Math.abs(points) < 0.05) return { direction: 'flat', tone: 'neutral', change: '0 pts' };
  const direction = points > 0 ? 'up' : 'down';
  return { direction, tone: toneOf(direction, better), change: signed(points, direction, ' pts') };
}
