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

/** Waits until `check` holds (tried every 50 ms); fails after `timeoutMs` saying what it waited for. */
export async function pollUntil(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
