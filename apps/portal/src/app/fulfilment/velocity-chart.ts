import { VELOCITY_CLASSES, type VelocityClass, type VelocityRow } from '@tradecounter/contracts';
import type { ChartSeries } from '../reports/report-types';

/** The most picked products shown in the chart; the table lists them all. */
export const CHART_PRODUCTS = 20;

export interface ClassSummary {
  velocityClass: VelocityClass;
  products: number;
  picks: number;
  /** Of all picks, 0 to 1. */
  share: number;
}

/** Picks per product, one series per class (a value only in its product's class), most picked first. */
export function velocitySeries(rows: readonly VelocityRow[]): { labels: string[]; series: ChartSeries[] } {
  const top = rows.slice(0, CHART_PRODUCTS);
  return {
    labels: top.map((row) => `${row.sku} ${row.name}`),
    series: VELOCITY_CLASSES.map((velocityClass) => ({
      name: `Class ${velocityClass}`,
      values: top.map((row) => (row.velocityClass === velocityClass ? row.picks : null)),
    })),
  };
}

export function classSummaries(rows: readonly VelocityRow[]): ClassSummary[] {
  const total = rows.reduce((sum, row) => sum + row.picks, 0);
  return VELOCITY_CLASSES.map((velocityClass) => {
    const of = rows.filter((row) => row.velocityClass === velocityClass);
    const picks = of.reduce((sum, row) => sum + row.picks, 0);
    return { velocityClass, products: of.length, picks, share: total ? picks / total : 0 };
  });
}
