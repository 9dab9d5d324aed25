/**
 * @module cases/memory-store
 * In-memory case store and inbox: one process, nothing kept.
 */
import type { Case } from './model.ts';
import type { CaseStore, Created, Inbox, Notice } from './ports.ts';

export class MemoryCaseStore implements CaseStore {
  private readonly cases = new Map<string, string>();

  async create(c: Case): Promise<Created> {
    const settled = this.settled.get(c.id) ?? 0;
    const json = this.cases.get(c.id);
    if (json) return { created: false, existing: JSON.parse(json) as Case, settled };
    this.cases.set(c.id, JSON.stringify(c));
    return { created: true, settled };
  }

  async get(id: string): Promise<Case | undefined> {
    const json = this.cases.get(id);
    return json ? (JSON.parse(json) as Case) : undefined;
  }

  async update(id: string, fn: (c: Case) => Case | undefined): Promise<Case | undefined> {
    // Read, change and write in one synchronous step: no other update can come between (the compare-and-set
    // of one process). An awaited read here would let two concurrent updates both start from the same version.
    const json = this.cases.get(id);
    if (!json) return undefined;
    const c = JSON.parse(json) as Case;
    const changed = fn(c);
    if (!changed) return c;
    const next = { ...changed, version: (c.version ?? 0) + 1 };
    this.cases.set(id, JSON.stringify(next));
    return next;
  }

  private readonly settled = new Map<string, number>();
  async settledVersion(id: string): Promise<number> {
    return this.settled.get(id) ?? 0;
  }
  async markSettled(id: string, version: number): Promise<void> {
    this.settled.set(id, Math.max(version, this.settled.get(id) ?? 0));
  }

  async list(): Promise<Case[]> {
    return [...this.cases.values()]
      .map((j) => JSON.parse(j) as Case)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  }
}

export class MemoryInbox implements Inbox {
  private readonly boxes = new Map<string, Notice[]>();
  private readonly sent = new Set<string>();
  async push(principal: string, notice: Notice): Promise<void> {
    if (notice.id) {
      if (this.sent.has(`${principal}\u0000${notice.id}`)) return;
      this.sent.add(`${principal}\u0000${notice.id}`);
    }
    this.boxes.set(principal, [...(this.boxes.get(principal) ?? []), notice]);
  }
  async drain(principal: string): Promise<Notice[]> {
    const notices = this.boxes.get(principal) ?? [];
    this.boxes.delete(principal);
    return notices;
  }
}
