import { type APIRequestContext, expect } from '@playwright/test';
import { getRetryingReset } from './get-retrying-reset';
import { DEMO_PASSWORD } from './support';

/**
 * A signed-in API caller for test set-up: the journeys themselves go through
 * the portal, but choosing and preparing data is quicker and surer by API.
 */
export class ApiUser {
  private constructor(
    private readonly request: APIRequestContext,
    private readonly token: string,
  ) {}

  static async login(request: APIRequestContext, email: string, password = DEMO_PASSWORD): Promise<ApiUser> {
    const response = await request.post('/api/auth/login', { data: { email, password } });
    expect(response.status(), `login ${email}`).toBe(200);
    const body = (await response.json()) as { accessToken: string };
    return new ApiUser(request, body.accessToken);
  }

  async get<T>(path: string, params: Record<string, string | number> = {}): Promise<T> {
    const response = await getRetryingReset(this.request, path, { headers: this.headers(), params });
    expect(response.status(), `GET ${path}`).toBe(200);
    return (await response.json()) as T;
  }

  async send<T>(
    method: 'POST' | 'PUT' | 'PATCH',
    path: string,
    data: unknown,
    expected = [200, 201],
    headers: Record<string, string> = {},
  ): Promise<T> {
    const response = await this.request.fetch(path, {
      method,
      headers: { ...this.headers(), ...headers },
      data,
    });
    expect(expected, `${method} ${path}: ${await response.text()}`).toContain(response.status());
    return (await response.json()) as T;
  }

  async delete(path: string, params: Record<string, string> = {}, expected = [200, 204]): Promise<void> {
    const response = await this.request.delete(path, { headers: this.headers(), params });
    expect(expected, `DELETE ${path}: ${await response.text()}`).toContain(response.status());
  }

  private headers(): Record<string, string> {
    return { Authorization: `Bearer ${this.token}` };
  }
}

function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `YYYY-MM-DD`, `days` calendar days from today (negative: before), any day of the week. */
export function dayFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return isoDay(date);
}

/** `YYYY-MM-DD`, `days` calendar days from today, on a weekday. */
export function weekdayFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  while (date.getDay() === 0 || date.getDay() === 6) date.setDate(date.getDate() + 1);
  return isoDay(date);
}
