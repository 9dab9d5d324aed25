/**
 * Two `serve` processes on two ports against one store, as behind a load balancer: a Slack conversation whose
 * events alternate between them, the officer's click on the other one, a rules reload and a list publish
 * seen by both (/healthz), reminders sent once, and no case or audit record duplicated.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { silentLogger } from '../../src/app/ports.ts';
import { verifyAudit } from '../../src/audit/log.ts';
import { eventCallback, slackSignedHeaders } from '../../src/bench/slack-request.ts';
import { createRuntime } from '../../src/cli/wiring.ts';
import { loadConfig } from '../../src/config.ts';
import { SharedRules } from '../../src/ruleset/shared.ts';
import { cliRunner } from '../support/cli.ts';
import { type FakeConnector, startFakeConnector } from '../support/fake-connector.ts';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.ts';
import { bundled, ROOT, RULES_DIR } from '../support/fixtures.ts';
import { TEST_AUDIT_KEY } from '../support/server.ts';
import { useFreshStore } from '../support/test-redis.ts';

const SECRET = 'two-instances-secret';
// Runs on the standalone server and on the cluster (vitest.config.ts).
const db = useFreshStore(15);
const root = mkdtempSync(join(tmpdir(), 'ec-two-'));
const rulesDir = join(root, 'rules');
const listsDir = join(root, 'lists');
let fake: FakeSlack;
let connector: FakeConnector;
const instances: { proc: ChildProcess; base: string }[] = [];
let eventNo = 0;

const env = () => ({
  ...Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(OPENAI|AZURE|SLACK|Microsoft|REDIS_CLUSTER_NODES)/.test(k)),
  ),
  ...db.env,
  RULES_DIR: rulesDir,
  LISTS_DIR: listsDir,
  SLACK_BOT_TOKEN: 'xoxb-two',
  SLACK_SIGNING_SECRET: SECRET,
  SLACK_OFFICER_CHANNEL: 'C_OFF',
  OFFICERS: 'slack:U_OFF',
  ADMINS: 'local:admin',
  ALLOW_EPHEMERAL_STORE: '1',
  AUDIT_KEY: TEST_AUDIT_KEY,
  LOG_LEVEL: 'info',
  PORT: '0',
});

/** Teams without Bot Framework credentials, for the local fake connector: `serve` refuses that next to Slack. */
const teamsEnv = () => ({
  ...Object.fromEntries(Object.entries(env()).filter(([k]) => !k.startsWith('SLACK_'))),
  TEAMS_DEV_NO_AUTH: '1',
  HOST: '127.0.0.1',
});

