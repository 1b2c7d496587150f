import { HttpStatus } from '@nestjs/common';
import type { AcceptanceRefusal } from '@tradecounter/domain';
import { badRequest, conflict, ProblemException } from '../common/http/problem';

/** The 409 (or 400 for lines) of an acceptance the quote refuses. */
export function acceptanceRefused(refusal: AcceptanceRefusal): ProblemException {
  switch (refusal.kind) {
    case 'already_accepted':
      return conflict('This quote has already been accepted');
    case 'not_quoted':
      return conflict(`This quote is ${refusal.status}, not quoted: it cannot be accepted`);
    case 'expired':
      return conflict(`This quote was valid until ${refusal.validUntil}; ask for it to be quoted again`);
    case 'stale_revision':
      return conflict(`Revision ${refusal.latestRevision} is the latest: review it and accept that one`, [
        { field: 'revision', message: `is not the latest revision (${refusal.latestRevision})` },
      ]);
    case 'unknown_lines':
      return badRequest('Some lines are not on this revision of the quote', [
        { field: 'lineIds', message: `not on the revision: ${refusal.lineIds.join(', ')}` },
      ]);
    case 'no_lines':
      return badRequest('Accept at least one line', [
        { field: 'lineIds', message: 'must name at least one line' },
      ]);
  }
}

/** A second request with a key already used for another quote request. */
export function quoteKeyReused(): ProblemException {
  return new ProblemException(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'This Idempotency-Key was already used for a different quote request; use a new key for a new request',
    [{ field: 'Idempotency-Key', message: 'was used with a different request body' }],
  );
}

/** A quote action that does not apply to the quote's status. */
export function notNow(status: string, what: string): ProblemException {
  return conflict(`This quote is ${status}: it cannot be ${what}`);
}
