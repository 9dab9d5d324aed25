import { spawnSync } from 'node:child_process';
import { describe, expect, test, vi } from 'vitest';
import { cliProcess, cliRunner } from '../support/cli.ts';
import { ROOT } from '../support/fixtures.ts';

// The first decide test goes through the real launcher (a subprocess); the others call the same `main` in-process.
const viaLauncher = cliProcess({});
const inProcess = cliRunner({ REDIS_URL: '' });
const split = (r: { code: number | null; out: string; err: string }) => ({
  ...r,
  out: r.out.trim().split('\n').filter(Boolean),
});
const cliSubprocess = (args: string[], input: string) => split(viaLauncher(args, input));
const cli = async (args: string[], input: string) => split(await inProcess(args, input));

// The subprocess tests start the real command (seconds on a loaded 2-core CI machine): outcomes, not speed.
vi.setConfig({ testTimeout: 60_000 });

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
    const r = cliSubprocess(['decide', '--jsonl'], lines.map((l) => JSON.stringify(l)).join('\n'));
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
      // Added keys (contract §4 keys unchanged): the officer's open points and the rules considered.
      'open',
      'considered',
    ]);
  });

  test('when a later line names a listed counterparty, then it is screened (the index is made at the first screening)', async () => {
    const visitor = { caseType: 'visitor', itemDescription: 'seminar', providesTechnology: 'no' };
    const r = await cli(
      ['decide', '--jsonl'],
      [
        { ...visitor, destinationCountry: 'DE' },
        { ...visitor, destinationCountry: 'CN', counterpartyName: 'Harbin Institute of Technology' },
      ]
        .map((l) => JSON.stringify(l))
        .join('\n'),
    );
    const [first, second] = r.out.map((l) => JSON.parse(l));
    expect(first.reasons.map((x: { id: string }) => x.id)).not.toContain('SCR-EUL-HIT');
    expect(second.reasons.map((x: { id: string }) => x.id)).toContain('SCR-EUL-HIT');
    expect(second.outcome).toBe('officer_review');
  });

  test('when a line is bad, then it gets an error with a stable code and the others still answer', async () => {
    const r = await cli(
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

  test('when screen is given names, then it prints matches in the contract shape', async () => {
    const r = await cli(['screen'], '{"name":"哈尔滨工业大学"}\n{"name":"Kyoto University"}\n{"nome":1}\n');
    const [first, second, third] = r.out.map((l) => JSON.parse(l));
    expect(first.matches[0]).toMatchObject({ list: 'jp-eul', entry: 541, matchType: 'exact' });
    expect(second.matches).toEqual([]);
    expect(third.error.code).toBe('SCREEN.QUERY_INVALID');
  });

  test('when a country is null, empty or lower case, then it is read as absent or upper case; a bad one is refused', async () => {
    const r = await cli(
      ['screen'],
      [
        { name: 'Sharif University of Technology', country: null },
        { name: 'ハルビン工業大学', country: '' },
        { name: 'Harbin Institute of Technology', country: 'cn' },
        { name: 'Harbin Institute of Technology', country: 'CHN' },
        { name: 'Harbin Institute of Technology', country: 86 },
      ]
        .map((l) => JSON.stringify(l))
        .join('\n'),
    );
    expect(r.code).toBe(2);
    const lines = r.out.map((l) => JSON.parse(l));
    expect(lines.slice(0, 3).map((l) => l.error?.code ?? l.matches.length > 0)).toEqual([true, true, true]);
    expect(lines.slice(3).map((l) => l.error?.code)).toEqual(['SCREEN.QUERY_INVALID', 'SCREEN.QUERY_INVALID']);
  });
});

describe('export-check chat --jsonl (contract §4)', () => {
  const run = cliRunner({ REDIS_URL: '' });
  async function chat(args: string[], input: unknown[]) {
    const r = await run(
      ['chat', '--jsonl', ...args],
      input.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n'),
    );
    return {
      code: r.code,
      out: r.out
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l)),
      err: r.err,
    };
  }

  test('when a conversation is piped in, then every input gets exactly one {say, ask, decision} line', async () => {
    const r = await chat(
      [],
      [
        { text: 'I want to send a cooled infrared camera to a university in Germany' },
        { text: 'Technical University of Munich' },
        { choose: 'unknown' },
      ],
    );
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(3);
    for (const o of r.out) expect(Object.keys(o).sort()).toEqual(['ask', 'decision', 'say']);
    expect(r.out[0].ask).toEqual({ fact: 'counterpartyName', options: null });
    expect(r.out[1].ask.fact).toBe('listStatus');
    expect(r.out[1].ask.options.map((o: { value: string }) => o.value)).toContain('unknown');
    expect(r.out[2].decision).toMatchObject({
      outcome: 'classification_needed',
      caseId: expect.stringMatching(/^EC-\d{8}-/),
    });
    expect(r.out[2].decision.rulesVersion).toMatch(/^rules-/);
  });

  test('when --lang en is given, then a Japanese message is answered in English', async () => {
    const r = await chat(['--lang', 'en'], [{ text: 'ドイツの大学に冷却型赤外線カメラを送りたい' }]);
    expect(r.out[0].say).toContain('What I understood');
  });

  test('when a line is not a turn, then it gets an error reply with a code and the session goes on', async () => {
    const r = await chat([], ['not json', { shout: 'x' }, { text: '北朝鮮の大学に学術書籍と文房具を送りたい。' }]);
    expect(r.out.map((o) => o.error?.code ?? null)).toEqual(['CLI.INPUT_UNPARSEABLE', 'CLI.INPUT_UNPARSEABLE', null]);
    expect(r.out[2].decision.outcome).toBe('prohibited');
  });

  test('when start runs without a terminal or credentials, then it exits 2 with a clear message', () => {
    const r = viaLauncher(['start'], '', { REDIS_URL: '' });
    expect(r.code).toBe(2);
    expect(r.err).toContain('no terminal');
  });
});

describe('configuration errors', () => {
  test('when the environment is invalid, then the command says which variable, with a code, and no stack trace', () => {
    const r = spawnSync(process.execPath, [`${ROOT}src/bin/export-check.js`, 'decide'], {
      input: '{}',
      encoding: 'utf8',
      cwd: ROOT,
      env: { ...process.env, PORT: 'abc' },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('environment: PORT:');
    expect(r.stderr).toContain('CONFIG.INVALID');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

test('when Redis cannot be reached, then `cases list` says APP.STORE_UNAVAILABLE without a stack trace', () => {
  const r = spawnSync(process.execPath, [`${ROOT}src/bin/export-check.js`, 'cases', 'list'], {
    encoding: 'utf8',
    cwd: ROOT,
    env: {
      ...process.env,
      REDIS_URL: 'redis://127.0.0.1:1',
      REDIS_CLUSTER_NODES: '',
      LOG_LEVEL: 'silent',
      AUDIT_KEY: 'cli-test-audit-key-0123456789',
    },
    timeout: 120_000,
  });
  expect(r.status).toBe(1);
  expect(r.stderr).toContain('APP.STORE_UNAVAILABLE');
  expect(r.stderr).not.toMatch(/\n\s+at /);
}, 30_000);
