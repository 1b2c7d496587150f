/** What report panels and charts show: plain data, no Angular, so pure helpers and their tests can use it. */

export interface ReportColumn {
  key: string;
  header: string;
  numeric?: boolean;
}

/** A table row already formatted for display; `link` makes its first cell a link. */
export interface ReportRow {
  key: string;
  cells: Record<string, string>;
  link?: string;
  /** A marker after the first cell, in words beside an icon (e.g. "High returns"): never colour alone. */
  flag?: string;
}

/** One series of a chart: its name and a value per label. */
export interface ChartSeries {
  name: string;
  /** Null where there is nothing to measure: a gap, never a zero. */
  values: (number | null)[];
  /** Drawn dashed: a companion of the series before it (e.g. against the current promise). */
  dashed?: boolean;
}
