import {
  RETURN_REASONS,
  RETURN_STATUSES,
  type ReturnReason,
  type ReturnResolution,
  type ReturnStatus,
} from '@tradecounter/contracts';

const REASON_LABELS: Record<ReturnReason, string> = {
  damaged: 'Damaged',
  defective: 'Defective',
  wrong_item: 'Wrong item',
  not_needed: 'Not needed',
  other: 'Other',
};

const STATUS_LABELS: Record<ReturnStatus, string> = {
  requested: 'Requested',
  approved: 'Approved',
  rejected: 'Rejected',
  received: 'Received',
  credited: 'Credited',
};

/** What the status means on the return page; the audience changes who acts next. */
const STATUS_EXPLANATIONS: Record<ReturnStatus, { customer: string; staff: string }> = {
  requested: {
    customer: 'Your account manager is reviewing this return. Keep the goods until it is approved.',
    staff: 'The customer waits for a decision: approve (credit or replace each line) or reject.',
  },
  approved: {
    customer: 'Approved: send the goods back with the return instructions (print them below).',
    staff: 'Approved: waiting for the goods to arrive at the warehouse.',
  },
  rejected: { customer: 'This return was rejected.', staff: 'This return was rejected.' },
  received: {
    customer: 'The goods are back with us.',
    staff: 'Everything expected has arrived (or the return was closed).',
  },
  credited: {
    customer: 'Done: the returned goods were credited or replaced.',
    staff: 'Done: credited or replaced.',
  },
};

export const RETURN_REASON_OPTIONS: readonly ReturnReason[] = RETURN_REASONS;
export const RETURN_STATUS_OPTIONS: readonly ReturnStatus[] = RETURN_STATUSES;

export function reasonLabel(reason: ReturnReason): string {
  return REASON_LABELS[reason] ?? reason;
}

export function returnStatusLabel(status: ReturnStatus): string {
  return STATUS_LABELS[status] ?? status;
}

export function returnStatusExplanation(status: ReturnStatus, staff: boolean): string {
  return STATUS_EXPLANATIONS[status][staff ? 'staff' : 'customer'];
}

export function resolutionLabel(resolution: ReturnResolution): string {
  return resolution === 'replace' ? 'Replace' : 'Credit';
}

/** The colour family of a status chip (always with its words, never colour alone). */
export function returnStatusTone(status: ReturnStatus): 'wait' | 'ok' | 'move' | 'end' {
  switch (status) {
    case 'requested':
      return 'wait';
    case 'approved':
    case 'received':
      return 'move';
    case 'credited':
      return 'ok';
    default:
      return 'end';
  }
}

const EVENT_WORDS: Record<string, string> = {
  requested: 'Return requested',
  opened: 'Opened by staff',
  approved: 'Approved',
  rejected: 'Rejected',
  received: 'Goods received',
  closed: 'Closed',
  credited: 'Credited',
  credit_note: 'Credit note issued',
  replacement_placed: 'Replacement order placed',
  photo_added: 'Photo added',
  fee_waived: 'Restocking fee waived',
};

export function returnEventWords(kind: string): string {
  return EVENT_WORDS[kind] ?? kind.charAt(0).toUpperCase() + kind.slice(1).replace(/_/g, ' ');
}
