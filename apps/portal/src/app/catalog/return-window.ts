/**
 * A product's return window as people read and edit it. On the wire it is
 * `returnWindowDays`: null (or absent) uses the shop's default, 0 means not
 * returnable, N is N days after delivery.
 */
export type ReturnWindowChoice = 'default' | 'none' | 'days';

/** "Return window: 30 days (default)", "Not returnable", "60 days". */
export function returnWindowLabel(days: number | null | undefined, defaultDays: number): string {
  if (days === null || days === undefined) return `${dayCount(defaultDays)} (default)`;
  if (days === 0) return 'Not returnable';
  return dayCount(days);
}

/** The edit form's choice for a product's stored value. */
export function returnWindowChoice(days: number | null | undefined): ReturnWindowChoice {
  if (days === null || days === undefined) return 'default';
  return days === 0 ? 'none' : 'days';
}

/** The value to send for a choice (the typed days matter only for `days`). */
export function returnWindowDays(choice: ReturnWindowChoice, days: number): number | null {
  if (choice === 'default') return null;
  return choice === 'none' ? 0 : days;
}

function dayCount(days: number): string {
  return days === 1 ? '1 day' : `${days} days`;
}
