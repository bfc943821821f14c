import { issuerUrl, loginRedirectUri, optionsFromEnv } from '@wo/dev-system';
import { roleSchema, type Role } from '@wo/contracts/rest';
import { ApiClient } from '@wo/testing';
import { parseArgs } from 'node:util';

/**
 * `npm run -s token -- --role ROLE [--merchant ID_OR_NAME]`: prints a bearer token of the running
 * dev system's seeded user for that role, signed in at its development provider through the real
 * login (authorization code with PKCE). `--merchant` scopes a merchant user's token; a name is
 * looked up through the API with an admin token. PORT moves the system as it does for `npm start`.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { role: { type: 'string' }, merchant: { type: 'string', multiple: true } } });
  const role = roleSchema.safeParse(values.role);
  if (!role.success) throw new Error(`--role must be one of: ${roleSchema.options.join(', ')}`);
  const options = optionsFromEnv(process.env);
  const login = { issuerUrl: process.env['OIDC_ISSUER_URL'] ?? issuerUrl(options), redirectUri: loginRedirectUri(options) };
  const gatewayUrl = process.env['GATEWAY_URL'] ?? `http://localhost:${options.gatewayPort}`;
  const merchantIds = values.merchant?.length ? await resolveMerchants(values.merchant, gatewayUrl, login) : undefined;
  process.stdout.write(`${await ApiClient.tokenFor(role.data as Role, { ...login, merchantIds })}\n`);
}

async function resolveMerchants(wanted: string[], gatewayUrl: string, login: { issuerUrl: string; redirectUri: string }): Promise<string[]> {
  const admin = await ApiClient.as('admin', { ...login, baseUrl: gatewayUrl });
  const response = await admin.get<{ id: string; name: string }[]>('/merchants');
  if (response.status !== 200) throw new Error(`GET /merchants answered ${response.status}`);
  return wanted.map((idOrName) => {
    const merchant = response.body.find((row) => row.id === idOrName) ?? response.body.find((row) => row.name.toLowerCase() === idOrName.toLowerCase());
    if (!merchant) throw new Error(`no merchant with id or name "${idOrName}" (known: ${response.body.map((row) => row.name).join(', ') || 'none'})`);
    return merchant.id;
  });
}

main().catch((error: Error) => {
  process.stderr.write(`token: ${error.message}\n`);
  process.exit(1);
});
