import { describe, expect, it } from 'vitest';
import { KpiSql, kpiFilters, kpiWhere } from './kpi-filters.ts';

describe('the shared KPI filters', () => {
  it('accepts every documented value and refuses anything else', () => {
    expect(kpiFilters.parse({ from: '2024-01', to: '2024-12', province: '17', office: 'OF-1701', sector: 'G', occupation: '52', sex: 'F', age: 'youth', channel: 'workshop' })).toBeTruthy();
    for (const bad of [{ x: 1 }, { from: '2024-1' }, { province: '99' }, { office: 'a b' }, { sector: 'V' }, { occupation: 'A' }, { sex: 'H' }, { age: '18-29' }, { channel: 'fax' }, { from: '2024-02', to: '2024-01' }]) {
      expect(kpiFilters.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('puts placeholders in the SQL and binds exactly the filters that apply to the table', () => {
    const f = kpiFilters.parse({ province: '17', office: 'Q1', sector: 'G', occupation: '5', sex: 'F', age: 'youth', channel: 'portal' });
    const seeker = kpiWhere(f, 'seeker_fact', 's');
    expect(seeker.params).toEqual({ province: '17', office: 'Q1', sex: 'F', age: 'youth' });
    expect(kpiWhere(f, 'vacancy_fact', 'v').params).toEqual({ province: '17', office: 'Q1', sector: 'G', occupation: '5' });
    expect(kpiWhere(f, 'placement_fact', 'p').params).toEqual({ province: '17', office: 'Q1', sector: 'G', occupation: '5', sex: 'F', age: 'youth', channel: 'portal' });
    expect(kpiWhere(f, 'event_fact', 'e').params).toEqual({ province: '17', office: 'Q1', sex: 'F', age: 'youth', channel: 'portal' });
    expect(kpiWhere(f, 'referral_fact', 'r').params).toEqual({ province: '17', office: 'Q1', sector: 'G', occupation: '5', sex: 'F', age: 'youth' });
    expect(kpiWhere(f, 'placement_monthly', 'pm').params).toEqual({ province: '17', sex: 'F', age: 'youth' });
    expect(kpiWhere(f, 'office', 'o').params).toEqual({ province: '17', office: 'Q1' });
    // Values no constant of the SQL contains ('youth' and 'workshop' appear in it as fixed text).
    const g = kpiFilters.parse({ province: '23', office: 'ZZ-9', sector: 'K', occupation: '7', sex: 'M', age: '45-64', channel: 'job_fair' });
    for (const t of ['seeker_fact', 'event_fact', 'referral_fact', 'placement_fact', 'placement_monthly', 'vacancy_fact', 'office'] as const) {
      const { sql, params } = kpiWhere(g, t, 'a');
      expect(Object.keys(params).length).toBeGreaterThan(0);
      for (const value of Object.values(params)) expect(sql).not.toContain(`'${value}'`);
      for (const name of Object.keys(params)) expect(sql).toContain(`$${name}`);
    }
    expect(kpiWhere({}, 'referral_fact', 'r')).toEqual({ sql: 'true', params: {} });
  });

  it('binds the period only when given, defaulting to the latest months with placements', () => {
    const given = new KpiSql({ from: '2024-01', to: '2024-06' }, 12);
    expect([given.lo, given.hi, given.params]).toEqual(['$from::DATE', '$to::DATE', { from: '2024-01-01', to: '2024-06-01' }]);
    const open = new KpiSql({}, 12);
    expect(open.params).toEqual({});
    expect(open.lo).toContain('INTERVAL 11 MONTH');
  });
});
