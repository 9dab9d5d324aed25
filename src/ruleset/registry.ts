/**
 * @module ruleset/registry
 * Rule versions without a deploy. `reload` validates the working rules folder (schema, cross-checks, the
 * conversation content, every golden case) and only then snapshots it as the active version; anything wrong
 * leaves the old version serving and comes back as `file: path: message`. `rollback` returns to the
 * previous version. Serving processes load the active snapshot and watch the pointer file.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Screener } from '../app/ports.ts';
import { ErrorCode, type Issue } from '../core/errors.ts';
import type { Rule } from '../core/rules-schema.ts';
import type { RuleSet } from '../core/ruleset.ts';
import { runGoldenSuite } from './golden.ts';
import { loadRuleSet } from './load.ts';
import { loadConversationContent } from './load-content.ts';

/** What a snapshot holds: the rule data, not the lists or their large source files. */
const SNAPSHOT_ENTRIES = ['facts.yaml', 'countries', 'items', 'decision', 'conversation'];

export interface Pointer {
  active: string;
  history: string[];
}

/**
 * Shares activations with the other instances (the Redis store, see ruleset/shared.ts). `publish` stores every
 * snapshot the pointer names and then flips the shared pointer; it throws when either fails, and then this
 * instance does not switch either: every instance stays on the old version.
 */
export interface RulesPublisher {
  publish(pointer: Pointer, snapshotDir: (version: string) => string): Promise<void>;
}

type Prepared = { result: ReloadResult; next?: Pointer };

export interface RulesDiff {
  added: string[];
  changed: string[];
  removed: string[];
  faqChanged: boolean;
}

export type ReloadResult =
  | { ok: true; version: string; previous: string | undefined; diff: RulesDiff; unchanged: boolean }
  | { ok: false; issues: Issue[] };

export function diffRuleSets(
  before: RuleSet | undefined,
  after: RuleSet,
  faq?: { before: unknown; after: unknown },
): RulesDiff {
  const old = new Map<string, Rule>((before ? [...before.rules, before.fallback] : []).map((r) => [r.id, r]));
  const now = new Map<string, Rule>([...after.rules, after.fallback].map((r) => [r.id, r]));
  return {
    added: [...now.keys()].filter((id) => !old.has(id)),
    removed: [...old.keys()].filter((id) => !now.has(id)),
    changed: [...now.keys()].filter((id) => old.has(id) && JSON.stringify(old.get(id)) !== JSON.stringify(now.get(id))),
    faqChanged: faq ? JSON.stringify(faq.before) !== JSON.stringify(faq.after) : false,
  };
}

export class RuleRegistry {
  private readonly pointerFile: string;
  private readonly historyDir: string;

  constructor(
    private readonly workingDir: string,
    dataDir: string,
    private readonly goldenDir: string,
  ) {
    this.historyDir = join(dataDir, 'rules-history');
    this.pointerFile = join(dataDir, 'rules-active.json');
  }

  private publisher: RulesPublisher | undefined;

  /** From now on, reloadShared/rollbackShared publish before they switch this instance. */
  setPublisher(publisher: RulesPublisher | undefined): void {
    this.publisher = publisher;
  }

  /** Where a version's snapshot lives on this machine. */
  snapshotDir(version: string): string {
    return join(this.historyDir, version);
  }

  /** Follows a pointer read from the shared store (its snapshots already materialised locally). */
  adopt(p: Pointer): void {
    this.writePointer(p);
  }

  get pointerPath(): string {
    return this.pointerFile;
  }

  private pointer(): Pointer | undefined {
    if (!existsSync(this.pointerFile)) return undefined;
    return JSON.parse(readFileSync(this.pointerFile, 'utf8')) as Pointer;
  }

