/**
 * A local stand-in for the Bot Framework's token signing: an OpenID configuration and its key set (with the
 * `msteams` endorsement the channel check requires) on loopback, and RS256 tokens signed with that key, so the
 * server's real JWT validation (issuer, audience, signature, expiry, serviceUrl claim) runs offline.
 */
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TeamsAuthEndpoints } from '../../src/channels/teams/adapter.ts';

export const FAKE_ISSUER = 'https://api.botframework.test';

export interface FakeBotFramework {
  endpoints: TeamsAuthEndpoints;
  /** A token as the Bot Framework would send it for this app and connector; `key` signs with another key. */
  token(claims: { aud: string; serviceUrl: string; iss?: string; expSeconds?: number }, key?: KeyObject): string;
  close(): Promise<void>;
}

const b64url = (v: Buffer | string) => Buffer.from(v).toString('base64url');

export function signJwt(payload: Record<string, unknown>, key: KeyObject, kid: string): string {
  const head = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
  const body = b64url(JSON.stringify(payload));
  const sig = createSign('RSA-SHA256').update(`${head}.${body}`).sign(key);
  return `${head}.${body}.${b64url(sig)}`;
}

export function otherKey(): KeyObject {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
}

export async function startFakeBotFramework(): Promise<FakeBotFramework> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' }) as { n: string; e: string };
  const kid = 'fake-key-1';
  let base = '';
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    if (req.url?.startsWith('/keys'))
      res.end(
        JSON.stringify({ keys: [{ kty: 'RSA', use: 'sig', kid, n: jwk.n, e: jwk.e, endorsements: ['msteams'] }] }),
      );
    else res.end(JSON.stringify({ issuer: FAKE_ISSUER, jwks_uri: `${base}/keys` }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoints: {
      openIdMetadataUrl: `${base}/.well-known/openidconfiguration`,
      tokenIssuer: FAKE_ISSUER,
      outboundToken: async () => 'fake-outbound-token',
    },
    token: ({ aud, serviceUrl, iss = FAKE_ISSUER, expSeconds = 600 }, key = privateKey) => {
      const now = Math.floor(Date.now() / 1000);
      return signJwt({ iss, aud, serviceurl: serviceUrl, nbf: now - 10, exp: now + expSeconds }, key, kid);
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
