/**
 * @module cli/main
 * The composition root of the `export-check` command: reads the configuration, loads the rules and
 * lists, wires the adapters, and dispatches the subcommand. Nothing imports this module.
 */
import type { Screener } from '../app/ports.ts';
import { runJsonlChat } from '../channels/jsonl/chat.ts';
import { runTerminalChat } from '../channels/terminal/chat.ts';
import { type Config, loadConfig } from '../config.ts';
import type { Lang } from '../conversation/types.ts';
import { isCodedError } from '../core/errors.ts';
import type { RuleSet } from '../core/ruleset.ts';
import { loadLists } from '../lists/load-lists.ts';
import { loadRuleSet } from '../ruleset/load.ts';
import { createScreener } from '../screening/screener.ts';
import { runDecide } from './decide.ts';
import { parseArgs, printIssues, reportCodedError } from './io.ts';
import { runLists } from './lists.ts';
import { runRules } from './rules.ts';
import { runScreen } from './screen.ts';
import { createConversation, createLogger } from './wiring.ts';

const USAGE = `usage: export-check <command>
  decide [--jsonl]            facts (JSON) on stdin → decision
  screen                      {"name","country"} lines on stdin → matches
  chat [--jsonl] [--lang ja|en]
  rules check [dir] | schema | import-law | import-countries | import-annex
  lists import|status
  bench                       benchmarks (decisions, screening)
  start                       serve when Slack/Teams credentials are set, otherwise terminal chat
`;

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
    // Expected failures (a bad list file, a refused import, an unreadable law XML) carry a code.
    if (!isCodedError(err)) throw err;
    reportCodedError(err);
    return 1;
  }
}

async function dispatch(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, [
    'golden',
    'lang',
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
  ]);
  const config = loadConfig();
  // Lists live beside the rules they are checked with (rules/lists), unless LISTS_DIR says otherwise.
  const screenerFor = (rulesDir: string): Screener => {
    const { lists, issues } = loadLists(rulesDir === config.rulesDir ? config.listsDir : `${rulesDir}/lists`);
    printIssues(issues);
    return createScreener(lists);
  };
  const [command] = args.positional;
  switch (command) {
    case 'decide': {
      const ruleSet = loadRulesOrExit(config.rulesDir);
      if (!ruleSet) return 1;
      return runDecide({ ruleSet, screener: screenerFor(config.rulesDir) }, args.flags.has('jsonl'));
    }
    case 'start':
    case 'chat': {
      const jsonl = command === 'chat' && args.flags.has('jsonl');
      if (command === 'start' && hasChannelCredentials(config)) {
        process.stderr.write(
          'export-check: Slack/Teams credentials are set; `serve` is not built yet in this version.\n',
        );
        return 2;
      }
      if (!jsonl && !process.stdin.isTTY) {
        process.stderr.write(
          'export-check: no terminal and no Slack/Teams credentials. Run it in a terminal, use `export-check chat --jsonl` or `decide`, or set SLACK_* / MicrosoftApp* to serve.\n',
        );
        return 2;
      }
      const ruleSet = loadRulesOrExit(config.rulesDir);
      if (!ruleSet) return 1;
      const flag = args.flags.get('lang');
      if (flag !== undefined && flag !== 'ja' && flag !== 'en') {
        process.stderr.write('export-check: --lang must be ja or en\n');
        return 2;
      }
      const fixedLang = flag as Lang | undefined;
      const defaultLang: Lang = fixedLang ?? (/^ja/i.test(process.env.LANG ?? '') ? 'ja' : 'en');
      const screener = screenerFor(config.rulesDir);
      const conversation = createConversation(config, { ruleSet, screener, log: createLogger(config) }, defaultLang);
      if (!conversation) return 1;
      try {
        if (jsonl) return await runJsonlChat(conversation.service, fixedLang ? { lang: fixedLang } : {});
        const lists = Object.entries(screener.versions())
          .map(([k, v]) => `${k}@${v}`)
          .join(', ');
        const banner = `export-check — rules ${ruleSet.version}; lists ${lists || 'none'}; ${conversation.describe}`;
        return await runTerminalChat(conversation.service, { banner, ...(fixedLang ? { lang: fixedLang } : {}) });
      } finally {
        await conversation.close();
      }
    }
    case 'screen':
      return runScreen(screenerFor(config.rulesDir));
    case 'lists': {
      const ruleSet = loadRulesOrExit(config.rulesDir);
      if (!ruleSet) return 1;
      return runLists(args, { ruleSet, listsDir: config.listsDir, goldenDir: config.goldenDir });
    }
    case 'rules':
      return runRules(args, { rulesDir: config.rulesDir, goldenDir: config.goldenDir, screenerFor });
    case 'bench': {
      const { runBench } = await import('../bench/run.ts');
      return runBench(config);
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
