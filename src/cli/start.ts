/**
 * @module cli/start
 * `npm start` without Slack or Teams credentials: a plain terminal question-and-answer loop over the
 * rules core — it asks the first missing fact, offers the options (with わからない / I don't know where
 * legal) and prints the decision with its reasons. The full conversation engine (free-text extraction,
 * corrections, FAQ, optional LLM) replaces this loop in the conversation issue.
 */
import { createInterface } from 'node:readline/promises';
import { decideFacts } from '../app/decide.ts';
import type { Screener } from '../app/ports.ts';
import { compileCountryLookup } from '../core/country-lookup.ts';
import { enumValues, type FactKey } from '../core/facts.ts';
import type { RuleSet } from '../core/ruleset.ts';
import { validateFacts } from '../core/validate-facts.ts';

function parseYen(text: string): number | undefined {
  const t = text.normalize('NFKC').replace(/[,¥円\s]|JPY/gi, '');
  const man = /^(\d+(?:\.\d+)?)万$/.exec(t);
  if (man) return Math.round(Number(man[1]) * 10_000);
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : undefined;
}

export async function runStart(deps: { ruleSet: RuleSet; screener: Screener }, lang: 'ja' | 'en'): Promise<number> {
  if (!process.stdin.isTTY) {
    process.stderr.write(
      'export-check: no terminal and no Slack/Teams credentials. Run it in a terminal, use `export-check decide`/`chat --jsonl`, or set SLACK_* / MicrosoftApp* to serve.\n',
    );
    return 2;
  }
  const countries = compileCountryLookup(deps.ruleSet.countries.values());
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const lists = Object.entries(deps.screener.versions())
    .map(([k, v]) => `${k}@${v}`)
    .join(', ');
  process.stdout.write(
    `export-check — rules ${deps.ruleSet.version}; lists ${lists || 'none'}. ${lang === 'ja' ? '「reset」でやり直し、「quit」で終了。' : 'Type "reset" to start over, "quit" to leave.'}\n`,
  );
  let facts: Record<string, unknown> = {};
  for (;;) {
    const result = decideFacts(deps, facts);
    if (!result.ok) return 1;
    const d = result.decision;
    if (d.outcome !== 'needs_facts') {
      process.stdout.write(`\n== ${d.outcome} ==\n`);
      for (const r of d.reasons) process.stdout.write(`- [${r.id}] ${r[lang]}\n  (${r.citation})\n`);
      if (d.flags.length) process.stdout.write(`flags: ${d.flags.join(', ')}\n`);
      facts = {};
      const again = await rl.question(
        lang === 'ja' ? '\n新しい相談を始めますか？ (Enter / quit) ' : '\nStart a new case? (Enter / quit) ',
      );
      if (again.trim() === 'quit') break;
      continue;
    }
    const key = d.missing[0] as FactKey;
    const spec = deps.ruleSet.factSpecs.get(key)!;
    const values = enumValues(key);
    process.stdout.write(`\n${spec.question[lang]}\n`);
    for (const [i, v] of (values ?? []).entries())
      process.stdout.write(`  ${i + 1}. ${spec.options?.[v]?.[lang] ?? v}\n`);
    const answer = (await rl.question('> ')).trim();
    if (answer === 'quit') break;
    if (answer === 'reset') {
      facts = {};
      continue;
    }
    let value: unknown = answer;
    if (values) value = values[Number(answer) - 1] ?? (values.includes(answer) ? answer : undefined);
    else if (key === 'destinationCountry') value = countries.resolve(answer) ?? countries.find(answer)[0];
    else if (key === 'valueJPY') value = parseYen(answer);
    const next = { ...facts, [key]: value };
    // An answer the fact schema refuses (a 項 such as "abc") is asked again with the hint; the case goes on.
    if (value === undefined || value === '' || !validateFacts(next, deps.ruleSet).ok) {
      process.stdout.write(`${spec.hint[lang]}\n`);
      continue;
    }
    facts = next;
  }
  rl.close();
  return 0;
}
