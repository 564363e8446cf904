import { describe, expect, it } from 'vitest';
import { CATALOGUE } from './catalogue.ts';
import { openApiDocument } from './openapi.ts';

describe('the OpenAPI document', () => {
  it('has one operation per query with its parameters and audience', () => {
    const doc = openApiDocument(CATALOGUE) as { paths: Record<string, { get: { parameters: { name: string; required: boolean }[]; 'x-audience': string; security: unknown[] } }> };
    expect(Object.keys(doc.paths).sort()).toEqual(CATALOGUE.map((q) => `/api/queries/${q.name}`).sort());
    const survey = doc.paths['/api/queries/survey-indicator']!.get;
    expect(survey.parameters.find((p) => p.name === 'indicator')).toMatchObject({ required: true });
    expect(survey.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(['period', 'by', 'format']));
    expect(survey.security).toEqual([]);
    expect(doc.paths['/api/queries/placements-by-month-province']!.get['x-audience']).toBe('policy');
    expect(doc.paths['/api/queries/placements-by-month-province']!.get.security).toEqual([{ session: [] }]);
  });
});
