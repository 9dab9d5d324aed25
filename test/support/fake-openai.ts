/**
 * A local fake of an OpenAI-compatible server (POST /v1/chat/completions) for the LLM adapter's tests.
 * Each request takes the next scripted behaviour: a structured reply, raw content, a refusal, an HTTP
 * error, or a delay longer than the client's timeout. Requests are recorded for assertions.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OpenAiLanguageModel } from '../../src/llm/openai.ts';
import { ROOT } from './fixtures.ts';

export type FakeBehaviour =
  | { content: string }
  | { json: unknown }
  | { refusal: string }
  | { status: number; body?: unknown }
  | { delayMs: number; content?: string };

export interface FakeOpenAi {
  url: string;
  requests: { path: string; body: Record<string, unknown> }[];
  queue: FakeBehaviour[];
  close(): Promise<void>;
}

function completion(message: Record<string, unknown>) {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: 'fake-model',
    choices: [{ index: 0, finish_reason: 'stop', logprobs: null, message: { role: 'assistant', ...message } }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  };
}

export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const fake: Omit<FakeOpenAi, 'url' | 'close'> = { requests: [], queue: [] };
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => {
      raw += c;
    });
    req.on('end', () => {
      fake.requests.push({ path: req.url ?? '', body: raw ? JSON.parse(raw) : {} });
      const b = fake.queue.shift() ?? { content: '{}' };
      const send = (status: number, body: unknown) => {
        if (res.destroyed) return;
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if ('delayMs' in b) {
        setTimeout(() => send(200, completion({ content: b.content ?? '{}', refusal: null })), b.delayMs);
      } else if ('status' in b) send(b.status, b.body ?? { error: { message: 'fake error', type: 'server_error' } });
      else if ('refusal' in b) send(200, completion({ content: null, refusal: b.refusal }));
      else if ('json' in b) send(200, completion({ content: JSON.stringify(b.json), refusal: null }));
      else send(200, completion({ content: b.content, refusal: null }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    ...fake,
    get requests() {
      return fake.requests;
    },
    get queue() {
      return fake.queue;
    },
    url: `http://127.0.0.1:${port}/v1`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  } as FakeOpenAi;
}

/** A proposal that fills none of the facts the model may propose. */
export const NULL_FACTS = {
  caseType: null,
  destinationCountry: null,
  counterpartyName: null,
  itemDescription: null,
  valueJPY: null,
  listCategory: null,
};

/** The real OpenAI adapter pointed at the fake, with the bundled prompts. */
export function fakeModel(fake: FakeOpenAi, timeoutMs: number): OpenAiLanguageModel {
  return new OpenAiLanguageModel({
    apiKey: 'test',
    baseURL: fake.url,
    model: 'fake-model',
    timeoutMs,
    promptsDir: `${ROOT}prompts`,
  });
}
