/**
 * A TCP proxy in front of Redis for fault tests (127.0.0.1, port 0): `cut()` destroys every connection
 * (Redis killed), `down()` also refuses new ones until `up()`, `pause()` stops forwarding in both directions
 * (Redis hung: bytes wait in the proxy) until `resume()`, and `cutAfter(text)` lets the next client→Redis
 * chunk containing `text` reach Redis, then drops the connection before the reply comes back (the cut
 * that makes a client believe a write failed when it was done).
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';

interface Pair {
  client: Socket;
  upstream: Socket;
}

export interface TcpProxy {
  port: number;
  url(db: number): string;
  cut(): void;
  down(): void;
  up(): void;
  pause(): void;
  resume(): void;
  /** Resolves when the cut happened. */
  cutAfter(text: string): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const pairs = new Set<Pair>();
  let refusing = false;
  let paused = false;
  let trap: { text: string; done: () => void } | undefined;

  const server: Server = createServer((client) => {
    if (refusing) {
      client.destroy();
      return;
    }
    const upstream = createConnection(target);
    const pair = { client, upstream };
    pairs.add(pair);
    const drop = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.on('data', (chunk: Buffer) => {
      upstream.write(chunk);
      if (trap && chunk.includes(trap.text)) {
        const { done } = trap;
        trap = undefined;
        // Redis gets the command; the client never gets the answer.
        client.destroy();
        upstream.end();
        done();
      }
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    if (paused) {
      client.pause();
      upstream.pause();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  const cut = () => {
    for (const p of [...pairs]) {
      p.client.destroy();
      p.upstream.destroy();
    }
    pairs.clear();
  };
  return {
    port,
    url: (db) => `redis://127.0.0.1:${port}/${db}`,
    cut,
    down: () => {
      refusing = true;
      cut();
    },
    up: () => {
      refusing = false;
    },
    pause: () => {
      paused = true;
      for (const p of pairs) {
        p.client.pause();
        p.upstream.pause();
      }
    },
    resume: () => {
      paused = false;
      for (const p of pairs) {
        p.client.resume();
        p.upstream.resume();
      }
    },
    cutAfter: (text) => new Promise<void>((done) => (trap = { text, done })),
    close: async () => {
      cut();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
