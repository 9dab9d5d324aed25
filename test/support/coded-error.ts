/**
 * The shape every refused request must have: the status, a coded JSON error, and nothing of the server's
 * insides (no HTML page, stack frame, module path or source location); and the code a service call is
 * refused with.
 */
import { expect } from 'vitest';
import { isCodedError } from '../../src/core/errors.ts';

export async function expectCoded(res: Response, status: number, code: string): Promise<void> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  const text = await res.text();
  expect(JSON.parse(text)).toMatchObject({ error: { code } });
  expect(text).not.toMatch(/<html|<pre|\bat \w|node_modules|\/work\/|\.ts:\d/i);
}

/** The code a call is refused with, or undefined when it succeeds (another error: its text). */
export async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (err) {
    return isCodedError(err) ? err.code : String(err);
  }
}
