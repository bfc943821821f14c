import { resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '../../..').replace(/\/dist$/, '');

/** The services behind the gateway, in start order, and the database each owns. */
export const SERVICES = ['inventory', 'work-orders', 'picking', 'inbound'] as const;
export type ServiceName = (typeof SERVICES)[number];
/** The development OpenID provider (dev-only, never deployed) runs beside them, on the port after the services. */
export const IDENTITY_PROVIDER = 'identity-provider';
export type ProcessName = ServiceName | 'gateway' | typeof IDENTITY_PROVIDER;
/** One running process: a service's first replica goes by the service's name, the next ones by `inventory-2`, `inventory-3`, ... */
export type InstanceName = ProcessName | `${ServiceName}-${number}`;

/** The audience the dev system's access tokens are issued for (OIDC_AUDIENCE). Resource indicators are URIs. */
export const DEV_AUDIENCE = 'urn:work-orders:api';

export interface SystemOptions {
  /** Gateway port; services take the next four, the identity provider the fifth, further replicas the ones after. */
  readonly gatewayPort: number;
  /** Processes per service (default 1), in one consumer group per service as on Kubernetes; the gateway takes them in turn. */
  readonly replicas?: number;
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
  /** What runs: the service (or gateway, identity provider) ... */
  readonly name: ProcessName;
  /** ... and which of its replicas this is (0 for the first); the instance names its log file. */
  readonly replica: number;
  readonly instance: InstanceName;
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
    replicas: Number(env['REPLICAS'] ?? defaults.replicas ?? 1),
  };
}

export function databaseUrl(options: SystemOptions, service: ServiceName): string {
  return `${options.postgresUrl.replace(/\/$/, '')}/${options.databasePrefix}${service.replace('-', '_')}`;
}

export function kafkaBrokers(options: SystemOptions): string {
  return options.kafkaBrokers ?? `127.0.0.1:${options.kafkaPort}`;
}

export function replicaCount(options: SystemOptions): number {
  const replicas = options.replicas ?? 1;
  if (!Number.isInteger(replicas) || replicas < 1) throw new Error(`replicas must be a whole number of at least 1, not ${options.replicas}`);
  return replicas;
}

export function instanceName(service: ServiceName, replica: number): InstanceName {
  return replica === 0 ? service : `${service}-${replica + 1}`;
}

/**
 * A service replica's port. The first replicas keep the ports they always had (gateway + 1..4), so
 * the identity provider stays at gateway + 5 and issuer URLs do not change; the others follow it.
 */
export function servicePort(options: SystemOptions, service: ServiceName, replica = 0): number {
  const index = SERVICES.indexOf(service);
  if (replica === 0) return options.gatewayPort + 1 + index;
  return identityProviderPort(options) + 1 + (replica - 1) * SERVICES.length + index;
}

/** What to run, on which port, with which environment. */
export function planSystem(options: SystemOptions): ProcessPlan[] {
  const replicas = Array.from({ length: replicaCount(options) }, (_, replica) => replica);
  const services: ProcessPlan[] = replicas.flatMap((replica) =>
    SERVICES.map((service) => ({
      name: service,
      replica,
      instance: instanceName(service, replica),
      entry: resolve(REPO_ROOT, `dist/apps/${service}/src/main.js`),
      port: servicePort(options, service, replica),
      env: {
        PORT: String(servicePort(options, service, replica)),
        DATABASE_URL: databaseUrl(options, service),
        KAFKA_BROKERS: kafkaBrokers(options),
        KAFKA_TOPIC_PREFIX: options.topicPrefix,
        REDIS_URL: options.redisUrl,
        ...oidcEnv(options),
      },
    })),
  );
  // The console as the gateway serves it, and Vite's dev server (docs/console.md: Working on it).
  const consoleBases = [...['localhost', '127.0.0.1'].map((host) => `http://${host}:${options.gatewayPort}/console/`), 'http://localhost:5173/console/'];
  // loginRedirectUri(options) is the first of these.
  const identityProvider: ProcessPlan = {
    name: IDENTITY_PROVIDER,
    replica: 0,
    instance: IDENTITY_PROVIDER,
    entry: resolve(REPO_ROOT, 'dist/libs/dev-system/src/identity-provider/main.js'),
    port: identityProviderPort(options),
    env: {
      DEV_OIDC_PORT: String(identityProviderPort(options)),
      ...oidcEnv(options),
      // The console's callback and where it lands after logout.
      DEV_OIDC_REDIRECT_URIS: consoleBases.flatMap((base) => [`${base}auth/callback`, base]).join(','),
    },
  };
  // Every replica of a service, comma-separated: the gateway takes them in turn.
  const upstream = (service: ServiceName) => replicas.map((replica) => `http://127.0.0.1:${servicePort(options, service, replica)}`).join(',');
  return [
    identityProvider,
    ...services,
    {
      name: 'gateway',
      replica: 0,
      instance: 'gateway',
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
