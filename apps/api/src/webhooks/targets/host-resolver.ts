import { Injectable } from '@nestjs/common';
import { lookup } from 'node:dns/promises';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/**
 * Every address a host name resolves to (A and AAAA, as the system resolver
 * answers them, hosts file included), in the resolver's order. The one port
 * to DNS of the webhook sender: the API tests replace its answers to play
 * hostile DNS without sending a query.
 *
 * The special-use names of RFC 6761 are answered here, without a query, as
 * it asks: `localhost` and `*.localhost` are loopback, `*.invalid` never
 * resolves.
 */
@Injectable()
export class HostResolver {
  async resolve(hostname: string): Promise<ResolvedAddress[]> {
    const name = hostname.toLowerCase().replace(/\.$/, '');
    if (name === 'localhost' || name.endsWith('.localhost')) return LOOPBACK;
    if (name === 'invalid' || name.endsWith('.invalid')) return [];
    const answers = await lookup(name, { all: true, verbatim: true });
    return answers.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
  }
}

const LOOPBACK: ResolvedAddress[] = [
  { address: '127.0.0.1', family: 4 },
  { address: '::1', family: 6 },
];
