/**
 * SQL for the groupings every report shares, over a rollup `s` (with `day`,
 * `account_id`, `channel`), its account `a` and the account manager `m`.
 * `group`: what rows are grouped on when not the key itself (a date groups
 * faster than its text); `days`: needs daily rows (a month does not).
 */
export interface GroupingSql {
  key: string;
  label: string;
  timeline?: true;
  days?: true;
  group?: string;
}

export const TIME_GROUPINGS = {
  day: {
    key: `to_char(s.day, 'YYYY-MM-DD')`,
    label: `to_char(s.day, 'YYYY-MM-DD')`,
    timeline: true,
    days: true,
    group: 's.day',
  },
  week: {
    key: `to_char(date_trunc('week', s.day), 'YYYY-MM-DD')`,
    label: `'Week of ' || to_char(date_trunc('week', s.day), 'YYYY-MM-DD')`,
    timeline: true,
    days: true,
    group: `date_trunc('week', s.day)`,
  },
  month: {
    key: `to_char(date_trunc('month', s.day), 'YYYY-MM')`,
    label: `to_char(date_trunc('month', s.day), 'YYYY-MM')`,
    timeline: true,
    group: `date_trunc('month', s.day)`,
  },
} as const satisfies Record<'day' | 'week' | 'month', GroupingSql>;

export const ACCOUNT_GROUPING = {
  key: 's.account_id::text',
  label: `min(a.code || ' — ' || a.name)`,
} as const;
export const CHANNEL_GROUPING = { key: 's.channel', label: 's.channel' } as const;
export const ACCOUNT_MANAGER_GROUPING = {
  key: `coalesce(a.account_manager_id::text, '')`,
  label: `coalesce(min(m.name), 'No account manager')`,
} as const;
