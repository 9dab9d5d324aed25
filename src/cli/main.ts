/**
 * @module cli/main
 * The composition root of the `export-check` command: reads the configuration, loads the rules and
 * lists, wires the adapters, and dispatches the subcommand. Nothing imports this module.
 */

import { join } from 'node:path';
import { decideFacts } from '../app/decide.ts';
import { noScreening, type Screener } from '../app/ports.ts';
import { resolveAuditKey } from '../audit/key.ts';
import { MemoryAuditLog } from '../audit/log.ts';
import { RedisAuditLog } from '../audit/redis-log.ts';
import { parsePrincipals, rolesFrom } from '../cases/roles.ts';
import { runJsonlChat } from '../channels/jsonl/chat.ts';
import { runTerminalChat } from '../channels/terminal/chat.ts';
import { type Config, loadConfig, PROJECT_ROOT } from '../config.ts';
import type { Lang } from '../conversation/types.ts';
import { isCodedError } from '../core/errors.ts';
import type { RuleSet } from '../core/ruleset.ts';
import { loadLists } from '../lists/load-lists.ts';
import { rescreenAfterMatcherChange } from '../lists/rescreen.ts';
import { loadRuleSet } from '../ruleset/load.ts';
import { RuleRegistry } from '../ruleset/registry.ts';
import { SharedRules, syncRules } from '../ruleset/shared.ts';
import { watchRules } from '../ruleset/watch.ts';
import { screeningDataFor } from '../screening/bundled.ts';
import { createScreener } from '../screening/screener.ts';
import { swappableScreener } from '../screening/swappable.ts';
import { tolerateOrphanedStoreAborts } from '../stores/orphaned-aborts.ts';
import { STORE_UNAVAILABLE_PATTERN, storeTarget } from '../stores/target.ts';
import { runDecide } from './decide.ts';
import { parseArgs, printIssues, reportCodedError } from './io.ts';
import { runScreen } from './screen.ts';

// What only some commands need loads when they run: the store, logger and LLM client (wiring), the chat SDKs
// (serve), the spreadsheet and PDF readers (lists import). `decide` and `screen` load none of them.
const wiring = () => import('./wiring.ts');
const serving = () => import('./serve.ts');
const sharedRules = () => import('./shared-rules.ts');

/** Where `decide`, `screen`, `chat` and `serve` keep the built screening index (see screening/index-cache). */
const INDEX_CACHE_DIR = join(PROJECT_ROOT, 'dist', '.cache');

const USAGE = `usage: export-check <command>
  decide [--jsonl]            facts (JSON) on stdin → decision
  screen                      {"name","country"} lines on stdin → matches
  chat [--jsonl] [--lang ja|en] [--session ID]
  rules check [dir] | schema | import-law | import-countries | import-annex
  rules status | diff | reload | rollback                 (reload/rollback: ADMINS only)
  lists import|status|golden
  cases list|show|replay|claim|decide|comment|close|inbox|remind   (needs REDIS_URL)
  audit verify|checkpoint|export|prune                      (needs REDIS_URL and AUDIT_KEY)
  survey start|remind|report --campaign ID [--users FILE.csv] [--out DIR]   (needs REDIS_URL)
  teams package [--out FILE]  the Teams app package (TEAMS_APP_ID, MicrosoftAppId)
  bench [start] [slack]       benchmarks (decisions, screening, cold starts, Slack load); a section alone
  serve                       HTTP server: Slack (/slack/events), Teams (/api/messages), /healthz, /metrics
  start                       serve when Slack/Teams credentials are set, otherwise terminal chat
`;

