import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { formatIssue } from '../../src/core/errors.ts';
import { loadRuleSet } from '../../src/ruleset/load.ts';
import { RULES_DIR } from '../support/fixtures.ts';

let dir: string | undefined;
function brokenCopy(file: string, edit: (text: string) => string): string {
  dir = mkdtempSync(join(tmpdir(), 'rules-'));
  cpSync(RULES_DIR, dir, { recursive: true, filter: (src) => !src.includes('/sources') && !src.includes('/lists') });
  const target = join(dir, file);
  writeFileSync(target, edit(readFileSync(target, 'utf8')));
  return dir;
}
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('loading rules/', () => {
  test('when the shipped rules load, then the version is a content hash that ignores the folder location', () => {
    const a = loadRuleSet(RULES_DIR);
    const copy = brokenCopy('facts.yaml', (t) => t);
    const b = loadRuleSet(copy);
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(a.ruleSet.version).toBe(b.ruleSet.version);
  });

  test('when a rule reads an unknown fact, then the problem names the file and the path', () => {
    const copy = brokenCopy('decision/10-country.yaml', (t) =>
      t.replace('{ fact: destinationCountry, inSet: total_ban }', '{ fact: destinationCountyr, inSet: total_ban }'),
    );
    const r = loadRuleSet(copy);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues.map(formatIssue)).toContainEqual(
        expect.stringMatching(/10-country\.yaml: rules\[0\]\.when\.fact: unknown fact "destinationCountyr"/),
      );
  });

  test('when a file breaks the schema, then every problem is listed with its path', () => {
    const copy = brokenCopy('decision/70-visitor.yaml', (t) =>
      t.replace('outcome: officer_review', 'outcome: maybe').replace('id: VIS-NO-TECHNOLOGY', 'id: vis no tech'),
    );
    const r = loadRuleSet(copy);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const lines = r.issues.map(formatIssue);
      expect(lines).toContainEqual(expect.stringMatching(/70-visitor\.yaml: rules\[0\]\.outcome: /));
      expect(lines).toContainEqual(expect.stringMatching(/70-visitor\.yaml: rules\[1\]\.id: /));
      expect(r.issues.every((i) => i.code === 'RULES.INVALID')).toBe(true);
    }
  });

  test('when two rules share an id or a set is unknown, then both are reported', () => {
    const copy = brokenCopy('decision/10-country.yaml', (t) =>
      t
        .replace('id: CTRY-RU-BY-GOODS', 'id: CTRY-TOTAL-BAN')
        .replace('inSet: russia_belarus }', 'inSet: russia_belarusx }'),
    );
    const r = loadRuleSet(copy);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const text = r.issues.map(formatIssue).join('\n');
      expect(text).toMatch(/duplicate rule id "CTRY-TOTAL-BAN"/);
      expect(text).toMatch(/unknown country set "russia_belarusx"/);
    }
  });

  test('when a YAML file does not parse, then the error names the file', () => {
    const copy = brokenCopy('facts.yaml', (t) => `${t}\n  - key: [unclosed\n`);
    const r = loadRuleSet(copy);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.file).toMatch(/facts\.yaml$/);
  });
});
