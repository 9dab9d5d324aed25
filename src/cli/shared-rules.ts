/**
 * @module cli/shared-rules
 * Part of the composition root: when a store is configured, a serving process starts on the store's active
 * rules and lists, publishes its own activations there first (reload, rollback, FAQ edit), and follows
 * every change another instance publishes (ruleset/shared.ts).
 */
import type { Logger } from '../app/ports.ts';
import type { Config } from '../config.ts';
import { loadLists } from '../lists/load-lists.ts';
import { loadRuleSet } from '../ruleset/load.ts';
import { loadConversationContent } from '../ruleset/load-content.ts';
import type { RuleRegistry } from '../ruleset/registry.ts';
import { followShared, type SharedFollower, SharedRules, syncRules } from '../ruleset/shared.ts';
import { createScreener } from '../screening/screener.ts';
import type { SwappableScreener } from '../screening/swappable.ts';
import { connectStore } from '../stores/connect.ts';
import { storeTarget } from '../stores/target.ts';
import { printIssues } from './io.ts';
import type { Runtime } from './wiring.ts';

export interface SharedServing {
  /** The lists to load at start: the store's active lists, or undefined for the local files. */
  listsDir: string | undefined;
  follow(runtime: Runtime, screener: SwappableScreener): SharedFollower;
  close(): void;
}

export async function openSharedRules(
  config: Config,
  registry: RuleRegistry,
  log: Logger,
): Promise<SharedServing | undefined> {
  const target = storeTarget(config);
  if (!target) return undefined;
  const redis = connectStore(target, log);
  const shared = new SharedRules(redis);
  registry.setPublisher(shared);
  let listsDir: string | undefined;
  let listsHash: string | undefined;
  try {
    await syncRules(shared, registry);
    listsHash = await shared.listsPointer();
    if (listsHash) listsDir = await shared.materialiseLists(listsHash, config.dataDir);
  } catch (err) {
    log.warn(
      { code: 'APP.STORE_UNAVAILABLE', err: err instanceof Error ? err.message : String(err) },
      'shared rules: store not readable at start; serving the local version until it is',
    );
  }
  return {
    listsDir,
    follow: (runtime, screener) =>
      followShared({
        shared,
        registry,
        dataDir: config.dataDir,
        log,
        listsHash,
        onRules: () => {
          const dir = registry.activeDir();
          const loaded = loadRuleSet(dir);
          const content = loadConversationContent(dir);
          if (!loaded.ok || !content.ok) {
            log.error({ dir }, 'shared rules unreadable; keeping the loaded version');
            return;
          }
          runtime.activate(loaded.ruleSet, content.content);
          log.info({ version: loaded.ruleSet.version }, 'rules activated from the store');
        },
        onLists: (dir, hash) => {
          const { lists, issues } = loadLists(dir);
          printIssues(issues);
          if (issues.length) {
            log.error({ hash }, 'shared lists invalid; keeping the loaded lists');
            return;
          }
          screener.swap(createScreener(lists));
          log.info({ hash, versions: screener.versions() }, 'lists activated from the store');
        },
      }),
    close: () => redis.disconnect(),
  };
}

/** After `lists import` on this machine: the new lists go to the store for every instance. */
export async function publishListsIfShared(config: Config, log: Logger): Promise<void> {
  const target = storeTarget(config);
  if (!target) return;
  const redis = connectStore(target, log);
  try {
    const hash = await new SharedRules(redis).publishLists(config.listsDir);
    process.stdout.write(`  published to the shared store as ${hash}: every instance follows within a second\n`);
  } finally {
    redis.disconnect();
  }
}