/** Serves until SIGINT/SIGTERM. */
async function serve(config: Config): Promise<number> {
  const registry = registryFor(config);
  const [{ createLogger }, { startServer }, { openSharedRules }] = await Promise.all([
    wiring(),
    serving(),
    sharedRules(),
  ]);
  const log = createLogger(config);
  // This process owns its unhandled rejections: a store node that stays down must not end it.
  tolerateOrphanedStoreAborts(log);
  // With a store, every instance starts on (and follows) the rules and lists published there.
  const shared = await openSharedRules(config, registry, log);
  const ruleSet = loadRulesOrExit(registry.activeDir());
  if (!ruleSet) return 1;
  const { lists, issues } = loadLists(shared?.listsDir ?? config.listsDir);
  printIssues(issues);
  // The built index from dist/.cache when it is there (as decide and screen do): start-up without the build.
  const screener = swappableScreener(
    createScreener(lists, undefined, screeningDataFor(config.rulesDir, printIssues), { cacheDir: INDEX_CACHE_DIR }),
  );
  // A refusal (a store that keeps nothing, no-auth Teams next to Slack…) must not leave the shared-rules
  // connection holding the process open: close it, then report.
  const served = await startServer({ config, registry, ruleSet, screener, log }).catch((err: unknown) => {
    shared?.close();
    throw err;
  });
  if (!served) {
    shared?.close();
    return 1;
  }
  const follower = shared?.follow(served.runtime, screener);
  // A new matcher or new aliases since the cases were screened: re-screen them as a list update does.
  void rescreenCases(config, ruleSet, true).catch((err) =>
    log.error({ err: String(err) }, 're-screening after a matcher change failed'),
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  follower?.close();
  shared?.close();
  await served.close();
  return 0;
}

/**
 * After a list import, or (with `matcherChanged`) when the matcher or its aliases changed since a case was
 * screened: open cases and those decided in the last 90 days are screened again.
 */
async function rescreenCases(config: Config, ruleSet: RuleSet, matcherChanged = false): Promise<void> {
  if (!storeTarget(config)) {
    if (!matcherChanged)
      process.stdout.write('  cases not re-screened: no REDIS_URL or REDIS_CLUSTER_NODES (no shared case store)\n');
    return;
  }
  const { lists } = loadLists(config.listsDir);
  const screener = createScreener(lists, undefined, screeningDataFor(config.rulesDir, printIssues), {
    cacheDir: INDEX_CACHE_DIR,
  });
  const { createLogger, createRuntime } = await wiring();
  const rt = createRuntime(config, { ruleSet, screener, log: createLogger(config) }, 'en');
  if (!rt) return;
  const redecide = (c: Parameters<Parameters<typeof rt.cases.rescreen>[0]>[0]) => {
    const facts = Object.fromEntries(Object.entries(c.facts).map(([k, e]) => [k, e.value]));
    const r = decideFacts({ ruleSet, screener }, facts);
    return r.ok ? r.decision : undefined;
  };
  try {
    if (matcherChanged) {
      const r = await rescreenAfterMatcherChange(rt.cases, screener.versions().matcher ?? '', redecide, new Date());
      if (r)
        process.stdout.write(
          `re-screened ${r.stale} case(s) after a matcher change: ${r.reopened.length ? `reopened ${r.reopened.map((c) => c.id).join(', ')}` : 'no new hits'}\n`,
        );
      return;
    }
    const reopened = await rt.cases.rescreen(redecide);
    process.stdout.write(
      `  re-screened cases: ${reopened.length ? `reopened ${reopened.map((c) => c.id).join(', ')}` : 'no new hits'}\n`,
    );
  } finally {
    await rt.close();
  }
}

function registryFor(config: Config): RuleRegistry {
  return new RuleRegistry(config.rulesDir, config.dataDir, config.goldenDir);
}

function hasChannelCredentials(config: Config): boolean {
  return Boolean((config.SLACK_BOT_TOKEN && config.SLACK_SIGNING_SECRET) || config.MicrosoftAppId);
}

function loadRulesOrExit(dir: string): RuleSet | undefined {
  const loaded = loadRuleSet(dir);
  if (!loaded.ok) {
    printIssues(loaded.issues);
    process.stderr.write(
      `export-check: the rules in ${dir} are invalid (${loaded.issues.length} problem(s)); refusing to start.\n`,
    );
    return undefined;
  }
  return loaded.ruleSet;
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    return await dispatch(argv);
  } catch (err) {
    // Expected failures (a bad environment, a bad list file, a refused import, an unreadable law XML) carry a
    // code. Anything else (Redis unreachable from `cases`, say) is reported as APP.INTERNAL without a stack
    // trace, unless EXPORT_CHECK_DEBUG asks for one.
    if (isCodedError(err)) {
      reportCodedError(err);
      return 1;
    }
    if (process.env.EXPORT_CHECK_DEBUG) throw err;
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    const code = STORE_UNAVAILABLE_PATTERN.test(message) ? 'APP.STORE_UNAVAILABLE' : 'APP.INTERNAL';
    process.stderr.write(`${code}: ${message} (set EXPORT_CHECK_DEBUG=1 for details)\n`);
    return 1;
  }
}

