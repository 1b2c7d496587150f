import { request as httpRequest, IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { describeError } from '../common/worker-loop';
import type { ResolvedAddress } from './targets/host-resolver';
import { signWebhook } from './webhook-signature';

/** A delivery claimed for an attempt, with where and how to sign it. */
export interface ClaimedDelivery {
  id: string;
  eventId: string;
  eventType: string;
  body: string;
  attempts: number;
  url: string;
  /** As stored: sealed with DATA_KEY. */
  secret: string;
}

/** What an attempt sends: the delivery, its secret in the clear, and the checked addresses to connect to. */
export interface Attempt {
  delivery: ClaimedDelivery;
  secret: string;
  addresses: [ResolvedAddress, ...ResolvedAddress[]];
}

export type SendOutcome =
  | { kind: 'delivered'; statusCode: number }
  | { kind: 'failed'; statusCode: number | null; error: string }
  /** Cut short by shutdown: not an attempt that says anything about the receiver. */
  | { kind: 'aborted' };

/**
 * One attempt: POST the stored body with its signature and ids to the
 * addresses checked for it (webhook-targets.ts), never to another the name
 * might resolve to by now; TLS still verifies the certificate for the URL's
 * host name. Any 2xx is delivered; redirects are not followed (a moved
 * endpoint must be updated).
 */
export async function sendWebhook(
  attempt: Attempt,
  timeoutMs: number,
  shutdown: AbortSignal,
): Promise<SendOutcome> {
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    const statusCode = await post(attempt, AbortSignal.any([timeout, shutdown]));
    if (statusCode >= 200 && statusCode < 300) return { kind: 'delivered', statusCode };
    return { kind: 'failed', statusCode, error: `HTTP ${statusCode}` };
  } catch (error) {
    if (shutdown.aborted) return { kind: 'aborted' };
    if (timeout.aborted)
      return { kind: 'failed', statusCode: null, error: `No answer within ${timeoutMs} ms` };
    return { kind: 'failed', statusCode: null, error: describeError(error).slice(0, 500) };
  }
}

/** The status code of the answer; its body is not read. */
function post({ delivery, secret, addresses }: Attempt, signal: AbortSignal): Promise<number> {
  const url = new URL(delivery.url);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<number>((resolve, reject) => {
    const outgoing = request(url, {
      method: 'POST',
      signal,
      // A connection of its own: nothing pooled from an earlier attempt, and only ever to `addresses`.
      agent: false,
      lookup: pinnedLookup(addresses),
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(delivery.body),
        'user-agent': 'Tradecounter-Webhooks/1',
        'x-signature': signWebhook(delivery.body, secret),
        'x-event-id': delivery.eventId,
        'x-event-type': delivery.eventType,
        'x-delivery-attempt': String(delivery.attempts),
      },
    });
    outgoing.on('response', (response: IncomingMessage) => {
      resolve(response.statusCode ?? 0);
      response.destroy();
    });
    outgoing.on('error', reject);
    outgoing.end(delivery.body);
  });
}

/**
 * A DNS lookup that answers only the addresses already checked, whatever DNS
 * would say now: all of them when Node asks for all (it then tries each in
 * turn, "happy eyeballs"), else the first.
 */
function pinnedLookup(addresses: [ResolvedAddress, ...ResolvedAddress[]]): LookupFunction {
  const [first] = addresses;
  return (_hostname, options, callback) => {
    if (options.all) callback(null, addresses);
    else callback(null, first.address, first.family);
  };
}
