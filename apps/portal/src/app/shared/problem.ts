import { HttpErrorResponse } from '@angular/common/http';
import { AbstractControl, FormGroup } from '@angular/forms';
import type { Problem } from '@tradecounter/contracts';

/** Any failure of an HTTP call as a problem+json object, whatever the server (or network) sent. */
export function toProblem(error: unknown): Problem {
  if (error instanceof HttpErrorResponse) {
    // The server (or its database) away for a moment: no error of the user's, nor a bug to report.
    if (error.status === 503) {
      return {
        type: 'about:blank',
        title: 'The server is reconnecting',
        status: 503,
        detail: 'Try again in a moment.',
      };
    }
    const body: unknown = error.error;
    if (isProblem(body)) return body;
    if (error.status === 0) {
      return {
        type: 'about:blank',
        title: 'Cannot reach the server',
        status: 0,
        detail: 'Check your connection and try again.',
      };
    }
    return { type: 'about:blank', title: error.statusText || 'Request failed', status: error.status };
  }
  return { type: 'about:blank', title: 'Something went wrong', status: 0, detail: String(error) };
}

function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && 'title' in body && 'status' in body;
}

/**
 * Puts each `errors[{field,message}]` of a 400 problem on the matching form
 * control (as the `server` error). Returns the messages that matched no control.
 */
export function applyProblemToForm(problem: Problem, form: FormGroup): string[] {
  const unmatched: string[] = [];
  for (const { field, message } of problem.errors ?? []) {
    const control = findControl(form, field);
    if (control) {
      control.setErrors({ ...(control.errors ?? {}), server: message });
      control.markAsTouched();
    } else {
      unmatched.push(field ? `${field}: ${message}` : message);
    }
  }
  return unmatched;
}

function findControl(form: FormGroup, field: string): AbstractControl | null {
  if (!field) return null;
  return form.get(field) ?? form.get(field.split('.').pop() ?? field);
}

/** One line for a snackbar: the problem's detail, else its title. */
export function problemMessage(problem: Problem): string {
  return problem.detail ? `${problem.title}: ${problem.detail}` : problem.title;
}

/**
 * Shows a failed save on its form: field errors on their controls, and
 * returns the text for the form-level message ('' when every error found its field).
 */
export function formProblemText(error: unknown, form: FormGroup): string {
  const problem = toProblem(error);
  const unmatched = applyProblemToForm(problem, form);
  if (unmatched.length) return unmatched.join('; ');
  return problem.errors?.length ? '' : problemMessage(problem);
}
