import { z } from 'zod';
import { restRoutes, restSchemas, type RestRoute } from './openapi-routes';
import { accessOf } from './route-access';

/** A JSON Schema or OpenAPI fragment: plain JSON. */
export type JsonObject = { [key: string]: unknown };

/** Which side of a schema a document shows: what a request may send, or what an answer carries. */
type Side = 'input' | 'output';

function jsonSchemaOf(schema: z.ZodType, io: Side): JsonObject {
  // Refinements (SKU unique per list, "bom or lines") cannot be said in JSON Schema: the
  // description of the field or the 400 answer says them. Transforms show their input side.
  // An answer may gain fields in a later release: clients must not refuse unknown ones.
  const override = io === 'output' ? allowAddedFields : undefined;
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any', override }) as JsonObject;
  return rest;
}

function allowAddedFields(context: { jsonSchema: JsonObject }): void {
  if (context.jsonSchema['additionalProperties'] === false) delete context.jsonSchema['additionalProperties'];
}

const componentNames = new Map<z.ZodType, string>(Object.entries(restSchemas).map(([name, schema]) => [schema, name]));

function ref(schema: z.ZodType): JsonObject {
  const name = componentNames.get(schema);
  if (!name) throw new Error('every schema of a route must be named in restSchemas');
  return { $ref: `#/components/schemas/${name}` };
}

/** Request bodies are shown as sent (input), answers as received (output). */
function components(): JsonObject {
  const bodies = new Set(restRoutes.flatMap((route) => (route.body ? [route.body] : [])));
  return Object.fromEntries(Object.entries(restSchemas).map(([name, schema]) => [name, jsonSchemaOf(schema, bodies.has(schema) ? 'input' : 'output')]));
}

/** A query string's fields one by one: repeatable ones as exploded arrays (`?status=A&status=B`). */
function queryParameters(query: z.ZodObject): JsonObject[] {
  return Object.entries(query.shape).map(([name, field]) => {
    const schema = jsonSchemaOf(field as z.ZodType, 'output');
    return {
      name,
      in: 'query',
      ...((field as z.ZodType).description ? { description: (field as z.ZodType).description } : {}),
      required: !(field as z.ZodType).safeParse(undefined).success,
      schema,
      ...(schema['type'] === 'array' ? { style: 'form', explode: true } : {}),
    };
  });
}

function pathParameters(path: string): JsonObject[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((match) => ({ name: match[1], in: 'path', required: true, schema: { type: 'string', minLength: 1 } }));
}

const problemExample = {
  400: {
    type: 'about:blank',
    title: 'Bad Request',
    status: 400,
    detail: 'the request is invalid',
    errors: [{ field: 'name', message: 'Too small: expected string to have >=1 characters' }],
  },
  401: {
    type: 'https://work-orders.example/problems/unauthorized',
    title: 'Authentication required',
    status: 401,
    detail: 'Send an access token: Authorization: Bearer <token>.',
  },
  403: {
    type: 'https://work-orders.example/problems/forbidden',
    title: 'Not allowed for your roles',
    status: 403,
    detail: 'This action needs one of the roles: planner, admin.',
    requiredRoles: ['planner', 'admin'],
  },
  404: { type: 'about:blank', title: 'Not Found', status: 404, detail: 'WorkOrder 4af68101-... does not exist' },
  409: {
    type: 'about:blank',
    title: 'Conflict',
    status: 409,
    detail: 'confirm is not allowed in status ALLOCATED',
    workOrderStatus: 'ALLOCATED',
    pendingAction: null,
    allowedActions: ['createPickingList', 'cancel'],
  },
} as Record<number, unknown>;

const identityProblems = {
  401: { description: 'No access token, or one that is not accepted (`WWW-Authenticate: Bearer`)', schema: restSchemas.ProblemDetails, problem: true },
  403: { description: 'Your roles do not allow this; `requiredRoles` names the roles that would', schema: restSchemas.ProblemDetails, problem: true },
} as const;

/** Who may call the operation, as OpenAPI says it (`security`) and in words and `x-roles` for people and generators. */
function accessOfOperation(route: RestRoute): { fields: JsonObject; responses: RestRoute['responses'] } {
  const access = accessOf(route.operationId);
  if (access.roles === 'public') return { fields: { security: [] }, responses: {} };
  const roles = [...new Set([...access.roles, 'admin'])];
  const merchants = access.everyMerchantOnly
    ? 'Warehouse work for every merchant: a token scoped to merchants is refused (403).'
    : "A token scoped to merchants sees and changes only its merchants' rows; another merchant's answer 404.";
  return {
    fields: {
      description: `Roles: ${roles.join(', ')}. ${merchants}`,
      security: [{ bearerAuth: [] }],
      'x-roles': roles,
      'x-merchant-scoped-tokens': access.everyMerchantOnly ? 'refused' : 'own-merchants-only',
    },
    responses: identityProblems,
  };
}

function operation(route: RestRoute): JsonObject {
  const parameters = [...pathParameters(route.path), ...(route.query ? queryParameters(route.query) : [])];
  const access = accessOfOperation(route);
  const responses = Object.fromEntries(
    Object.entries({ ...route.responses, ...access.responses }).map(([status, response]) => {
      const mediaType = response.problem ? 'application/problem+json' : 'application/json';
      const example = response.problem ? problemExample[Number(status)] : undefined;
      const content = response.schema
        ? { [mediaType]: { schema: ref(response.schema), ...(example ? { examples: { problem: { value: example } } } : {}) } }
        : undefined;
      const headers = response.headers
        ? { headers: Object.fromEntries(Object.entries(response.headers).map(([name, description]) => [name, { description, schema: { type: 'string' } }])) }
        : {};
      return [status, { description: response.description, ...headers, ...(content ? { content } : {}) }];
    }),
  );
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...access.fields,
    tags: [route.service],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: ref(route.body), ...(route.bodyExample ? { examples: { example: { value: route.bodyExample } } } : {}) } },
          },
        }
      : {}),
    responses,
  };
}

/**
 * The OpenAPI 3.1 document of the whole REST API behind the gateway, built from the route table
 * and the same zod schemas the services parse requests with. `docs/openapi.json` is this, written
 * by `npm run contracts`; the gateway serves it at `/openapi.json`.
 */
export function buildOpenApiDocument(): JsonObject {
  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const route of restRoutes) (paths[route.path] ??= {})[route.method] = operation(route);
  return {
    openapi: '3.1.1',
    info: {
      title: 'Work Orders API',
      version: '1.0.0',
      description:
        'Warehouse work orders, BOMs, stock, picking and inbound, through one gateway. JSON in and out; errors are RFC 9457 `application/problem+json`. Long actions answer 202: read the order until `pendingAction` is null.',
    },
    servers: [{ url: '/', description: 'the gateway' }],
    tags: ['work-orders', 'inventory', 'picking', 'inbound', 'gateway'].map((name) => ({ name })),
    paths,
    security: [{ bearerAuth: [] }],
    components: {
      schemas: components(),
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'An OpenID Connect access token (JWT) from the issuer the deployment trusts (OIDC_ISSUER_URL), for its audience (OIDC_AUDIENCE); the roles are in its `roles` claim, the merchants of a scoped token in `merchant_ids` (docs/identity.md).',
        },
      },
    },
  };
}
