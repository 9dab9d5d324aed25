/**
 * @module survey/store
 * Survey sessions: one per invited user and campaign, with partial answers kept as they come. In memory,
 * or in Redis as one hash per campaign (`ec:{survey:<campaign>}`, one field per user: a single Cluster slot).
 */
import type { Cluster, Redis } from 'ioredis';
import type { Answers } from './campaign.ts';

export interface SurveySession {
  campaignId: string;
  principal: string;
  name: string;
  department: string;
  status: 'invited' | 'in_progress' | 'paused' | 'done';
  answers: Answers;
  invitedAt: string;
  lastContactAt: string;
  reminders: number;
  completedAt?: string;
}

export interface SurveyStore {
  put(s: SurveySession): Promise<void>;
  get(campaignId: string, principal: string): Promise<SurveySession | undefined>;
  list(campaignId: string): Promise<SurveySession[]>;
  /** Every campaign a user is invited to (for routing their messages and for the triage). */
  forUser(principal: string): Promise<SurveySession[]>;
}

export class MemorySurveyStore implements SurveyStore {
  private readonly byCampaign = new Map<string, Map<string, string>>();
  async put(s: SurveySession): Promise<void> {
    const m = this.byCampaign.get(s.campaignId) ?? new Map<string, string>();
    m.set(s.principal, JSON.stringify(s));
    this.byCampaign.set(s.campaignId, m);
  }
  async get(campaignId: string, principal: string): Promise<SurveySession | undefined> {
    const json = this.byCampaign.get(campaignId)?.get(principal);
    return json ? (JSON.parse(json) as SurveySession) : undefined;
  }
  async list(campaignId: string): Promise<SurveySession[]> {
    return [...(this.byCampaign.get(campaignId)?.values() ?? [])].map((j) => JSON.parse(j) as SurveySession);
  }
  async forUser(principal: string): Promise<SurveySession[]> {
    const out: SurveySession[] = [];
    for (const m of this.byCampaign.values()) {
      const json = m.get(principal);
      if (json) out.push(JSON.parse(json) as SurveySession);
    }
    return out;
  }
}

export class RedisSurveyStore implements SurveyStore {
  constructor(
    private readonly redis: Redis | Cluster,
    private readonly prefix = 'ec',
  ) {}
  private key(campaignId: string): string {
    return `${this.prefix}:{survey:${campaignId}}`;
  }
  private userKey(principal: string): string {
    return `${this.prefix}:{survey-user:${principal}}`;
  }
  async put(s: SurveySession): Promise<void> {
    await this.redis.hset(this.key(s.campaignId), s.principal, JSON.stringify(s));
    await this.redis.sadd(this.userKey(s.principal), s.campaignId);
  }
  async get(campaignId: string, principal: string): Promise<SurveySession | undefined> {
    const json = await this.redis.hget(this.key(campaignId), principal);
    return json ? (JSON.parse(json) as SurveySession) : undefined;
  }
  async list(campaignId: string): Promise<SurveySession[]> {
    return Object.values(await this.redis.hgetall(this.key(campaignId))).map((j) => JSON.parse(j) as SurveySession);
  }
  async forUser(principal: string): Promise<SurveySession[]> {
    const campaigns = await this.redis.smembers(this.userKey(principal));
    const out: SurveySession[] = [];
    for (const c of campaigns) {
      const s = await this.get(c, principal);
      if (s) out.push(s);
    }
    return out;
  }
}
