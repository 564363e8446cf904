import { describe, expect, it } from 'vitest';
import { kpiParams, previousPeriod } from './kpi-params.ts';

describe('kpiParams', () => {
  it('maps the Spanish URL filters to the query parameters and leaves empty ones out', () => {
    expect(kpiParams({ desde: '2025-01', provincia: '17', sexo: '', edad: 'youth', embudo: 'sex' })).toEqual({ from: '2025-01', province: '17', age: 'youth' });
  });

  it('lets a view override a filter, or drop it', () => {
    expect(kpiParams({ oficina: 'A', provincia: '09' }, { oficina: 'B' })).toEqual({ office: 'B', province: '09' });
    expect(kpiParams({ oficina: 'A', provincia: '09' }, { oficina: undefined })).toEqual({ province: '09' });
  });
});

describe('previousPeriod', () => {
  it('is the same number of months just before, across a year boundary', () => {
    expect(previousPeriod('2025-01', '2025-06')).toEqual({ from: '2024-07', to: '2024-12' });
    expect(previousPeriod('2025-03', '2025-03')).toEqual({ from: '2025-02', to: '2025-02' });
    expect(previousPeriod('2024-10', '2025-09')).toEqual({ from: '2023-10', to: '2024-09' });
  });
});
