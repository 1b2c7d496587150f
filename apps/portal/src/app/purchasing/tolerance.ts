/**
 * The receipt tolerance is a share (0 to 1) on the wire and a percent on
 * screen. Rounded to a tenth of a percent both ways, so 0.1 shows as 10 and
 * 12.5 % is sent as 0.125 without float noise (0.1 + 0.2 style).
 */
export function percentFromShare(share: number): number {
  return Math.round(share * 1000) / 10;
}

export function shareFromPercent(percent: number): number {
  return Math.round(percent * 10) / 1000;
}
