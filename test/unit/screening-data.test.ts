/**
 * The matcher's data (rules/screening), the curated aliases' attachment, the matcher version and the
 * re-screening it triggers, and the issue's "done when" names through `export-check screen`.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { decideFacts } from '../../src/app/decide.ts';
import type { Screener } from '../../src/app/ports.ts';
import type { Case } from '../../src/cases/model.ts';
import type { ScreeningHit } from '../../src/core/decision.ts';
import { attachAliases } from '../../src/lists/aliases.ts';
import { checkScreeningData } from '../../src/lists/check-screening.ts';
import { loadLists } from '../../src/lists/load-lists.ts';
import { rescreenAfterMatcherChange, screenedByOtherMatcher } from '../../src/lists/rescreen.ts';
import { loadScreeningData } from '../../src/screening/data.ts';
import { createScreener, MATCHER_CODE_VERSION, matcherVersion } from '../../src/screening/screener.ts';
import { bundled, ROOT, RULES_DIR } from '../support/fixtures.ts';

const { lists } = loadLists(`${RULES_DIR}/lists`);

function rulesCopy(edit?: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'screening-rules-'));
  cpSync(`${RULES_DIR}/screening`, join(dir, 'screening'), { recursive: true });
  cpSync(`${RULES_DIR}/lists`, join(dir, 'lists'), { recursive: true, filter: (p) => !p.includes('sources') });
  edit?.(dir);
  return dir;
}

describe('rules/screening data', () => {
  test('when the shipped data is loaded, then it is valid and every curated alias finds its entry', () => {
    const r = loadScreeningData(RULES_DIR);
    expect(r.issues).toEqual([]);
    expect(r.data!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(r.data!.aliases.length).toBeGreaterThan(0);
    expect(checkScreeningData(RULES_DIR)).toEqual([]);
  });

  test('when the alias file is broken, then the check names the file and the path', () => {
    const dir = rulesCopy((d) => {
      const f = join(d, 'screening', 'aliases.yaml');
      writeFileSync(f, readFileSync(f, 'utf8').replace(/entry: (\d+)/, 'entry: "$1x"'));
    });
    const issues = checkScreeningData(dir);
    expect(issues[0]).toMatchObject({ file: 'screening/aliases.yaml', path: 'aliases[0].entry' });
  });

  test('when an alias names an entry that is not there, then the check says so with its path', () => {
    const dir = rulesCopy((d) =>
      writeFileSync(
        join(d, 'screening', 'aliases.yaml'),
        'version: 1\naliases:\n  - list: jp-eul\n    entry: 541\n    entryName: "No Such Institute"\n    names:\n      - { name: 何か, note: test }\n',
      ),
    );
    expect(checkScreeningData(dir)).toEqual([
      expect.objectContaining({ file: 'screening/aliases.yaml', path: 'aliases[0]', code: expect.any(String) }),
    ]);
  });

  test('when one spelling of an entry is held to the whole query in one alias and not in another, then the check names it', () => {
    // "Fhangin Company" (whole) and "Fhangin Company Limited" fold alike: a hit on the second was dropped unless typed
    // whole, and the entry's own listed name lost its hit with it.
    const dir = rulesCopy((d) =>
      writeFileSync(
        join(d, 'screening', 'aliases.yaml'),
        [
          'version: 1',
          'aliases:',
          '  - list: jp-eul',
          '    entry: 315',
          '    entryName: "Fhangin Co. Ltd."',
          '    names:',
          '      - { name: Fhangin Company, note: test, whole: true }',
          '      - { name: Fhangin Company Limited, note: test }',
          '      - { name: ファンギン社, note: test }',
          '',
        ].join('\n'),
      ),
    );
    expect(checkScreeningData(dir)).toEqual([
      expect.objectContaining({
        file: 'screening/aliases.yaml',
        path: 'aliases[0].names[1]',
        message: expect.stringContaining('Fhangin Company'),
      }),
    ]);
  });

  test('when the word map is broken, then loading gives issues and no data, and the screener keeps the shipped data', () => {
    const dir = rulesCopy((d) =>
      writeFileSync(join(d, 'screening', 'words.yaml'), 'version: 1\ninstitutionWords: 3\n'),
    );
    const r = loadScreeningData(dir);
    expect(r.data).toBeUndefined();
    expect(r.issues.map((i) => i.file)).toContain('screening/words.yaml');
    expect(createScreener(lists, undefined, r.data).screen('シャリフ工科大学')[0]?.entry).toBe(259);
  });
});

describe('curated aliases are attached by entry and name', () => {
  const alias = (entry: number, entryName: string) => ({
    list: 'jp-eul' as const,
    entry,
    entryName,
    names: [{ name: 'テスト別名', note: 'test' }],
  });

  test('when the number and the name agree, then the alias is attached there', () => {
    const r = attachAliases(lists, [alias(541, 'Harbin Institute of Technology')]);
    expect(r.byEntry.get('jp-eul#541')).toEqual(['テスト別名']);
    expect([r.moved, r.detached]).toEqual([[], []]);
  });

  test('when a new edition renumbered the entry, then the alias follows its name and the move is reported', () => {
    const r = attachAliases(lists, [alias(1, 'Harbin Institute of Technology (HIT)')]);
    expect(r.byEntry.get('jp-eul#541')).toEqual(['テスト別名']);
    expect(r.moved).toEqual([expect.objectContaining({ entry: 541 })]);
  });

  test('when the entry is gone, then the alias is reported and attached nowhere', () => {
    const r = attachAliases(lists, [alias(541, 'Gone Institute'), { ...alias(1, 'x'), list: 'us-csl' as const }]);
    expect(r.byEntry.size).toBe(0);
    expect(r.detached).toHaveLength(2);
  });
});

describe('matcher version and re-screening', () => {
  const now = new Date('2026-12-01T00:00:00Z');
  const screener = createScreener(lists);
  const current = screener.versions().matcher!;
  const kase = (status: Case['status'], updatedAt: string, matcher?: string) =>
    ({
      id: `c-${status}-${updatedAt}`,
      status,
      updatedAt,
      listVersions: matcher ? { matcher } : {},
    }) as unknown as Case;

  test('when a screener is built, then its versions carry the code version and the data hash', () => {
    expect(current).toBe(matcherVersion(loadScreeningData(RULES_DIR).data));
    expect(current.startsWith(`${MATCHER_CODE_VERSION}#`)).toBe(true);
    expect(matcherVersion(undefined)).toBe(`${MATCHER_CODE_VERSION}#none`);
  });

  test('when the alias data changes, then the matcher version changes', () => {
    const dir = rulesCopy((d) => {
      const f = join(d, 'screening', 'aliases.yaml');
      writeFileSync(f, `${readFileSync(f, 'utf8')}\n# edited\n`);
    });
    expect(matcherVersion(loadScreeningData(dir).data)).not.toBe(current);
  });

  test('when cases were screened by another matcher, then open and recent ones are stale, old closed ones not', () => {
    expect(screenedByOtherMatcher(kase('open', '2020-01-01T00:00:00Z', 'old'), current, now)).toBe(true);
    expect(screenedByOtherMatcher(kase('decided', '2026-11-20T00:00:00Z', 'old'), current, now)).toBe(true);
    expect(screenedByOtherMatcher(kase('decided', '2026-11-20T00:00:00Z'), current, now)).toBe(true);
    expect(screenedByOtherMatcher(kase('decided', '2026-01-01T00:00:00Z', 'old'), current, now)).toBe(false);
    expect(screenedByOtherMatcher(kase('open', '2026-11-20T00:00:00Z', current), current, now)).toBe(false);
  });

  test('when any case is stale, then the cases are re-screened; when none is, then nothing runs', async () => {
    const calls: number[] = [];
    const service = (cases: Case[]) => ({
      list: async () => cases,
      rescreen: async (_redecide: unknown, days?: number) => {
        calls.push(days ?? -1);
        return [cases[0]!];
      },
    });
    const stale = await rescreenAfterMatcherChange(
      service([kase('open', '2026-11-30T00:00:00Z', 'old')]),
      current,
      () => undefined,
      now,
    );
    expect(stale).toMatchObject({ stale: 1, reopened: [expect.anything()] });
    expect(calls).toEqual([90]);
    const fresh = await rescreenAfterMatcherChange(
      service([kase('open', '2026-11-30T00:00:00Z', current)]),
      current,
      () => undefined,
      now,
    );
    expect(fresh).toBeUndefined();
    expect(calls).toEqual([90]);
  });
});

describe('the core decides on a strong-only hit', () => {
  const strongOnly = (hit: Partial<ScreeningHit>): Screener => ({
    screen: () => [
      { list: 'x', entry: 1, name: 'X', matchedOn: 'X', score: 0.93, matchType: 'strong', kind: 'eul', ...hit },
    ],
    versions: () => ({}),
  });
  const facts = {
    caseType: 'shipment',
    destinationCountry: 'RU',
    itemDescription: '試薬',
    counterpartyName: 'モスクワ物理工科大学',
  };

  test('when the only hit on a specified entity is strong, then the answer is prohibited', () => {
    const r = decideFacts(
      { ruleSet: bundled().ruleSet, screener: strongOnly({ kind: 'specified_entity', country: 'RU' }) },
      facts,
    );
    expect(r.ok && r.decision.outcome).toBe('prohibited');
  });

  test('when the only hit on the End User List is strong, then it is never a clearance', () => {
    const r = decideFacts(
      { ruleSet: bundled().ruleSet, screener: strongOnly({ kind: 'eul', country: 'CN', concerns: ['M'] }) },
      {
        ...facts,
        destinationCountry: 'CN',
        counterpartyName: 'ハルビン工業大学',
        itemDescription: '炭素繊維のサンプル',
      },
    );
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(['license_required', 'officer_review']).toContain(r.decision.outcome);
      expect(r.decision.reasons.map((x) => x.id)).toContain('SCR-EUL-HIT');
    }
  });

  test('when the same case has a possible-only hit, then it is neither prohibited nor cleared; strong is prohibited', () => {
    const r = decideFacts(
      { ruleSet: bundled().ruleSet, screener: strongOnly({ kind: 'specified_entity', matchType: 'possible' }) },
      { ...facts, destinationCountry: 'TH' },
    );
    expect(r.ok && ['prohibited', 'no_license_required'].includes(r.decision.outcome)).toBe(false);
    const strong = decideFacts(
      { ruleSet: bundled().ruleSet, screener: strongOnly({ kind: 'specified_entity' }) },
      { ...facts, destinationCountry: 'TH' },
    );
    expect(strong.ok && strong.decision.outcome).toBe('prohibited');
  });
});

describe('export-check screen on the issue’s examples', () => {
  test('when the renderings and the innocent names are screened, then the first find their entries and the others nothing hard', {
    timeout: 60_000,
  }, () => {
    const names = [
      'ハルビン工業大学',
      'シャリフ工科大学',
      '国防科技大学',
      'School of Materials, Beihang University',
      'A*STAR',
      'LGエレクトロニクス',
    ];
    const r = spawnSync(process.execPath, [`${ROOT}src/bin/export-check.js`, 'screen'], {
      input: names.map((name) => JSON.stringify({ name })).join('\n'),
      encoding: 'utf8',
      cwd: ROOT,
    });
    expect(r.status).toBe(0);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { matches: ScreeningHit[] });
    const top = out.map((o) => o.matches[0]);
    expect(top.slice(0, 4).map((h) => h && [h.list, h.entry])).toEqual([
      ['jp-eul', 541],
      ['jp-eul', 259],
      ['jp-eul', 553],
      ['jp-eul', 501],
    ]);
    for (const h of top.slice(0, 4)) expect(['exact', 'strong']).toContain(h!.matchType);
    for (const o of out.slice(4)) expect(o.matches.filter((h) => h.matchType !== 'possible')).toEqual([]);
  });
});
