/**
 * @module bench/run
 * `npm run bench`: decision throughput and latency on one core over ≥1,000 mixed fact sets (from the golden
 * cases, varied), rules load time, and screening latency on the real lists and on a synthetic 50,000-name
 * list made from them, with a plain fuse.js search over the same names as a reference.
 */
import { performance } from 'node:perf_hooks';
import { decideFacts } from '../app/decide.ts';
import type { Config } from '../config.ts';
import { evaluate } from '../core/evaluate.ts';
import { validateFacts } from '../core/validate-facts.ts';
import { loadLists } from '../lists/load-lists.ts';
import { loadGoldenCases } from '../ruleset/golden.ts';
import { loadRuleSet } from '../ruleset/load.ts';
import { createScreener } from '../screening/screener.ts';
import { benchCases } from './cases.ts';
import { benchConversation } from './conversation.ts';
import { fmt, timeEach } from './measure.ts';
import { benchScreening } from './screening.ts';
import { benchEvalSets } from './screening-eval.ts';
import { benchServeStart } from './serve-start.ts';
import { benchSlack } from './slack.ts';
import { benchSlackProcesses } from './slack-processes.ts';

/** `sections` (`bench start slack`): only those parts; all of them when empty. */
export async function runBench(config: Config, sections: readonly string[] = []): Promise<number> {
  const only = (name: string) => sections.length === 0 || sections.includes(name);
  if (only('start')) {
    await benchServeStart();
    process.stdout.write('\n');
  }
  if (sections.length > 0 && !sections.some((s) => s !== 'start' && s !== 'slack')) {
    if (!only('slack')) return 0;
    const loaded = loadRuleSet(config.rulesDir);
    if (!loaded.ok) return 1;
    await benchSlack(config, loaded.ruleSet, createScreener(loadLists(config.listsDir).lists));
    await benchSlackProcesses(config);
    return 0;
  }
  const t0 = performance.now();
  const loaded = loadRuleSet(config.rulesDir);
  const loadMs = performance.now() - t0;
  if (!loaded.ok) return 1;
  const { lists } = loadLists(config.listsDir);
  const t1 = performance.now();
  const screener = createScreener(lists);
  const indexMs = performance.now() - t1;
  const deps = { ruleSet: loaded.ruleSet, screener };

  // ≥1,000 mixed fact sets: every golden case, with its description and counterparty varied so caches do not help.
  const golden = loadGoldenCases(config.goldenDir).cases.filter((c) => c.want);
  const facts = Array.from({ length: 2000 }, (_, i) => {
    const f = { ...golden[i % golden.length]!.facts } as Record<string, unknown>;
    if (typeof f.itemDescription === 'string') f.itemDescription = `${f.itemDescription} #${i}`;
    if (typeof f.counterpartyName === 'string' && i % 3 === 0) f.counterpartyName = `${f.counterpartyName} ${i}`;
    return f;
  });
  for (const f of facts.slice(0, 200)) decideFacts(deps, f); // warm-up
  const d = timeEach(facts, (f) => decideFacts(deps, f));
  // The core alone: facts validated and screening hits computed beforehand, as the core receives them.
  const prepared = facts.flatMap((f) => {
    const v = validateFacts(f, loaded.ruleSet);
    if (!v.ok) return [];
    const hits = v.facts.counterpartyName ? screener.screen(v.facts.counterpartyName, v.facts.destinationCountry) : [];
    return [{ facts: v.facts, hits }];
  });
  const core = timeEach(prepared, (p) => evaluate(loaded.ruleSet, p.facts, p.hits));
  process.stdout.write('## Decisions (one core, screening included)\n');
  process.stdout.write(
    `rules load: ${loadMs.toFixed(1)} ms (${loaded.ruleSet.rules.length + 1} rules, ${loaded.ruleSet.items.length} items)\n`,
  );
  process.stdout.write(
    `core evaluate, ${prepared.length} mixed fact sets: ${Math.round(core.perSecond)} decisions/s, p50 ${fmt(core.p50)}, p99 ${fmt(core.p99)} (target p99 < 1 ms, ≥ 20,000/s)\n`,
  );
  process.stdout.write(
    `end to end (validate + screen + evaluate): ${Math.round(d.perSecond)} decisions/s, p50 ${fmt(d.p50)}, p99 ${fmt(d.p99)}\n\n`,
  );

  await benchScreening(config, lists, screener, indexMs);
  process.stdout.write('\n');
  await benchEvalSets(config.goldenDir, lists, screener);
  process.stdout.write('\n');
  await benchConversation(config, loaded.ruleSet, screener);
  process.stdout.write('\n');
  const sample = decideFacts(deps, golden[0]!.facts);
  if (sample.ok) await benchCases(config, sample.decision);
  process.stdout.write('\n');
  await benchSlack(config, loaded.ruleSet, screener);
  await benchSlackProcesses(config);
  return 0;
}
