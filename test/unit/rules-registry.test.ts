import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadRuleSet } from '../../src/ruleset/load.ts';
import { RuleRegistry } from '../../src/ruleset/registry.ts';
import { bundled, GOLDEN_DIR, RULES_DIR } from '../support/fixtures.ts';

function workspace() {
  const root = mkdtempSync(join(tmpdir(), 'ec-rules-'));
  const rules = join(root, 'rules');
  for (const entry of ['facts.yaml', 'countries', 'items', 'decision', 'conversation'])
    cpSync(join(RULES_DIR, entry), join(rules, entry), { recursive: true });
  return { rules, registry: new RuleRegistry(rules, join(root, 'data'), GOLDEN_DIR) };
}

const edit = (file: string, from: string, to: string) =>
  writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));

describe('rules reload, diff and rollback', () => {
  test('when the working rules are valid, then reload activates a snapshot the bot loads', () => {
    const { registry } = workspace();
    const r = registry.reload(bundled().screener);
    expect(r).toMatchObject({ ok: true, unchanged: false, previous: undefined });
    expect(loadRuleSet(registry.activeDir())).toMatchObject({ ok: true, ruleSet: { version: r.ok ? r.version : '' } });
  });

  test('when an update breaks the schema, then reload is refused with file: path: message and the old version keeps serving', () => {
    const { rules, registry } = workspace();
    const first = registry.reload(bundled().screener);
    edit(join(rules, 'decision', '10-country.yaml'), 'outcome: prohibited', 'outcome: maybe');
    const r = registry.reload(bundled().screener);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues[0]).toMatchObject({ code: 'RULES.INVALID', file: expect.stringContaining('10-country.yaml') });
    expect(registry.status().active).toBe(first.ok && first.version);
  });

  test('when an update passes the schema but breaks a golden case, then it is refused too', () => {
    const { rules, registry } = workspace();
    registry.reload(bundled().screener);
    const before = registry.status().active;
    // North Korea stops being a total ban: S09 and others must fail.
    edit(join(rules, 'decision', '10-country.yaml'), 'outcome: prohibited', 'outcome: officer_review');
    const r = registry.reload(bundled().screener);
    expect(r.ok).toBe(false);
    expect(registry.status().active).toBe(before);
  });

  test('when a rule text changes, then diff names it; reload activates it; rollback returns to the previous version', () => {
    const { rules, registry } = workspace();
    const first = registry.reload(bundled().screener);
    edit(join(rules, 'decision', '10-country.yaml'), 'North Korea', 'North Korea (DPRK)');
    const d = registry.diff();
    expect(d.ok && d.diff.changed.length).toBeGreaterThan(0);
    expect(d.ok && d.diff.added).toEqual([]);
    const second = registry.reload(bundled().screener);
    expect(second).toMatchObject({ ok: true, previous: first.ok ? first.version : '' });
    const back = registry.rollback();
    expect(back).toMatchObject({ ok: true, version: first.ok ? first.version : '' });
    expect(registry.status().active).toBe(first.ok && first.version);
    expect(registry.rollback()).toMatchObject({ ok: false });
  });
});

describe('the rules watcher of a running bot', () => {
  test('when a rules file is edited, then it is validated and activated; a broken edit is refused and the old rules keep serving', async () => {
    const { watchRules } = await import('../../src/ruleset/watch.ts');
    const { silentLogger } = await import('../../src/app/ports.ts');
    const { rules, registry } = workspace();
    const first = registry.reload(bundled().screener);
    const activated: string[] = [];
    const watcher = watchRules({
      registry,
      workingDir: rules,
      screener: bundled().screener,
      log: silentLogger,
      onActivate: (ruleSet) => activated.push(ruleSet.version),
      followEdits: true,
    });
    const waitFor = async (cond: () => boolean) => {
      for (let i = 0; i < 600 && !cond(); i++) await new Promise((r) => setTimeout(r, 100));
    };
    try {
      edit(join(rules, 'decision', '10-country.yaml'), 'North Korea', 'North Korea (DPRK)');
      await waitFor(() => activated.length > 0);
      expect(activated).toHaveLength(1);
      expect(activated[0]).not.toBe(first.ok && first.version);
      const serving = registry.status().active;
      edit(join(rules, 'decision', '10-country.yaml'), 'outcome: prohibited', 'outcome: maybe');
      await new Promise((r) => setTimeout(r, 2500));
      expect(registry.status().active).toBe(serving);
      expect(activated).toHaveLength(1);
    } finally {
      watcher.close();
    }
  }, 15_000);
});
