import { HostResolver, ResolvedAddress } from '../webhooks/targets/host-resolver';
import type { TestApp } from './test-app';

/** What a name answers, in turn: the last answer repeats. Addresses of family 6 contain a colon. */
export type FakeAnswers = Record<string, string[][]>;

/**
 * Hostile DNS for an app's webhooks without a query: the names given answer
 * what the test says (use `*.invalid` names, which no real resolver ever
 * answers); any other name goes to the real resolver. Records each question.
 */
export function fakeDns(t: TestApp, answers: FakeAnswers) {
  const resolver = t.app.get(HostResolver);
  const real = resolver.resolve.bind(resolver);
  const asked: string[] = [];
  const turns = new Map<string, number>();
  resolver.resolve = (hostname: string): Promise<ResolvedAddress[]> => {
    asked.push(hostname);
    const sequence = answers[hostname];
    if (!sequence) return real(hostname);
    const turn = turns.get(hostname) ?? 0;
    turns.set(hostname, turn + 1);
    const answer = sequence[Math.min(turn, sequence.length - 1)] ?? [];
    return Promise.resolve(
      answer.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }) as ResolvedAddress),
    );
  };
  return {
    /** How many times a name was asked. */
    asked: (hostname: string) => asked.filter((name) => name === hostname).length,
  };
}
