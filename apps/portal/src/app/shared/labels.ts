import type { Role } from '@tradecounter/contracts';

const ROLE_LABELS: Record<Role, string> = {
  buyer: 'Buyer',
  approver: 'Approver',
  account_manager: 'Account manager',
  warehouse: 'Warehouse',
  manager: 'Manager',
  admin: 'Administrator',
};

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
}

/** "net_30" → "Net 30", "on_hold" → "On hold". */
export function humanize(value: string | null | undefined): string {
  if (!value) return '—';
  const text = value.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
