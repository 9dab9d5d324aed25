import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../support/fixtures.ts';

function cli(args: string[], input: string) {
  const r = spawnSync(process.execPath, [`${ROOT}src/bin/export-check.js`, ...args], {
    input,
    encoding: 'utf8',
    cwd: ROOT,
  });
  return { code: r.status, out: r.stdout.trim().split('\n').filter(Boolean), err: r.stderr };
}

describe('export-check decide', () => {
  test('when a mixed JSONL file is decided, then each line gets its decision in order', () => {
    const lines = [
      { caseType: 'shipment', destinationCountry: 'KP', itemDescription: 'books' },
      {
        caseType: 'technology',
        destinationCountry: 'IN',
        counterpartyName: 'インドの電子部品メーカー',
        itemDescription: 'MLCC manufacturing know-how',
        listStatus: 'unknown',
        publiclyAvailable: 'no',
        basicResearch: 'no',
        endUseConcern: 'no',
        militaryEndUser: 'no',
      },
      {
        caseType: 'visitor',
        destinationCountry: 'DE',
        counterpartyName: 'Technical University of Munich',
        itemDescription: 'seminar',
        providesTechnology: 'no',
      },
    ];
    const r = cli(['decide', '--jsonl'], lines.map((l) => JSON.stringify(l)).join('\n'));
    expect(r.code).toBe(0);
    expect(r.out.map((l) => JSON.parse(l).outcome)).toEqual([
      'prohibited',
      'prior_report_required',
      'no_license_required',
    ]);
    expect(Object.keys(JSON.parse(r.out[0]!))).toEqual([
      'outcome',
      'missing',
      'reasons',
      'flags',
      'screening',
      'rulesVersion',
    ]);
  });

  test('when a line is bad, then it gets an error with a stable code and the others still answer', () => {
    const r = cli(
      ['decide', '--jsonl'],
      '{"caseType":"shipment","destinationCountry":"XX"}\nnot json\n{"caseType":"visitor"}\n',
    );
    expect(r.code).toBe(2);
    expect(r.out.map((l) => JSON.parse(l).error?.code ?? JSON.parse(l).outcome)).toEqual([
      'CORE.COUNTRY_UNKNOWN',
      'CLI.INPUT_UNPARSEABLE',
      'needs_facts',
    ]);
  });

  test('when screen is given names, then it prints matches in the contract shape', () => {
    const r = cli(['screen'], '{"name":"哈尔滨工业大学"}\n{"name":"Kyoto University"}\n{"nome":1}\n');
    const [first, second, third] = r.out.map((l) => JSON.parse(l));
    expect(first.matches[0]).toMatchObject({ list: 'jp-eul', entry: 541, matchType: 'exact' });
    expect(second.matches).toEqual([]);
    expect(third.error.code).toBe('SCREEN.QUERY_INVALID');
  });
});
