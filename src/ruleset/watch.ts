/**
 * @module ruleset/watch
 * Keeps a serving process on the active rules: an edit of the working folder is validated and activated
 * (or refused, the old version serving on), and a change of the active pointer — by this process, by
 * `rules reload` or `rules rollback` elsewhere — swaps the loaded rule set in place.
 */
import { type FSWatcher, unwatchFile, watch, watchFile } from 'node:fs';
import type { Logger, Screener } from '../app/ports.ts';
import type { ConversationContent } from '../conversation/content.ts';
import { formatIssue } from '../core/errors.ts';
import type { RuleSet } from '../core/ruleset.ts';
import { loadRuleSet } from './load.ts';
import { loadConversationContent } from './load-content.ts';
import type { RuleRegistry } from './registry.ts';

export interface RulesWatch {
  close(): void;
}

export function watchRules(opts: {
  registry: RuleRegistry;
  workingDir: string;
  screener: Screener;
  log: Logger;
  onActivate: (ruleSet: RuleSet, content: ConversationContent) => void;
  /** Also validate and activate edits of the working folder (off: only follow the pointer). */
  followEdits: boolean;
}): RulesWatch {
  const { registry, log } = opts;
  let serving = registry.status().active;
  const swap = () => {
    if (registry.status().active === serving) return; // the pointer was touched, not changed
    const dir = registry.activeDir();
    const loaded = loadRuleSet(dir);
    const content = loadConversationContent(dir);
    if (!loaded.ok || !content.ok) {
      log.error({ dir }, 'active rules unreadable; keeping the loaded version');
      return;
    }
    serving = registry.status().active;
    opts.onActivate(loaded.ruleSet, content.content);
    log.info({ version: loaded.ruleSet.version }, 'rules activated');
  };
  watchFile(registry.pointerPath, { interval: 1000 }, swap);
  let editWatcher: FSWatcher | undefined;
  let timer: NodeJS.Timeout | undefined;
  if (opts.followEdits) {
    editWatcher = watch(opts.workingDir, { recursive: true }, (_event, file) => {
      if (!file || /^(lists|sources)\//.test(String(file))) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        void registry.reloadShared(opts.screener).then((r) => {
          if (r.ok) log.info({ version: r.version, ...r.diff }, 'rules edit validated and activated');
          else
            log.warn({ problems: r.issues.map(formatIssue) }, 'rules edit refused; the previous version keeps serving');
        });
      }, 1000);
    });
  }
  return {
    close() {
      unwatchFile(registry.pointerPath, swap);
      editWatcher?.close();
      clearTimeout(timer);
    },
  };
}
