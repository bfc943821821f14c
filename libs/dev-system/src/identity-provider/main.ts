import { createServer } from 'node:http';
import { createDevProvider } from './dev-identity-provider';

/**
 * Entry of the development OpenID provider process the dev system starts before the services
 * (DEV_OIDC_PORT, OIDC_ISSUER_URL, OIDC_AUDIENCE, DEV_OIDC_REDIRECT_URIS comma-separated).
 */
async function main(): Promise<void> {
  const port = Number(process.env['DEV_OIDC_PORT']);
  const issuer = process.env['OIDC_ISSUER_URL'];
  const audience = process.env['OIDC_AUDIENCE'];
  const redirectUris = (process.env['DEV_OIDC_REDIRECT_URIS'] ?? '').split(',').filter(Boolean);
  if (!Number.isInteger(port) || !issuer || !audience || redirectUris.length === 0) {
    throw new Error('dev identity provider: DEV_OIDC_PORT, OIDC_ISSUER_URL, OIDC_AUDIENCE and DEV_OIDC_REDIRECT_URIS are required');
  }
  const handler = await createDevProvider({ issuer, audience, redirectUris });
  const server = createServer(handler);
  // No host: both IPv4 and IPv6, since browsers and Node resolve "localhost" to either.
  server.listen(port, () =>
    console.log(`development identity provider (not for production) at ${issuer}; users: planner, picker, receiver, clerk, merchant, sre, admin`),
  );
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => server.close(() => process.exit(0)));
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
