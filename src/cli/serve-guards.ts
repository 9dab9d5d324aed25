/**
 * @module cli/serve-guards
 * What `serve` checks before it opens a port (part of the composition root): how Teams is served, that the
 * local-development no-auth mode cannot reach a deployment, and that cases and the 7-year audit trail go to
 * a store that keeps them. Each refusal is a coded error, so `serve` exits non-zero and says why.
 */
import type { Logger } from '../app/ports.ts';
import type { Config } from '../config.ts';
import { CodedError, ErrorCode } from '../core/errors.ts';
import { createRedisClient, dataNodes } from '../stores/connect.ts';
import { storeTarget } from '../stores/target.ts';

export type TeamsMode = 'auth' | 'dev-no-auth' | 'off';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost', '[::1]']);
export const isLoopbackHost = (host: string) => LOOPBACK.has(host.toLowerCase()) || /^127\./.test(host);

/**
 * Teams is served with Bot Framework auth when MicrosoftAppId is set; without credentials only with
 * TEAMS_DEV_NO_AUTH=1, which is refused next to Slack or Bot Framework credentials and off loopback (so it
 * can never be the state of a deployment). Without either, /api/messages does not exist.
 */
export function teamsMode(config: Config, host: string | undefined): TeamsMode {
  const devNoAuth = config.TEAMS_DEV_NO_AUTH === '1';
  if (!devNoAuth) return config.MicrosoftAppId ? 'auth' : 'off';
  const refuse = (why: string): never => {
    throw new CodedError(ErrorCode.TeamsDevNoAuthRefused, `TEAMS_DEV_NO_AUTH=1 is refused: ${why}`);
  };
  if (config.MicrosoftAppId) refuse('Bot Framework credentials (MicrosoftAppId) are set; unset one of them');
  if (config.SLACK_BOT_TOKEN || config.SLACK_SIGNING_SECRET || config.SLACK_APP_TOKEN)
    refuse('Slack credentials are set; local development without auth runs Teams alone');
  if (host !== undefined && !isLoopbackHost(host))
    refuse(`HOST=${host} is not a loopback address; without auth the server listens on 127.0.0.1 only`);
  return 'dev-no-auth';
}

/** The address to listen on: HOST, or loopback in the no-auth mode, or every interface. */
export function listenHost(config: Config, mode: TeamsMode): string | undefined {
  return config.HOST ?? (mode === 'dev-no-auth' ? '127.0.0.1' : undefined);
}

/** The two answers that say whether Redis persists; either may be refused by an ACL. */
export interface PersistenceProbe {
  config(op: 'GET', key: string): Promise<unknown>;
  info(section: 'persistence'): Promise<string>;
}

export type Durability = { persists: true; how: string } | { persists: false; why: string };

/** AOF or RDB snapshots by CONFIG GET; when CONFIG is refused (ACL, managed Redis), AOF by INFO persistence. */
export async function redisDurability(probe: PersistenceProbe): Promise<Durability> {
  try {
    const [, appendonly] = (await probe.config('GET', 'appendonly')) as string[];
    const [, save] = (await probe.config('GET', 'save')) as string[];
    const how = [appendonly === 'yes' ? 'aof' : '', save?.trim() ? `rdb (save ${save.trim()})` : '']
      .filter(Boolean)
      .join(' + ');
    return how ? { persists: true, how } : { persists: false, why: 'Redis has appendonly no and save ""' };
  } catch {
    const info = await probe.info('persistence');
    if (/^aof_enabled:1\s*$/m.test(info)) return { persists: true, how: 'aof (INFO persistence)' };
    return {
      persists: false,
      why: 'CONFIG GET is not allowed for this Redis user and INFO shows AOF off, so snapshots cannot be confirmed (enable AOF, or allow +config|get)',
    };
  }
}

/**
 * Refuses to keep cases and audit on a store that keeps nothing, unless ALLOW_EPHEMERAL_STORE=1 (tests, CI,
 * a demo). The terminal chat never comes here: its in-memory default is not `serve`.
 */
export async function requireDurableStore(config: Config, log: Logger): Promise<void> {
  if (config.ALLOW_EPHEMERAL_STORE === '1') {
    log.warn({ store: storeTarget(config)?.kind ?? 'memory' }, 'ALLOW_EPHEMERAL_STORE=1: persistence not checked');
    return;
  }
  const refuse = (why: string): never => {
    throw new CodedError(
      ErrorCode.StoreEphemeral,
      `refusing to keep cases and the audit trail on a store that does not persist: ${why}. Configure AOF or RDB (docs/production.md), or set ALLOW_EPHEMERAL_STORE=1 for tests.`,
    );
  };
  const target = storeTarget(config);
  if (!target) return refuse('no REDIS_URL or REDIS_CLUSTER_NODES (in-memory store)');
  // A client of its own, closed after the check; on a cluster every master must persist.
  const client = createRedisClient(target, { lazyConnect: true, maxRetriesPerRequest: 1 });
  client.on('error', () => undefined);
  let result: Durability | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    const check = (async () => {
      await client.connect();
      const found: Durability[] = [];
      for (const node of dataNodes(client))
        found.push(
          await redisDurability({
            config: (op, key) => node.config(op, key) as Promise<unknown>,
            info: (section) => node.info(section),
          }),
        );
      return found.find((d) => !d.persists) ?? found[0];
    })();
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('no answer within 10 s')), 10_000);
    });
    result = await Promise.race([check, late]);
  } catch (err) {
    throw new CodedError(
      ErrorCode.StoreUnavailable,
      `cannot check that Redis persists: ${err instanceof Error ? err.message.split('\n')[0] : 'unreachable'}`,
    );
  } finally {
    clearTimeout(timer);
    client.disconnect();
  }
  if (!result) return refuse('the cluster has no master');
  if (!result.persists) return refuse(result.why);
  log.info({ persistence: result.how }, 'store persists');
}
