/** Waits for the first recorded call (after `from`) that matches; fails with what was recorded instead. */
export async function pollFor<T>(
  calls: readonly T[],
  match: (c: T) => boolean,
  from: number,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const found = calls.slice(from).find(match);
    if (found) return found;
    if (Date.now() > end)
      throw new Error(`no matching ${what} call; got ${JSON.stringify(calls.slice(from)).slice(0, 1500)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
