/**
 * @module bench/cpu-quota
 * One machine per process, on one box: a process put in a cgroup of its own with a CPU quota (a fraction of one
 * core) behaves like an instance on its own small machine. On the 2-core bench box, two unconstrained serve
 * processes share the cores with the load driver, the fake Web API and Redis, so they cannot show what a second
 * machine adds; held to half a core each, they can. Needs a writable cgroup `cpu` controller (v1 or v2, as
 * root); elsewhere `holdToCpu` returns undefined and the bench says it could not measure.
 */
import { existsSync, mkdirSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PERIOD_US = 100_000;

interface Hierarchy {
  root: string;
  limit(dir: string, quotaUs: number): void;
}

const V1: Hierarchy = {
  root: '/sys/fs/cgroup/cpu',
  limit(dir, quotaUs) {
    writeFileSync(join(dir, 'cpu.cfs_period_us'), String(PERIOD_US));
    writeFileSync(join(dir, 'cpu.cfs_quota_us'), String(quotaUs));
  },
};
const V2: Hierarchy = {
  root: '/sys/fs/cgroup',
  limit(dir, quotaUs) {
    writeFileSync(join(dir, 'cpu.max'), `${quotaUs} ${PERIOD_US}`);
  },
};

function hierarchy(): Hierarchy | undefined {
  if (existsSync(join(V1.root, 'cpu.cfs_quota_us'))) return V1;
  if (existsSync(join(V2.root, 'cgroup.controllers')) && existsSync(join(V2.root, 'cgroup.subtree_control'))) return V2;
  return undefined;
}

/** Whether processes can be held to a CPU quota here (a cgroup can be made and removed). */
export function canHoldToCpu(): boolean {
  const h = hierarchy();
  if (!h) return false;
  const dir = join(h.root, `export-check-bench-probe-${process.pid}`);
  try {
    mkdirSync(dir);
    rmdirSync(dir);
    return true;
  } catch {
    return false;
  }
}

/** Holds `pid` to `cores` of CPU (0.5 = half a core) until `release`, which removes its cgroup once it exited. */
export function holdToCpu(pid: number, cores: number): { release(): void } | undefined {
  const h = hierarchy();
  if (!h) return undefined;
  const dir = join(h.root, `export-check-bench-${pid}`);
  try {
    mkdirSync(dir);
    h.limit(dir, Math.round(cores * PERIOD_US));
    writeFileSync(join(dir, 'cgroup.procs'), String(pid));
  } catch {
    try {
      rmdirSync(dir);
    } catch {}
    return undefined;
  }
  return {
    release() {
      try {
        rmdirSync(dir); // only empty: call after the process exited
      } catch {}
    },
  };
}
