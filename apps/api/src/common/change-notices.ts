import { Global, Injectable, Module } from '@nestjs/common';

/** What changed; the key says which one (an account id, …). */
export type ChangeTopic = 'account';

type Listener = (key: string) => void;

/**
 * In-process notices that a change has committed, so a context can drop what
 * it cached about another context's data (pricing caches an account's tier)
 * without reaching into that context. Listeners run synchronously and must
 * not throw.
 */
@Injectable()
export class ChangeNotices {
  private readonly listeners = new Map<ChangeTopic, Listener[]>();

  on(topic: ChangeTopic, listener: Listener): void {
    this.listeners.set(topic, [...(this.listeners.get(topic) ?? []), listener]);
  }

  committed(topic: ChangeTopic, key: string): void {
    for (const listener of this.listeners.get(topic) ?? []) listener(key);
  }
}

@Global()
@Module({ providers: [ChangeNotices], exports: [ChangeNotices] })
export class ChangeNoticesModule {}