async function dispatch(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, [
    'golden',
    'lang',
    'session',
    'eul',
    'ru',
    'by',
    'third',
    'csl',
    'date',
    'from',
    'to',
    'format',
    'out',
    'as',
    'status',
    'kind',
    'reason',
    'result',
    'question',
    'text',
    'campaign',
    'users',
    'checkpoints',
  ]);
  const config = loadConfig();
  // Lists live beside the rules they are checked with (rules/lists), unless LISTS_DIR says otherwise. The built
  // index is kept under the build output for the next process (keyed by everything it is built from).
  // With `lazy`, the index is made at the first screening: a fact set without a counterparty needs none. The
  // lists and data are read (and their issues printed) at once either way.
  const screenerFor = (rulesDir: string, lazy = false): Screener => {
    const { lists, issues } = loadLists(rulesDir === config.rulesDir ? config.listsDir : `${rulesDir}/lists`);
    printIssues(issues);
    const data = screeningDataFor(rulesDir, printIssues);
    const make = () => createScreener(lists, undefined, data, { cacheDir: INDEX_CACHE_DIR });
    if (!lazy) return make();
    let made: Screener | undefined;
    const screener = () => {
      made ??= make();
      return made;
    };
    return { screen: (name, country) => screener().screen(name, country), versions: () => screener().versions() };
  };
  const [command] = args.positional;
  switch (command) {
    case 'decide': {
      // The version the bot serves: the active snapshot, or the working folder before any activation.
      const ruleSet = loadRulesOrExit(registryFor(config).activeDir());
      if (!ruleSet) return 1;
      return runDecide({ ruleSet, screener: screenerFor(config.rulesDir, true) }, args.flags.has('jsonl'));
    }
    case 'serve':
      return serve(config);
    case 'start':
    case 'chat': {
      const jsonl = command === 'chat' && args.flags.has('jsonl');
      if (command === 'start' && hasChannelCredentials(config)) return serve(config);
      if (!jsonl && !process.stdin.isTTY) {
        process.stderr.write(
          'export-check: no terminal and no Slack/Teams credentials. Run it in a terminal, use `export-check chat --jsonl` or `decide`, or set SLACK_* / MicrosoftApp* to serve.\n',
        );
        return 2;
      }
      const registry = registryFor(config);
      const { createLogger, createRuntime, localPrincipal } = await wiring();
      // With a store, the chat starts on the rules and lists the serving instances publish there.
      const shared = storeTarget(config)
        ? await (await sharedRules()).openSharedRules(config, registry, createLogger({ ...config, LOG_LEVEL: 'warn' }))
        : undefined;
      const activeDir = registry.activeDir();
      const ruleSet = loadRulesOrExit(activeDir);
      const flag = args.flags.get('lang');
      if (!ruleSet || (flag !== undefined && flag !== 'ja' && flag !== 'en')) {
        shared?.close();
        if (ruleSet) process.stderr.write('export-check: --lang must be ja or en\n');
        return ruleSet ? 2 : 1;
      }
      const fixedLang = flag as Lang | undefined;
      const defaultLang: Lang = fixedLang ?? (/^ja/i.test(process.env.LANG ?? '') ? 'ja' : 'en');
      const screener = shared?.listsDir
        ? createScreener(loadLists(shared.listsDir).lists, undefined, screeningDataFor(config.rulesDir, printIssues))
        : screenerFor(config.rulesDir);
      // In the terminal, log lines would land in the middle of the chat: only warnings, unless asked for.
      const log = createLogger(jsonl || process.env.LOG_LEVEL ? config : { ...config, LOG_LEVEL: 'warn' });
      const conversation = createRuntime(config, { ruleSet, screener, log, rulesDir: activeDir }, defaultLang);
      if (!conversation) {
        shared?.close();
        return 1;
      }
      const watcher = watchRules({
        registry,
        workingDir: config.rulesDir,
        screener,
        log,
        onActivate: conversation.activate,
        followEdits: config.RULES_WATCH === '1',
      });
      try {
        if (jsonl)
          return await runJsonlChat(conversation.conversation, {
            principal: localPrincipal(),
            inbox: conversation.inbox,
            ...(fixedLang ? { lang: fixedLang } : {}),
            ...(args.flags.get('session') ? { session: String(args.flags.get('session')) } : {}),
          });
        const lists = Object.entries(screener.versions())
          .map(([k, v]) => `${k}@${v}`)
          .join(', ');
        const banner = `export-check — rules ${ruleSet.version}; lists ${lists || 'none'}; ${conversation.describe}`;
        return await runTerminalChat(conversation.conversation, {
          banner,
          principal: localPrincipal(),
          inbox: conversation.inbox,
          ...(fixedLang ? { lang: fixedLang } : {}),
        });
      } finally {
        watcher.close();
        shared?.close();
        await conversation.close();
      }
    }
    case 'screen':
      return runScreen(screenerFor(config.rulesDir));
    case 'lists': {
      const ruleSet = loadRulesOrExit(config.rulesDir);
      if (!ruleSet) return 1;
      const { runLists } = await import('./lists.ts');
      return runLists(args, {
        ruleSet,
        listsDir: config.listsDir,
        goldenDir: config.goldenDir,
        afterImport: async () => {
          const [{ publishListsIfShared }, { createLogger }] = await Promise.all([sharedRules(), wiring()]);
          await publishListsIfShared(config, createLogger(config));
          await rescreenCases(config, ruleSet);
        },
      });
    }
    case 'rules': {
      const sub = args.positional[1] ?? '';
      if (!['status', 'diff', 'reload', 'rollback'].includes(sub))
        return (await import('./rules.ts')).runRules(args, {
          rulesDir: config.rulesDir,
          goldenDir: config.goldenDir,
          screenerFor,
        });
      const { connectConfiguredStore, createLogger, localPrincipal } = await wiring();
      const log = createLogger(config);
      const auditKey = resolveAuditKey(config, log);
      const redis = connectConfiguredStore(config, log);
      const registry = registryFor(config);
      if (!redis && (sub === 'reload' || sub === 'rollback'))
        process.stderr.write('export-check rules: no REDIS_URL, so this change is audited in memory only\n');
      // Reload and rollback go to the shared store first: every instance follows, or none does.
      registry.setPublisher(redis ? new SharedRules(redis) : undefined);
      try {
        if (redis) await syncRules(new SharedRules(redis), registry);
        const { runRulesAdmin } = await import('../admin/rules-commands.ts');
        return await runRulesAdmin(sub, {
          registry,
          screener: screenerFor(config.rulesDir),
          audit: redis ? new RedisAuditLog(redis, { key: auditKey }) : new MemoryAuditLog(auditKey),
          roles: rolesFrom({ officers: parsePrincipals(config.OFFICERS), admins: parsePrincipals(config.ADMINS) }),
          actor: localPrincipal(),
          now: () => new Date(),
        });
      } finally {
        redis?.disconnect();
      }
    }
    case 'cases':
    case 'survey':
    case 'audit': {
      if (!storeTarget(config)) {
        process.stderr.write(
          `export-check ${command}: cases and the audit trail are shared through Redis; set REDIS_URL or REDIS_CLUSTER_NODES (the in-memory store lives only inside the chat process).\n`,
        );
        return 2;
      }
      const ruleSet = loadRulesOrExit(config.rulesDir);
      if (!ruleSet) return 1;
      const { createLogger, createRuntime, localPrincipal } = await wiring();
      const { channelSurveySenders } = command === 'survey' ? await serving() : { channelSurveySenders: undefined };
      const log = createLogger(config);
      const rt = createRuntime(
        config,
        { ruleSet, screener: noScreening, log },
        'en',
        channelSurveySenders ? { surveySenderFor: await channelSurveySenders(config, log) } : {},
      );
      if (!rt) return 1;
      try {
        if (command === 'survey') return await (await import('./survey.ts')).runSurvey(args, rt, localPrincipal());
        if (command === 'cases' && args.positional[1] === 'replay') {
          const dir = registryFor(config).activeDir();
          const active = loadRuleSet(dir);
          const current = active.ok ? { ruleSet: active.ruleSet, dir } : { ruleSet, dir: config.rulesDir };
          return await (await import('./replay.ts')).runReplay(args.positional[2], rt.cases, config, current);
        }
        return command === 'cases'
          ? await (await import('./cases.ts')).runCases(args, rt, localPrincipal())
          : await (await import('./audit.ts')).runAudit(args, rt, {
              retentionDays: config.AUDIT_RETENTION_DAYS,
              dataDir: config.dataDir,
            });
      } finally {
        await rt.close();
      }
    }
    case 'teams': {
      if (args.positional[1] !== 'package') {
        process.stderr.write(
          'usage: export-check teams package [--out FILE.zip]   (TEAMS_APP_ID and MicrosoftAppId set)\n',
        );
        return 2;
      }
      const { buildTeamsPackage } = await import('../channels/teams/package.ts');
      const out = (args.flags.get('out') as string | undefined) ?? 'export-check-teams.zip';
      const files = await buildTeamsPackage(`${PROJECT_ROOT}manifest/teams`, out, {
        teamsAppId: config.TEAMS_APP_ID ?? '',
        botAppId: config.MicrosoftAppId ?? '',
      });
      process.stdout.write(`wrote ${out}: ${files.join(', ')}\n`);
      return 0;
    }
    case 'bench': {
      const { runBench } = await import('../bench/run.ts');
      return runBench(config, args.positional.slice(1));
    }
    case undefined:
    case 'help':
    case '--help':
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`export-check: unknown command "${command}"\n${USAGE}`);
      return 2;
  }
}
