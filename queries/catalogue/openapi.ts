import { z } from 'zod';
import type { QueryDefinition } from './query-definition.ts';

const FORMATS = { 'application/vnd.apache.arrow.stream': {}, 'application/json': {}, 'text/csv': {} };

/**
 * An OpenAPI 3.1 document of the query catalogue: one GET operation per query, its parameters
 * from the query's own zod schema, its audience and its documentation in both languages.
 */
export function openApiDocument(catalogue: readonly QueryDefinition[]): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const q of catalogue) {
    const schema = z.toJSONSchema(q.params, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown>; required?: string[] };
    paths[`/api/queries/${q.name}`] = {
      get: {
        operationId: q.name,
        summary: q.title.en,
        description: `${q.description.en}\n\n${q.description.es}${q.formula ? `\n\nFormula: ${q.formula.en}` : ''}`,
        'x-audience': q.audience,
        'x-title-es': q.title.es,
        security: q.audience === 'public' ? [] : [{ session: [] }],
        parameters: [
          ...Object.entries(schema.properties ?? {}).map(([name, s]) => ({ name, in: 'query', required: schema.required?.includes(name) ?? false, schema: s })),
          { name: 'format', in: 'query', required: false, schema: { type: 'string', enum: ['arrow', 'json', 'csv'] } },
        ],
        responses: {
          200: { description: `Columns: ${q.columns.map((c) => `${c.name} (${c.kind})`).join(', ')}`, content: FORMATS },
          400: { description: 'Unknown or malformed parameters' },
          401: { description: 'Sign-in required' },
          403: { description: 'Role not allowed' },
          429: { description: 'Too many requests' },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Faro API', version: '1', description: 'Query catalogue of Faro, the labour-market observatory.' },
    components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'faro_session' } } },
    paths,
  };
}
