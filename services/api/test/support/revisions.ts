import type { FastifyInstance } from 'fastify';
import { osloToday } from '../../src/plans/consultation-window.js';
import { call, etagOf } from './api.js';

/**
 * A plan revised through the API, as an editor would: start a revision, edit
 * its items with their ETags, adopt it. Every step fails loudly, so a test
 * reads as the story it tells.
 */
export class Editor {
  constructor(
    private readonly app: FastifyInstance,
    private readonly token: string,
  ) {}

  private async ok(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, options: { payload?: unknown; ifMatch?: string } = {}) {
    const res = await call(this.app, method, url, { token: this.token, ...options });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return res;
  }

  /** A new draft of the region's regional plan or the municipality's annex, copied from the adopted version. */
  async startRevision(where: { region: string } | { municipality: string }): Promise<string> {
    const url = 'region' in where ? `/v1/regions/${where.region}/plan/versions` : `/v1/municipalities/${where.municipality}/annex/versions`;
    const list = await this.ok('GET', url);
    const created = await this.ok('POST', url, { payload: {}, ifMatch: etagOf(list) });
    return (created.json() as { id: string }).id;
  }

  async versionTag(versionId: string): Promise<string> {
    return etagOf(await this.ok('GET', `/v1/plan-versions/${versionId}`));
  }

  async adopt(versionId: string): Promise<void> {
    await this.ok('POST', `/v1/plan-versions/${versionId}/adoption`, {
      payload: { decidedBy: 'municipal_council', decision: 'adopted', decidedOn: osloToday(), caseReference: 'T/1' },
      ifMatch: await this.versionTag(versionId),
    });
  }

  async discard(versionId: string): Promise<void> {
    await this.ok('DELETE', `/v1/plan-versions/${versionId}`, { ifMatch: await this.versionTag(versionId) });
  }

  async content(versionId: string) {
    return (await this.ok('GET', `/v1/plan-versions/${versionId}`)).json() as {
      goals: { id: string; measures: { id: string; title: string }[] }[];
      measuresForRegionalGoals: { id: string }[];
      implementations: { measureId: string }[];
    };
  }

  async updateMeasure(versionId: string, measureId: string, patch: Record<string, unknown>): Promise<void> {
    const url = `/v1/plan-versions/${versionId}/measures/${measureId}`;
    await this.ok('PATCH', url, { payload: patch, ifMatch: etagOf(await this.ok('GET', url)) });
  }

  async deleteMeasure(versionId: string, measureId: string): Promise<void> {
    const url = `/v1/plan-versions/${versionId}/measures/${measureId}`;
    await this.ok('DELETE', url, { ifMatch: etagOf(await this.ok('GET', url)) });
  }

  async createMeasure(versionId: string, goalId: string, fields: Record<string, unknown> = {}): Promise<string> {
    const res = await this.ok('POST', `/v1/plan-versions/${versionId}/measures`, {
      payload: { goalId, title: 'Nytt tiltak', period: { kind: 'ongoing' }, preventionLevel: 'universal', status: 'planned', ...fields },
      ifMatch: await this.versionTag(versionId),
    });
    return (res.json() as { id: string }).id;
  }

  async updateImplementation(versionId: string, measureId: string, patch: Record<string, unknown>): Promise<void> {
    const url = `/v1/plan-versions/${versionId}/implementations/${measureId}`;
    await this.ok('PATCH', url, { payload: patch, ifMatch: etagOf(await this.ok('GET', url)) });
  }

  async deleteImplementation(versionId: string, measureId: string): Promise<void> {
    const url = `/v1/plan-versions/${versionId}/implementations/${measureId}`;
    await this.ok('DELETE', url, { ifMatch: etagOf(await this.ok('GET', url)) });
  }

  async createImplementation(versionId: string, measureId: string, fields: Record<string, unknown> = {}): Promise<void> {
    await this.ok('POST', `/v1/plan-versions/${versionId}/implementations`, {
      payload: { measureId, status: 'planned', ...fields },
      ifMatch: await this.versionTag(versionId),
    });
  }
}
