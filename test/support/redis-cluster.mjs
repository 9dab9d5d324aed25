// A local 3-master Redis Cluster for the tests (and `.ci/run`), on ports BASE, BASE+1, BASE+2 (default 7101):
// `node test/support/redis-cluster.mjs start|stop|stop-node PORT|start-node PORT`. With `--replicas`, start and
// stop a second cluster of 3 masters with one replica each, on its own six ports (REPLICA BASE..BASE+5, default
// the small cluster's BASE+3), which only the failover test uses, so the cluster every store suite runs on stays
// small. Each node has its own folder and nodes file under the OS temp dir and keeps nothing on disk. Plain
// Node, no dependencies, so CI can run it before `npm ci`.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CLUSTER_BASE_PORT = Number(process.env.REDIS_TEST_CLUSTER_PORT || 7101);
export const REPLICA_CLUSTER_BASE_PORT = Number(process.env.REDIS_TEST_REPLICA_CLUSTER_PORT || CLUSTER_BASE_PORT + 3);
/** The ports of a cluster of 3 masters with `replicas` replicas each. */
export const clusterPorts = (base = CLUSTER_BASE_PORT, replicas = 0) =>
  Array.from({ length: 3 * (1 + replicas) }, (_, i) => base + i);
export const clusterNodesSpec = (base = CLUSTER_BASE_PORT, replicas = 0) =>
  clusterPorts(base, replicas)
    .map((p) => `127.0.0.1:${p}`)
    .join(',');

const dirOf = (port) => join(tmpdir(), `export-check-cluster-${port}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function cli(port, ...args) {
  const r = spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...args], {
    encoding: 'utf8',
    timeout: 5000,
  });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

export const answers = (port) => cli(port, 'ping') === 'PONG';
export const clusterState = (port) => /cluster_state:(\w+)/.exec(cli(port, 'cluster', 'info') ?? '')?.[1];
/** `master`, `slave`, or undefined when the node does not answer. */
export const roleOf = (port) => /role:(\w+)/.exec(cli(port, 'info', 'replication') ?? '')?.[1];
/** A replica whose link to its master is up (and has finished its initial sync). */
export const replicaInSync = (port) => /master_link_status:up/.test(cli(port, 'info', 'replication') ?? '');
/** Runs a command on one node (e.g. `cluster failover` on a replica); its output, or undefined on error. */
export const nodeCommand = (port, ...args) => cli(port, ...args);
/** Whether the tools the clusters need are installed. */
export const haveRedisServer = () =>
  ['redis-server', 'redis-cli'].every((bin) => spawnSync(bin, ['--version'], { stdio: 'ignore' }).status === 0);

/** Starts one node (its folder kept, so a restarted node rejoins with its nodes file). */
export function startNode(port) {
  mkdirSync(dirOf(port), { recursive: true });
  execFileSync('redis-server', [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--cluster-enabled',
    'yes',
    '--cluster-config-file',
    `nodes-${port}.conf`,
    // A lost master is marked failed after 2 s (default 15 s), so fault tests see the outage quickly.
    '--cluster-node-timeout',
    '2000',
    // A replica's first sync starts at once (default: waits 5 s for more replicas to share the transfer).
    '--repl-diskless-sync-delay',
    '0',
    '--dir',
    dirOf(port),
    '--save',
    '',
    '--appendonly',
    'no',
    '--daemonize',
    'yes',
    '--logfile',
    join(dirOf(port), 'redis.log'),
  ]);
}

export function stopNode(port) {
  cli(port, 'shutdown', 'nosave');
}

async function waitFor(check, what, ms = 30_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (check()) return;
    await sleep(100);
  }
  throw new Error(`redis cluster: timed out waiting for ${what}`);
}

export async function waitForState(state, ports = clusterPorts(), ms = 30_000) {
  await waitFor(() => ports.every((p) => clusterState(p) === state), `cluster_state:${state}`, ms);
}

/** Until `count` of the nodes are replicas that finished their sync (a failover then loses nothing). */
export async function waitForReplicas(ports, count, ms = 30_000) {
  await waitFor(
    () => ports.filter((p) => roleOf(p) === 'slave' && replicaInSync(p)).length === count,
    `${count} replicas to sync`,
    ms,
  );
}

/**
 * Starts the cluster (3 masters, `replicas` replicas each) unless it already answers with cluster_state:ok.
 * Returns whether it started it.
 */
export async function startCluster(base = CLUSTER_BASE_PORT, replicas = 0) {
  const ports = clusterPorts(base, replicas);
  if (ports.every((p) => clusterState(p) === 'ok')) return false;
  // Anything half-made (a node up, no cluster) is ours to throw away: start clean.
  for (const p of ports) stopNode(p);
  await waitFor(() => ports.every((p) => !answers(p)), 'old nodes to stop', 10_000);
  for (const p of ports) {
    rmSync(dirOf(p), { recursive: true, force: true });
    startNode(p);
  }
  await waitFor(() => ports.every(answers), 'nodes to answer', 10_000);
  execFileSync(
    'redis-cli',
    [
      '--cluster',
      'create',
      ...ports.map((p) => `127.0.0.1:${p}`),
      '--cluster-replicas',
      String(replicas),
      '--cluster-yes',
    ],
    { stdio: 'ignore' },
  );
  await waitForState('ok', ports);
  if (replicas) await waitForReplicas(ports, 3 * replicas);
  return true;
}

export function stopCluster(base = CLUSTER_BASE_PORT, replicas = 0) {
  for (const p of clusterPorts(base, replicas)) stopNode(p);
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const [cmd, arg] = process.argv.slice(2);
  const [base, replicas] = arg === '--replicas' ? [REPLICA_CLUSTER_BASE_PORT, 1] : [CLUSTER_BASE_PORT, 0];
  if (cmd === 'start') {
    const started = await startCluster(base, replicas);
    console.log(`redis cluster ${started ? 'started' : 'already running'}: ${clusterNodesSpec(base, replicas)}`);
  } else if (cmd === 'stop') stopCluster(base, replicas);
  else if (cmd === 'stop-node') stopNode(Number(arg));
  else if (cmd === 'start-node') startNode(Number(arg));
  else {
    console.error('usage: redis-cluster.mjs start [--replicas]|stop [--replicas]|stop-node PORT|start-node PORT');
    process.exit(2);
  }
}
