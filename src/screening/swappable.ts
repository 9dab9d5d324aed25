/**
 * @module screening/swappable
 * A screener whose lists can be replaced while serving (a list import published by another instance): every
 * holder of it sees the new lists from the next call on.
 */
import type { Screener } from '../app/ports.ts';

export interface SwappableScreener extends Screener {
  swap(next: Screener): void;
}

export function swappableScreener(initial: Screener): SwappableScreener {
  let current = initial;
  return {
    screen: (name, country) => current.screen(name, country),
    versions: () => current.versions(),
    swap: (next) => {
      current = next;
    },
  };
}
