import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { cliRunner } from '../support/cli.ts';
import { useFreshRedisDb } from '../support/redis-db.ts';

// An admin runs a campaign end to end from the command line, and a researcher answers in the chat.
const db = useFreshRedisDb(13);
const dir = mkdtempSync(join(tmpdir(), 'ec-survey-cli-'));
const runAs = cliRunner({ REDIS_URL: db.url, ADMINS: 'local:admin' });
const run = (user: string, args: string[], input = '') => runAs(args, input, { EXPORT_CHECK_USER: user });

test('survey start → answers in the chat → survey report with CSV and an SVG chart', async () => {
  const users = join(dir, 'users.csv');
  writeFileSync(users, 'principal,name,department\nlocal:alice,Alice,工学部\nlocal:bob,Bob,理学部\n');
  expect(
    (await run('alice', ['survey', 'start', '--campaign', '2026-sensitive-tech', '--users', users])).err,
  ).toContain('ADMIN.FORBIDDEN');
  expect(
    (await run('admin', ['survey', 'start', '--campaign', '2026-sensitive-tech', '--users', users])).out,
  ).toContain('invited 2 of 2');

  const turns = [
    '調査',
    '材料物性研究室',
    '工学部',
    'alice@example.ac.jp',
    'はい',
    '6項',
    '炭素繊維複合材',
    'いいえ',
    'いいえ',
  ];
  const chat = await run('alice', ['chat', '--jsonl'], turns.map((t) => JSON.stringify({ text: t })).join('\n'));
  const replies = chat.out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  expect(replies).toHaveLength(turns.length);
  expect(replies[0].say).toContain('📣'); // the invitation waited in Alice's inbox
  expect(replies.at(-1).say).toContain('ご回答ありがとうございました');

  const out = join(dir, 'report');
  const report = await run('admin', ['survey', 'report', '--campaign', '2026-sensitive-tech', '--out', out]);
  expect(report.out).toContain('工学部\t1/1 responded (100%)\t1 lab(s) with controlled items');
  expect(report.out).toContain('理学部\t0/1 responded (0%)');
  expect(readFileSync(join(out, 'departments.csv'), 'utf8')).toContain('工学部,1,1,0,1.00,1');
  expect(readFileSync(join(out, 'follow-ups.csv'), 'utf8')).toContain('local:alice');
  expect(existsSync(join(out, 'chart.svg'))).toBe(true);
});
