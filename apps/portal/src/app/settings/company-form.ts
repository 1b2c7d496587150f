/** The letterhead's logo as the API takes it (`PUT /api/settings/company/logo`). */
export const LOGO_TYPES = ['image/png', 'image/jpeg'] as const;
export const LOGO_MAX_BYTES = 1024 * 1024;

/** Why a chosen file cannot be the logo, or null: checked before anything is sent. */
export function logoFileProblem(file: { name: string; type: string; size: number }): string | null {
  if (!(LOGO_TYPES as readonly string[]).includes(file.type)) {
    return `${file.name} is not a PNG or JPEG image.`;
  }
  if (file.size > LOGO_MAX_BYTES) {
    return `${file.name} is ${kilobytes(file.size)}; the logo may be at most 1 MB (1024 KB).`;
  }
  if (file.size === 0) return `${file.name} is empty.`;
  return null;
}

/** The address textarea as the API's lines: one per line, blank lines and edge spaces dropped. */
export function addressLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** What the letterhead has room for (the API's limits). */
export const MAX_ADDRESS_LINES = 6;
export const MAX_ADDRESS_LINE_LENGTH = 100;

/** Why the address cannot be printed as typed, or null. */
export function addressProblem(text: string): string | null {
  const lines = addressLines(text);
  if (lines.length > MAX_ADDRESS_LINES) {
    return `At most ${MAX_ADDRESS_LINES} lines (this has ${lines.length})`;
  }
  const long = lines.findIndex((line) => line.length > MAX_ADDRESS_LINE_LENGTH);
  if (long >= 0) return `Line ${long + 1} is longer than ${MAX_ADDRESS_LINE_LENGTH} characters`;
  return null;
}

/** An optional field as the API takes it: blank is null. */
export function optionalText(text: string): string | null {
  const value = text.trim();
  return value === '' ? null : value;
}

/** Rounded up, so a file just over the limit never reads as exactly 1 MB. */
function kilobytes(bytes: number): string {
  return `${Math.ceil(bytes / 1024)} KB`;
}
