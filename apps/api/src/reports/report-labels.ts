import { channelDisplayName, timeGroupLabel } from '@tradecounter/domain';
import type { ReturnReason } from '@tradecounter/contracts';

/**
 * A report row's label as people read it, the same on the screen and in
 * the CSV: days, weeks and months in the display date style, channels by
 * their display names; the SQL's own label otherwise (account, product …).
 */
export function displayLabel(groupBy: string, row: { key: string; label: string }): string {
  switch (groupBy) {
    case 'day':
    case 'week':
    case 'month':
      return timeGroupLabel(groupBy, row.key);
    case 'channel':
      return channelDisplayName(row.key);
    default:
      return row.label;
  }
}

const RETURN_REASON_LABELS: Record<ReturnReason, string> = {
  damaged: 'Damaged',
  defective: 'Defective',
  wrong_item: 'Wrong item',
  not_needed: 'Not needed',
  other: 'Other',
};

/** A return reason as people read it (the return-rate report's rows and CSV). */
export function returnReasonLabel(reason: ReturnReason): string {
  return RETURN_REASON_LABELS[reason];
}
