import { Inject, Injectable } from '@nestjs/common';
import { isIP } from 'node:net';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { HostResolver, ResolvedAddress } from './host-resolver';
import { internalRange } from './internal-address';

/** Where a webhook URL may be sent: the checked addresses to connect to (at least one), or why not. */
export type TargetCheck =
  { allowed: true; addresses: [ResolvedAddress, ...ResolvedAddress[]] } | { allowed: false; reason: string };

/**
 * Decides whether a webhook URL may be reached: its host, an address literal
 * or every address its name resolves to, must be public (internal-address.ts)
 * unless WEBHOOK_ALLOW_PRIVATE_NETWORKS is on. Checked at registration and
 * again at each attempt, whose connection then goes to the addresses checked
 * here and no other (webhook-sender.ts), so DNS answering differently
 * between the check and the connection (rebinding) changes nothing.
 *
 * The reasons never say which internal address, nor anything a connection
 * would have told: nothing is connected to.
 */
@Injectable()
export class WebhookTargets {
  constructor(
    private readonly resolver: HostResolver,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async check(target: string): Promise<TargetCheck> {
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      return { allowed: false, reason: 'is not a URL' };
    }
    // A URL's hostname writes an IPv6 literal in brackets and IPv4 in its normal dotted form.
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const literal = isIP(host);
    let addresses: ResolvedAddress[];
    if (literal) {
      addresses = [{ address: host, family: literal === 6 ? 6 : 4 }];
    } else {
      try {
        addresses = await withTimeout(this.resolver.resolve(host), this.config.events.webhookTimeoutMs);
      } catch {
        addresses = [];
      }
    }
    const [first, ...others] = addresses;
    if (!first) return { allowed: false, reason: 'does not resolve' };
    if (
      !this.config.events.webhookAllowPrivateNetworks &&
      addresses.some(({ address }) => internalRange(address) !== undefined)
    ) {
      return {
        allowed: false,
        reason: literal ? 'is an internal address' : 'resolves to an internal address',
      };
    }
    return { allowed: true, addresses: [first, ...others] };
  }
}

/** The system resolver has timeouts of its own, but an attempt must not wait past its own. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`No answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}