  private writePointer(p: Pointer): void {
    mkdirSync(this.historyDir, { recursive: true });
    const tmp = `${this.pointerFile}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(p, null, 2)}\n`);
    renameSync(tmp, this.pointerFile); // atomic: a watcher never reads half a pointer
  }

  /** The folder serving processes load: the active snapshot, or the working folder before any activation. */
  activeDir(): string {
    const p = this.pointer();
    return p ? join(this.historyDir, p.active) : this.workingDir;
  }

  status(): { active: string | undefined; history: string[] } {
    const p = this.pointer();
    return { active: p?.active, history: p?.history ?? [] };
  }

  private validate(dir: string, screener: Screener): { ok: true; ruleSet: RuleSet } | { ok: false; issues: Issue[] } {
    const loaded = loadRuleSet(dir);
    if (!loaded.ok) return loaded;
    const content = loadConversationContent(dir);
    if (!content.ok) return content;
    const suite = runGoldenSuite(loaded.ruleSet, screener, this.goldenDir);
    if (suite.issues.length) return { ok: false, issues: suite.issues };
    return { ok: true, ruleSet: loaded.ruleSet };
  }

  /** Differences between the working folder and the active version. */
  diff(): { ok: true; diff: RulesDiff } | { ok: false; issues: Issue[] } {
    const next = loadRuleSet(this.workingDir);
    if (!next.ok) return next;
    const active = loadRuleSet(this.activeDir());
    return { ok: true, diff: diffRuleSets(active.ok ? active.ruleSet : undefined, next.ruleSet, this.faqPair()) };
  }

  private faqPair() {
    const before = loadConversationContent(this.activeDir());
    const after = loadConversationContent(this.workingDir);
    return { before: before.ok ? before.content.faq : undefined, after: after.ok ? after.content.faq : undefined };
  }

  reload(screener: Screener): ReloadResult {
    const { result, next } = this.prepare(screener);
    if (next) this.writePointer(next);
    return result;
  }

  /** reload, published to the shared store first when there is one (a failed publish switches nothing). */
  async reloadShared(screener: Screener): Promise<ReloadResult> {
    const { result, next } = this.prepare(screener);
    if (!next) return result;
    const failed = await this.publishFirst(next);
    if (failed) return { ok: false, issues: [failed] };
    this.writePointer(next);
    return result;
  }

  private async publishFirst(next: Pointer): Promise<Issue | undefined> {
    if (!this.publisher) return undefined;
    try {
      await this.publisher.publish(next, (v) => this.snapshotDir(v));
      return undefined;
    } catch (err) {
      return {
        code: ErrorCode.StoreUnavailable,
        file: 'store',
        path: 'rules',
        message: `not published to the shared store (${err instanceof Error ? err.message : String(err)}); the previous version keeps serving everywhere`,
      };
    }
  }

  private prepare(screener: Screener): Prepared {
    const checked = this.validate(this.workingDir, screener);
    if (!checked.ok) return { result: checked };
    const version = checked.ruleSet.version;
    const p = this.pointer();
    const active = p ? loadRuleSet(this.activeDir()) : undefined;
    const diff = diffRuleSets(active?.ok ? active.ruleSet : undefined, checked.ruleSet, this.faqPair());
    if (p?.active === version) return { result: { ok: true, version, previous: p.history[0], diff, unchanged: true } };
    const target = join(this.historyDir, version);
    if (!existsSync(target)) {
      const tmp = `${target}.tmp-${process.pid}`;
      for (const entry of SNAPSHOT_ENTRIES)
        if (existsSync(join(this.workingDir, entry)))
          cpSync(join(this.workingDir, entry), join(tmp, entry), { recursive: true });
      renameSync(tmp, target);
    }
    return {
      result: { ok: true, version, previous: p?.active, diff, unchanged: false },
      next: { active: version, history: p ? [p.active, ...p.history].slice(0, 20) : [] },
    };
  }

  rollback(): { ok: true; version: string; from: string } | { ok: false; message: string } {
    const r = this.prepareRollback();
    if (r.ok) this.writePointer(r.next);
    return r.ok ? { ok: true, version: r.version, from: r.from } : r;
  }

  /** rollback, published to the shared store first when there is one. */
  async rollbackShared(): Promise<{ ok: true; version: string; from: string } | { ok: false; message: string }> {
    const r = this.prepareRollback();
    if (!r.ok) return r;
    const failed = await this.publishFirst(r.next);
    if (failed) return { ok: false, message: `${failed.code}: ${failed.message}` };
    this.writePointer(r.next);
    return { ok: true, version: r.version, from: r.from };
  }

  private prepareRollback():
    | { ok: true; version: string; from: string; next: Pointer }
    | { ok: false; message: string } {
    const p = this.pointer();
    const previous = p?.history[0];
    if (!p || !previous) return { ok: false, message: 'there is no previous rules version to return to' };
    return { ok: true, version: previous, from: p.active, next: { active: previous, history: p.history.slice(1) } };
  }
}
