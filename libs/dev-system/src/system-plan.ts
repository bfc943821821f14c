import { resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '../../..').replace(/\/dist$/, '');

/** The services behind the gateway, in start order, and the database each owns. */
export const SERVICES = ['inventory', 'work-orders', 'picking', 'inbound'] as const;
export type ServiceName = (typeof SERVICES)[number];
/** The development OpenID provider (dev-only, never deployed) runs beside them, on the port after the services. */
export const IDENTITY_PROVIDER = 'identity-provider';
export type ProcessName = ServiceName | 'gateway' | typeof IDENTITY_PROVIDER;

/** The audience the dev system's access tokens are issued for (OIDC_AUDIENCE). Resource indicators are URIs. */
export const DEV_AUDIENCE = 'urn:work-orders:api';

export interface SystemOptions {
  /** Gateway port; services take the next four. */
  readonly gatewayPort: number;
  /** Prefix of each service's database name: `<prefix>inventory`, ... */
  readonly databasePrefix: string;
  /** Postgres server URL without a database. */
  readonly postgresUrl: string;
  /** Kafka bootstrap servers; when unset a local broker is started by scripts/kafka.sh. */
  readonly kafkaBrokers: string | null;
  readonly kafkaPort: number;
  readonly topicPrefix: string;
  readonly redisUrl: string;
  /** Where each process writes its log; null means this terminal, prefixed with the name. */
  readonly logDir: string | null;
  /** More environment for some processes (a test's `OTEL_*`, say), over what the plan gives them. */
  readonly extraEnv?: Partial<Readonly<Record<ProcessName, Readonly<Record<string, string>>>>>;
}

export interface ProcessPlan {
  readonly name: ProcessName;
  readonly entry: string;
  readonly port: number;
  readonly env: Record<string, string>;
}

/** Where the dev system's identity provider answers: the port after the four services. */
export function identityProviderPort(options: SystemOptions): number {
  return options.gatewayPort + 1 + SERVICES.length;
}

/**
 * The issuer as every process and browser names it. `localhost`, not 127.0.0.1: the console's
 * login runs in a browser that reaches the gateway as localhost, and the issuer is one exact string.
 */
export function issuerUrl(options: SystemOptions): string {
  return `http://localhost:${identityProviderPort(options)}`;
}

/** The console's login callback: registered at the dev provider, and what scripts sign in with. */
export function loginRedirectUri(options: SystemOptions): string {
  return `http://localhost:${options.gatewayPort}/console/auth/callback`;
}

/** What every service and the gateway are told about the issuer whose tokens they accept. */
export function oidcEnv(options: SystemOptions): Record<string, string> {
  return { OIDC_ISSUER_URL: issuerUrl(options), OIDC_AUDIENCE: DEV_AUDIENCE };
}

export function optionsFromEnv(env: NodeJS.ProcessEnv, defaults: Partial<SystemOptions> = {}): SystemOptions {
  return {
    gatewayPort: Number(env['PORT'] ?? defaults.gatewayPort ?? 3000),
    databasePrefix: env['DATABASE_PREFIX'] ?? defaults.databasePrefix ?? 'wo_',
    postgresUrl: env['POSTGRES_URL'] ?? defaults.postgresUrl ?? 'postgresql://postgres@127.0.0.1:5432',
    kafkaBrokers: env['KAFKA_BROKERS'] ?? defaults.kafkaBrokers ?? null,
    kafkaPort: Number(env['KAFKA_PORT'] ?? defaults.kafkaPort ?? 9092),
    topicPrefix: env['KAFKA_TOPIC_PREFIX'] ?? defaults.topicPrefix ?? '',
    redisUrl: env['REDIS_URL'] ?? defaults.redisUrl ?? 'redis://127.0.0.1:6379',
    logDir: env['LOG_DIR'] ?? defaults.logDir ?? null,
  };
}

export function databaseUrl(options: SystemOptions, service: ServiceName): string {
  return `${options.postgresUrl.replace(/\/$/, '')}/${options.databasePrefix}${service.replace('-', '_')}`;
}

export function kafkaBrokers(options: SystemOptions): string {
  return options.kafkaBrokers ?? `127.0.0.1:${options.kafkaPort}`;
}

/** What to run, on which port, with which environment. */
export function planSystem(options: SystemOptions): ProcessPlan[] {
  const servicePort = (service: ServiceName) => options.gatewayPort + 1 + SERVICES.indexOf(service);
  const services: ProcessPlan[] = SERVICES.map((service) => ({
    name: service,
    entry: resolve(REPO_ROOT, `dist/apps/${service}/src/main.js`),
    port: servicePort(service),
    env: {
      PORT: String(servicePort(service)),
      DATABASE_URL: databaseUrl(options, service),
      KAFKA_BROKERS: kafkaBrokers(options),
      KAFKA_TOPIC_PREFIX: options.topicPrefix,
      REDIS_URL: options.redisUrl,
      ...oidcEnv(options),
    },
  }));
  // The console as the gateway serves it, and Vite's dev server (docs/console.md: Working on it).
  const consoleBases = [...['localhost', '127.0.0.1'].map((host) => `http://${host}:${options.gatewayPort}/console/`), 'http://localhost:5173/console/'];
  // loginRedirectUri(options) is the first of these.
  const identityProvider: ProcessPlan = {
    name: IDENTITY_PROVIDER,
    entry: resolve(REPO_ROOT, 'dist/libs/dev-system/src/identity-provider/main.js'),
    port: identityProviderPort(options),
    env: {
      DEV_OIDC_PORT: String(identityProviderPort(options)),
      ...oidcEnv(options),
      // The console's callback and where it lands after logout.
      DEV_OIDC_REDIRECT_URIS: consoleBases.flatMap((base) => [`${base}auth/callback`, base]).join(','),
    },
  };
  const upstream = (service: ServiceName) => `http://127.0.0.1:${servicePort(service)}`;
  return [
    identityProvider,
    ...services,
    {
      name: 'gateway',
      entry: resolve(REPO_ROOT, 'dist/apps/gateway/src/main.js'),
      port: options.gatewayPort,
      env: {
        PORT: String(options.gatewayPort),
        WORK_ORDERS_URL: upstream('work-orders'),
        INVENTORY_URL: upstream('inventory'),
        PICKING_URL: upstream('picking'),
        INBOUND_URL: upstream('inbound'),
        ...oidcEnv(options),
        REDIS_URL: options.redisUrl,
        // Each system (dev, e2e, chaos, bench) counts its clients apart from the others on a shared Redis.
        GATEWAY_RATE_LIMIT_PREFIX: `${options.databasePrefix}gateway-rate-limit`,
      },
    },
  ];
}
