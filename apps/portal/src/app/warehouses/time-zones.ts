import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { parseCutoffTime } from '@tradecounter/domain';

/** Every IANA zone the browser knows, for picking a warehouse's time zone. */
export function timeZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes('UTC') ? zones : [...zones, 'UTC'];
}

/** Zones matching typed text: "los angeles" finds America/Los_Angeles. */
export function matchTimeZones(zones: readonly string[], text: string, limit = 50): string[] {
  const needle = text.trim().toLowerCase().replace(/\s+/g, '_');
  const matches = needle ? zones.filter((zone) => zone.toLowerCase().includes(needle)) : zones;
  return matches.slice(0, limit);
}

/** "UTC−06:00" (or "UTC+05:30", "UTC+00:00") in `timeZone` at `now`, or '' for a zone the browser does not know. */
export function utcOffset(timeZone: string, now: Date = new Date()): string {
  try {
    const name =
      new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
        .formatToParts(now)
        .find((part) => part.type === 'timeZoneName')?.value ?? '';
    const match = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name);
    if (!match) return name === 'GMT' ? 'UTC+00:00' : '';
    return `UTC${match[1] === '-' ? '−' : '+'}${match[2]}:${match[3]}`;
  } catch {
    return '';
  }
}

export function timeZoneValidator(zones: readonly string[]): ValidatorFn {
  const known = new Set(zones);
  return (control: AbstractControl): ValidationErrors | null => {
    const value: unknown = control.value;
    if (typeof value !== 'string' || value === '') return null;
    return known.has(value) ? null : { timeZone: true };
  };
}

/** `HH:MM`, 24-hour, as the API reads it. Empty is left to `required`. */
export function cutoffValidator(): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const value: unknown = control.value;
    if (typeof value !== 'string' || value === '') return null;
    return parseCutoffTime(value) === null ? { cutoff: true } : null;
  };
}

/** "Fri 21:40" in `timeZone`, or '' for a zone the browser does not know. */
export function localTimeIn(timeZone: string, now: Date = new Date()): string {
  try {
    return new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(now);
  } catch {
    return '';
  }
}
