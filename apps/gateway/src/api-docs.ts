import { buildOpenApiDocument } from '@wo/contracts/rest';
import express, { type Express } from 'express';
import { dirname } from 'node:path';

export const OPENAPI_PATH = '/openapi.json';
export const DOCS_PATH = '/docs';

/** The reference page: Swagger UI from our own copy of its assets (no CDN), reading /openapi.json. */
const page = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Work Orders API</title>
    <link rel="stylesheet" href="${DOCS_PATH}/assets/swagger-ui.css" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="${DOCS_PATH}/assets/swagger-ui-bundle.js"></script>
    <script src="${DOCS_PATH}/init.js"></script>
  </body>
</html>
`;

// A file of its own rather than an inline script, so a strict Content-Security-Policy allows it.
const init = `window.ui = SwaggerUIBundle({ url: '${OPENAPI_PATH}', dom_id: '#swagger-ui', deepLinking: true });\n`;

/**
 * Serves the OpenAPI document of the API behind the gateway (built once, from the REST contract's
 * zod schemas) at /openapi.json and an interactive reference at /docs.
 */
export function serveApiDocs(app: Express): void {
  const document = JSON.stringify(buildOpenApiDocument());
  app.get(OPENAPI_PATH, (_request, response) => {
    response.type('application/json').setHeader('cache-control', 'no-cache');
    response.send(document);
  });
  app.get(DOCS_PATH, (_request, response) => response.type('html').send(page));
  app.get(`${DOCS_PATH}/init.js`, (_request, response) => response.type('application/javascript').send(init));
  app.use(`${DOCS_PATH}/assets`, express.static(swaggerUiAssets(), { index: false, maxAge: '1d' }));
}

/** Where npm put swagger-ui-dist's files (its own helper ships without types). */
function swaggerUiAssets(): string {
  return dirname(require.resolve('swagger-ui-dist/package.json'));
}
