import { SignJWT } from 'jose';
import type { AppConfig } from '../config/app-config';
import { AccessClaims, TokenService } from './token.service';

const SECRET = 'a-test-secret-of-enough-length-for-hs256-0123456789';
const config = {
  jwt: { secret: SECRET, issuer: 'tradecounter', audience: 'tradecounter-portal', accessTtlSeconds: 60 },
} as AppConfig;
const claims: AccessClaims = {
  userId: '5b0a52d2-8a43-4a34-a1a0-0d6f0e6c8c11',
  tokenVersion: 3,
  sessionId: 'c6d3a1f4-0d53-4b7b-9f55-1c1b2a0f9e10',
};

/** A token as another signer would make it: `secret`, `issuer` and `alg` to vary. */
function foreignToken(options: { secret?: string; issuer?: string; alg?: string } = {}): Promise<string> {
  return new SignJWT({ ver: 1, sid: claims.sessionId })
    .setProtectedHeader({ alg: options.alg ?? 'HS256', typ: 'JWT' })
    .setSubject(claims.userId)
    .setIssuer(options.issuer ?? 'tradecounter')
    .setAudience('tradecounter-portal')
    .setIssuedAt()
    .setExpirationTime('60s')
    .sign(new TextEncoder().encode(options.secret ?? SECRET));
}

describe('TokenService access tokens', () => {
  afterEach(() => jest.useRealTimers());

  it('verifies its own token, again and again, with the same claims', async () => {
    const tokens = new TokenService(config);
    const token = await tokens.signAccessToken(claims);
    expect(await tokens.verifyAccessToken(token)).toEqual(claims);
    expect(await tokens.verifyAccessToken(token)).toEqual(claims);
    expect(await new TokenService(config).verifyAccessToken(token)).toEqual(claims);
  });

  it('refuses a token once its expiry is reached, also one it has verified before', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-08T10:00:00.400Z') });
    const tokens = new TokenService(config);
    const token = await tokens.signAccessToken(claims);
    expect(await tokens.verifyAccessToken(token)).toEqual(claims);
    jest.setSystemTime(new Date('2026-12-08T10:00:59.999Z'));
    expect(await tokens.verifyAccessToken(token)).toEqual(claims);
    jest.setSystemTime(new Date('2026-12-08T10:01:00.000Z'));
    expect(await tokens.verifyAccessToken(token)).toBeUndefined();
    // Not verified before, by a process that never saw it: the same answer.
    expect(await new TokenService(config).verifyAccessToken(token)).toBeUndefined();
  });

  it('refuses a forged, altered, foreign or unsigned token', async () => {
    const tokens = new TokenService(config);
    const token = await tokens.signAccessToken(claims);
    await tokens.verifyAccessToken(token);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const altered = `${header}.${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
    expect(await tokens.verifyAccessToken(altered)).toBeUndefined();
    expect(await tokens.verifyAccessToken(unsigned)).toBeUndefined();
    expect(await tokens.verifyAccessToken(await foreignToken({ secret: `${SECRET}-other` }))).toBeUndefined();
    expect(await tokens.verifyAccessToken(await foreignToken({ issuer: 'someone-else' }))).toBeUndefined();
    expect(await tokens.verifyAccessToken(await foreignToken({ alg: 'HS512' }))).toBeUndefined();
    expect(await tokens.verifyAccessToken('not a token')).toBeUndefined();
  });
});
