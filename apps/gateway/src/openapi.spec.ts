import { validate } from '@readme/openapi-parser';
import { accessOf, buildOpenApiDocument, restRoutes, restSchemas, type JsonObject } from '@wo/contracts/rest';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { routes } from './routes';

const root = join(__dirname, '../../..');

interface ExposedRoute {
  method: string;
  path: string;
  status: number;
  file: string;
}

/**
 * Every HTTP route the Nest controllers declare, read off their decorators: the services' own
 * controllers (what the gateway routes to) and the gateway's. The platform's HealthController is
 * each service's probe on its own port, not part of the API behind the gateway.
 */
function exposedRoutes(): ExposedRoute[] {
  const files = ['work-orders', 'inventory', 'picking', 'inbound']
    .flatMap((app) =>
      readdirSync(join(root, 'apps', app, 'src/http'))
        .filter((file) => file.endsWith('.controller.ts'))
        .map((file) => join('apps', app, 'src/http', file)),
    )
    .concat('apps/gateway/src/gateway-health.controller.ts');
  const found: ExposedRoute[] = [];
  for (const file of files) {
    let prefix = '';
    let pending: ExposedRoute | null = null;
    for (const line of readFileSync(join(root, file), 'utf8').split('\n')) {
      const controller = /^@Controller\((?:'([^']*)')?\)/.exec(line.trim());
      if (controller) prefix = controller[1] ?? '';
      const method = /^@(Get|Post|Put|Patch|Delete)\((?:'([^']*)')?\)/.exec(line.trim());
      if (method) {
        const verb = method[1]!.toLowerCase();
        const path = `/${[prefix, method[2] ?? ''].filter(Boolean).join('/')}`.replace(/:(\w+)/g, '{$1}');
        pending = { method: verb, path, status: verb === 'post' ? 201 : 200, file };
        found.push(pending);
      }
      const code = /^@HttpCode\((\d+)\)/.exec(line.trim());
      if (code && pending) pending.status = Number(code[1]);
    }
  }
  return found;
}

describe('the OpenAPI document', () => {
  const document = buildOpenApiDocument();
  const paths = document['paths'] as Record<string, Record<string, JsonObject>>;
  const schemas = (document['components'] as { schemas: Record<string, JsonObject> }).schemas;

  it('is valid OpenAPI 3.1', async () => {
    expect(document['openapi']).toMatch(/^3\.1\./);
    const result = await validate(structuredClone(document) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
  });

  it('documents every route the controllers expose, with the status they answer, and nothing else', () => {
    const exposed = exposedRoutes();
    expect(exposed.length).toBeGreaterThan(35);
    for (const route of exposed) {
      const operation = paths[route.path]?.[route.method];
      expect({ route: `${route.method} ${route.path} (${route.file})`, documented: Boolean(operation) }).toEqual({
        route: `${route.method} ${route.path} (${route.file})`,
        documented: true,
      });
      expect(Object.keys(operation!['responses'] as object)).toContain(String(route.status));
    }
    const documented = Object.entries(paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`));
    expect(documented.sort()).toEqual(exposed.map((route) => `${route.method} ${route.path}`).sort());
  });

  it('agrees with the gateway prefix table: each path goes to the service the document names', () => {
    for (const route of restRoutes) {
      const prefix = routes.find((candidate) => route.path === candidate.prefix || route.path.startsWith(`${candidate.prefix}/`));
      expect(`${route.path} -> ${prefix?.service ?? 'gateway'}`).toBe(`${route.path} -> ${route.service}`);
    }
    for (const prefix of routes) expect(restRoutes.some((route) => route.path.startsWith(prefix.prefix))).toBe(true);
  });

  it('has examples that validate against their schemas in the document and the zod contract', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    let checked = 0;
    for (const [path, operations] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const media = [
          ...Object.values(((operation['requestBody'] as JsonObject | undefined)?.['content'] ?? {}) as Record<string, JsonObject>),
          ...Object.values(operation['responses'] as Record<string, JsonObject>).flatMap((response) =>
            Object.values((response['content'] ?? {}) as Record<string, JsonObject>),
          ),
        ];
        for (const { schema, examples } of media as { schema: { $ref: string }; examples?: Record<string, { value: unknown }> }[]) {
          const name = schema.$ref.replace('#/components/schemas/', '');
          for (const example of Object.values(examples ?? {})) {
            const valid = ajv.validate(schemas[name]!, example.value);
            expect({ at: `${method} ${path} ${name}`, errors: ajv.errors ?? null }).toEqual({ at: `${method} ${path} ${name}`, errors: null });
            expect(valid).toBe(true);
            expect(restSchemas[name as keyof typeof restSchemas].safeParse(example.value).success).toBe(true);
            checked += 1;
          }
        }
      }
    }
    // Every request body has one, and so does each problem answer.
    // Every route that needs a token also answers 401 and 403 (route-access.ts).
    const identityProblems = 2 * restRoutes.filter((route) => accessOf(route.operationId).roles !== 'public').length;
    const problems = restRoutes.flatMap((route) => Object.values(route.responses).filter((response) => response.problem)).length + identityProblems;
    expect(checked).toBe(restRoutes.filter((route) => route.body).length + problems);
  });

  it('is committed as docs/openapi.json as generated (npm run contracts)', () => {
    expect(JSON.parse(readFileSync(join(root, 'docs/openapi.json'), 'utf8'))).toEqual(document);
  });
});
