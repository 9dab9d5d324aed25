/**
 * @module channels/slack/web-api-fetch
 * The Web API client's transport (WebClient's `fetch` option, whose contract is its own small FetchFunction /
 * FetchResponse interface): a form-encoded POST over node:http(s) on keep-alive connections, answered with the
 * status, the headers and the whole body. The built-in fetch wraps every call in WHATWG request, response and
 * stream objects: measured against the load bench's fake Web API, about 0.5 ms of CPU per chat.postMessage,
 * this about 0.2 ms. A request it does not cover (a multipart upload, an abort signal, a redirect to follow —
 * Bolt's respond() to a response_url) goes to the built-in fetch, unchanged.
 */
import http from 'node:http';
import https from 'node:https';
import type { FetchFunction } from '@slack/web-api';

/** What a FetchFunction answers (the package exports the function's type, not this one by name). */
type FetchResponse = Awaited<ReturnType<FetchFunction>>;

/** As undici's own default (headers and body timeouts of 300 s): a hung peer fails the call, then it is retried. */
const SOCKET_IDLE_MS = 300_000;

const agents = {
  'http:': new http.Agent({ keepAlive: true }),
  'https:': new https.Agent({ keepAlive: true }),
};

function response(url: string, status: number, statusText: string, raw: string[], body: Buffer): FetchResponse {
  const headers = new Headers();
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText,
    url,
    headers,
    text: async () => body.toString('utf8'),
    json: async () => JSON.parse(body.toString('utf8')) as unknown,
    arrayBuffer: async () => body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer,
  };
}

export const webApiFetch: FetchFunction = (input, init = {}) => {
  const url = typeof input === 'string' ? new URL(input) : input;
  const agent = agents[url.protocol as keyof typeof agents];
  const body = init.body;
  if (!agent || init.signal || init.redirect !== 'error' || (body !== undefined && typeof body !== 'string'))
    return globalThis.fetch(input, init as RequestInit) as Promise<FetchResponse>;
  return new Promise((resolve, reject) => {
    // The built-in fetch's failure, so a caller sees the same error shape (WebClient wraps it and retries).
    const fail = (cause: unknown) => reject(new TypeError('fetch failed', { cause }));
    const req = (url.protocol === 'https:' ? https : http).request(
      url,
      { method: init.method ?? 'GET', headers: init.headers, agent },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 && res.headers.location) {
          res.resume();
          fail(new Error(`unexpected redirect to ${res.headers.location}`));
          return;
        }
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', fail);
        res.on('end', () =>
          resolve(response(url.href, status, res.statusMessage ?? '', res.rawHeaders, Buffer.concat(chunks))),
        );
      },
    );
    req.setTimeout(SOCKET_IDLE_MS, () => req.destroy(new Error('Web API request timed out')));
    req.on('error', fail);
    req.end(body);
  });
};
