/**
 * @module survey/store
 * Survey sessions: one per invited user and campaign, with partial answers kept as they come. In memory,
 * or in Redis as one hash per campaign (`ec:{survey:<campaign>}`, one field per user: a single Cluster slot).
 */
import type { Cluster, Redis } from 'ioredis';
import { type Answers, labReport } from './campaign.ts';

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
  /**
   * When members of this lab (normalised by `normalizeLab`) reported list-controlled items in the campaign.
   * Read on every conversation turn, so it must not walk the whole campaign.
   */
  labReports(campaignId: string, lab: string): Promise<string[]>;
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
  async labReports(campaignId: string, lab: string): Promise<string[]> {
    return (await this.list(campaignId)).flatMap((s) => {
      const r = labReport(s.answers);
      return r && r.lab === lab ? [r.at] : [];
    });
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
  /** principal → when they reported, per lab: kept beside the sessions, in the campaign's slot. */
  private labKey(campaignId: string, lab: string): string {
    return `${this.prefix}:{survey:${campaignId}}:lab:${lab}`;
  }
  async put(s: SurveySession): Promise<void> {
    const before = await this.get(s.campaignId, s.principal);
    const was = before ? labReport(before.answers) : undefined;
    const now = labReport(s.answers);
    const tx = this.redis.multi().hset(this.key(s.campaignId), s.principal, JSON.stringify(s));
    if (was && was.lab !== now?.lab) tx.hdel(this.labKey(s.campaignId, was.lab), s.principal);
    if (now) tx.hset(this.labKey(s.campaignId, now.lab), s.principal, now.at);
    await tx.exec();
    await this.redis.sadd(this.userKey(s.principal), s.campaignId);
  }
  async labReports(campaignId: string, lab: string): Promise<string[]> {
    return this.redis.hvals(this.labKey(campaignId, lab));
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
