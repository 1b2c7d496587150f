import type { ImportJob } from '@tradecounter/contracts';

/**
 * A commit's 409 (an HttpErrorResponse, read by its shape): the rows were
 * checked again and something changed since the dry run (or a row now has an
 * error). The new result may come with it, as the problem's `result` (or the
 * body itself); undefined when it does not.
 */
export function conflictResult(error: unknown): { conflict: boolean; job: ImportJob | undefined } {
  if (!isRecord(error) || error['status'] !== 409) return { conflict: false, job: undefined };
  const body = error['error'];
  const candidate = isRecord(body) && isRecord(body['result']) ? body['result'] : body;
  return { conflict: true, job: isJob(candidate) ? candidate : undefined };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isJob(value: unknown): value is ImportJob {
  return isRecord(value) && typeof value['id'] === 'string' && isRecord(value['counts']) && 'status' in value;
}