/** Starts `export-check serve` and resolves with its base URL once it logs that it is serving. */
function startServe(
  name: string,
  base: Record<string, string | undefined> = env(),
): Promise<{ proc: ChildProcess; base: string }> {
  const proc = spawn(process.execPath, [`${ROOT}src/bin/export-check.js`, 'serve'], {
    cwd: ROOT,
    env: { ...base, SLACK_API_URL: fake.url, DATA_DIR: join(root, `data-${name}`) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let buf = '';
    proc.stderr!.on('data', (d: Buffer) => {
      buf += d.toString();
      const line = buf.split('\n').find((l) => l.includes('"export-check serving"'));
      if (line) resolve({ proc, base: `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}` });
    });
    proc.once('exit', (code) => reject(new Error(`serve ${name} exited ${code}: ${buf.slice(-2000)}`)));
  });
}

const sign = (raw: string) => slackSignedHeaders(SECRET, raw);
const post = (base: string, raw: string, type: string) =>
  fetch(`${base}/slack/events`, { method: 'POST', body: raw, headers: { 'content-type': type, ...sign(raw) } });
const event = (base: string, ev: Record<string, unknown>) =>
  post(base, eventCallback(ev, `Ev2-${++eventNo}`), 'application/json');
const click = (base: string, user: string, channel: string, ts: string, action: Record<string, unknown>) =>
  post(
    base,
    `payload=${encodeURIComponent(
      JSON.stringify({
        type: 'block_actions',
        team: { id: 'T1', domain: 't1' },
        user: { id: user, username: user, team_id: 'T1' },
        api_app_id: 'A1',
        token: 'x',
        trigger_id: `trig-${++eventNo}`,
        channel: { id: channel, name: channel },
        container: { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: false },
        message: { type: 'message', ts, thread_ts: '200.1', text: '' },
        actions: [{ block_id: 'b', action_ts: String(Date.now() / 1000), ...action }],
      }),
    )}`,
    'application/x-www-form-urlencoded',
  );

async function healthz(base: string): Promise<{ rules: string; lists: Record<string, string> }> {
  return (await fetch(`${base}/healthz`)).json() as Promise<{ rules: string; lists: Record<string, string> }>;
}

/** Polls until every instance reports what `ok` wants (each follows the store within a second). */
async function untilAll(ok: (h: Awaited<ReturnType<typeof healthz>>) => boolean, what: string) {
  const end = Date.now() + 60_000;
  for (;;) {
    const all = await Promise.all(instances.map((i) => healthz(i.base)));
    if (all.every(ok)) return all;
    if (Date.now() > end) throw new Error(`not every instance reached ${what}: ${JSON.stringify(all)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  for (const entry of ['facts.yaml', 'countries', 'items', 'decision', 'conversation', 'survey'])
    cpSync(join(RULES_DIR, entry), join(rulesDir, entry), { recursive: true });
  cpSync(join(RULES_DIR, 'lists'), listsDir, { recursive: true, filter: (s) => !s.includes('sources') });
  fake = await startFakeSlack();
  connector = await startFakeConnector();
  instances.push(...(await Promise.all([startServe('a'), startServe('b')])));
});

afterAll(async () => {
  for (const i of instances) {
    i.proc.kill('SIGTERM');
    await new Promise((r) => (i.proc.exitCode === null ? i.proc.once('exit', r) : r(null)));
  }
  await fake?.close();
  await connector?.close();
});

test('a conversation alternating between two instances, the officer on the other, reminders once: one case, one audit trail', async () => {
  const a = instances[0]!;
  const b = instances[1]!;
  let from = fake.calls.length;
  await event(a.base, {
    type: 'message',
    channel_type: 'im',
    channel: 'D2',
    user: 'U_R',
    text: 'ドイツの大学に冷却型赤外線カメラを送りたい',
    ts: '200.1',
  });
  await fake.waitFor((c) => c.method === 'chat.postMessage' && c.params.thread_ts === '200.1', from);

  from = fake.calls.length;
  await event(b.base, {
    type: 'message',
    channel_type: 'im',
    channel: 'D2',
    user: 'U_R',
    text: 'Technical University of Munich',
    ts: '200.2',
    thread_ts: '200.1',
  });
  const q2 = await fake.waitFor((c) => c.method === 'chat.postMessage' && c.params.thread_ts === '200.1', from);
  const buttons = (q2.params.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]).find(
    (x) => x.type === 'actions',
  )!.elements!;
  const unknown = buttons.find((x) => JSON.parse(x.value).v === 'unknown')!;

  from = fake.calls.length;
  await click(a.base, 'U_R', 'D2', String(q2.params.ts ?? '1.1'), {
    type: 'button',
    action_id: unknown.action_id,
    value: unknown.value,
  });
  const officerPost = await fake.waitFor((c) => c.method === 'chat.postMessage' && c.params.channel === 'C_OFF', from);
  const caseId = /EC-\d{8}-\w+/.exec(JSON.stringify(officerPost.params.blocks))![0];
  // The instance that posted the card remembers its ts on the case once Slack answered: wait for it.
  let officerTs = '';
  for (let i = 0; i < 300 && !officerTs; i++) {
    const stored = JSON.parse((await db.redis().get(`ec:{case:${caseId}}`)) ?? '{}') as {
      refs?: Record<string, string>;
    };
    officerTs = stored.refs?.slackOfficerTs ?? '';
    if (!officerTs) await new Promise((r) => setTimeout(r, 100));
  }
  expect(officerTs).toBeTruthy();

  // The officer claims on the other instance: the card that instance A posted is updated in place.
  from = fake.calls.length;
  await click(b.base, 'U_OFF', 'C_OFF', officerTs, { type: 'button', action_id: 'ec_claim', value: caseId });
  await fake.waitFor((c) => c.method === 'chat.update' && c.params.channel === 'C_OFF', from);

  // Both instances' reminder loops run at once, a day later: the officers hear once.
  const later = new Date(Date.now() + 7 * 86_400_000);
  const runtimes = [0, 1].map(
    () =>
      createRuntime(
        loadConfig({
          ...db.env,
          RULES_DIR: rulesDir,
          LISTS_DIR: listsDir,
          LOG_LEVEL: 'silent',
          AUDIT_KEY: TEST_AUDIT_KEY,
        }),
        { ...bundled(), log: silentLogger },
        'ja',
        { now: () => later },
      )!,
  );
  const reminded = (await Promise.all(runtimes.map((r) => r.cases.remindDue()))).flat();
  expect(reminded).toEqual([caseId]);

  const [rt] = runtimes as [NonNullable<(typeof runtimes)[0]>];
  expect((await rt.cases.list()).map((c) => c.id)).toEqual([caseId]);
  const { entries } = await rt.audit.read();
  expect(entries.filter((e) => e?.caseId === caseId).map((e) => e?.type)).toEqual([
    'case.recorded',
    'case.claimed',
    'case.reminded',
  ]);
  expect((await verifyAudit(rt.audit)).ok).toBe(true);
  for (const r of runtimes) await r.close();
});

test('a rules reload from the command line and a list import published to the store are served by both instances', async () => {
  const before = await untilAll(() => true, 'an answer');
  const file = join(rulesDir, 'decision', '10-country.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('outcome: prohibited', 'outcome: prohibited\n    # two'));
  const run = cliRunner({
    ...db.env,
    AUDIT_KEY: TEST_AUDIT_KEY,
    RULES_DIR: rulesDir,
    LISTS_DIR: listsDir,
    ADMINS: 'local:admin',
    EXPORT_CHECK_USER: 'admin',
    DATA_DIR: join(root, 'data-admin'),
  });
  const reload = await run(['rules', 'reload']);
  expect(reload.code).toBe(0);
  const version = /(rules-[0-9a-f]{12}) active/.exec(reload.out)![1]!;
  expect(version).not.toBe(before[0]!.rules);
  await untilAll((h) => h.rules === version, version);

  const eul = join(listsDir, 'jp-eul.json');
  const data = JSON.parse(readFileSync(eul, 'utf8')) as { date: string };
  data.date = '2026-12-01'; // a newer edition, as `lists import` would write it
  writeFileSync(eul, JSON.stringify(data));
  await new SharedRules(db.redis()).publishLists(listsDir);
  await untilAll((h) => h.lists['jp-eul']?.startsWith('2026-12-01#') === true, 'the new lists');
});

test('a Teams conversation alternating between the two instances reaches one decision and one case', async () => {
  // Two Teams-only instances (local development without auth, so no Slack beside them) on the same store.
  const teams = await Promise.all([startServe('ta', teamsEnv()), startServe('tb', teamsEnv())]);
  instances.push(...teams);
  const a = teams[0]!;
  const b = teams[1]!;
  let k = 0;
  const activity = (extra: Record<string, unknown>) => ({
    type: 'message',
    id: `two-act-${++k}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    from: { id: '29:two-researcher', aadObjectId: 'aad-two', name: 'researcher' },
    conversation: { id: 'a:two-chat', conversationType: 'personal', tenantId: 'tenant-1' },
    recipient: { id: '28:bot', name: 'export-check' },
    locale: 'ja-JP',
    channelData: { tenant: { id: 'tenant-1' } },
    ...extra,
  });
  const send = (base: string, body: Record<string, unknown>) =>
    fetch(`${base.replace('/slack/events', '')}/api/messages`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });
  const cardOf = (c: { body: Record<string, unknown> }) => JSON.stringify(c.body.attachments ?? []);
  let from = connector.calls.length;
  expect((await send(a.base, activity({ text: 'ドイツの大学に冷却型赤外線カメラを送りたい' }))).status).toBe(200);
  await connector.waitFor((c) => c.kind === 'reply' && c.conversation === 'a:two-chat', from);
  from = connector.calls.length;
  await send(b.base, activity({ value: { ec: 'text', text: 'Technical University of Munich' } }));
  const q2 = await connector.waitFor((c) => c.kind === 'reply' && c.conversation === 'a:two-chat', from);
  expect(cardOf(q2)).toContain('"v":"unknown"');
  from = connector.calls.length;
  await send(a.base, activity({ value: { ec: 'choose', v: 'unknown' } }));
  const decision = await connector.waitFor(
    (c) => c.kind === 'reply' && c.conversation === 'a:two-chat' && cardOf(c).includes('判定: 該非判定が必要'),
    from,
  );
  const caseId = /(EC-\d{8}-\w+)/.exec(cardOf(decision))![1]!;
  const rt = createRuntime(
    loadConfig({ ...db.env, RULES_DIR: rulesDir, LISTS_DIR: listsDir, LOG_LEVEL: 'silent', AUDIT_KEY: TEST_AUDIT_KEY }),
    { ...bundled(), log: silentLogger },
    'ja',
  )!;
  try {
    expect((await rt.cases.get(caseId)).requester.principal).toBe('teams:aad-two');
    const { entries } = await rt.audit.read();
    expect(entries.filter((e) => e?.caseId === caseId).map((e) => e?.type)).toEqual(['case.recorded']);
  } finally {
    await rt.close();
  }
});
