import { InboundTopics } from '@wo/contracts/inbound';
import { InventoryTopics } from '@wo/contracts/inventory';
import { PickingTopics } from '@wo/contracts/picking';
import { WorkOrderTopics } from '@wo/contracts/work-orders';
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

/**
 * Renders every overlay of deploy/k8s with `kubectl kustomize`, validates every object against the
 * Kubernetes schemas (kubernetes-models' per-kind validators), and checks what the platform needs
 * of each Deployment and what the gateway needs of the Ingress. Needs kubectl (.ci/run installs
 * Debian's kubernetes-client): skipped with a message only outside CI when it is missing.
 */
const root = resolve(__dirname, '../..');
const overlaysDir = join(root, 'deploy/k8s/overlays');
const kubectl = process.env['KUBECTL'] ?? 'kubectl';
const hasKubectl = spawnSync(kubectl, ['version', '--client'], { stdio: 'ignore' }).status === 0;
if (!hasKubectl) {
  if (process.env['CI']) throw new Error(`${kubectl} is missing: .ci/run installs kubernetes-client`);
  console.warn(`k8s-manifests: SKIPPED, ${kubectl} is not installed (apt-get install -y kubernetes-client)`);
}
const describeWithKubectl = hasKubectl ? describe : describe.skip;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: any;
  data?: Record<string, string>;
};

const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
const overlays = readdirSync(overlaysDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const deploymentNames = ['gateway', 'inbound', 'inventory', 'picking', 'work-orders'];
const consumers = ['inbound', 'inventory', 'picking', 'work-orders'];
// The gateway's prefix table, read from its source (tests may not import an app's code).
const routes = [...readFileSync(join(root, 'apps/gateway/src/routes.ts'), 'utf8').matchAll(/\{ prefix: '([^']+)', service: '([^']+)' \}/g)].map(
  ([, prefix, service]) => ({ prefix: prefix!, service: service! }),
);
const allTopics = [InventoryTopics, WorkOrderTopics, PickingTopics, InboundTopics].flatMap((topics) => Object.values(topics) as string[]);

function render(overlay: string): K8sObject[] {
  const text = execFileSync(kubectl, ['kustomize', join(overlaysDir, overlay)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return parseAllDocuments(text)
    .map((document) => document.toJS() as K8sObject)
    .filter(Boolean);
}

function validate(objects: K8sObject[]): { kind: string; name: string; problem: string | null }[] {
  const result = spawnSync(process.execPath, [join(__dirname, 'support/validate-k8s.mjs')], { input: JSON.stringify(objects), encoding: 'utf8', cwd: root });
  if (result.status !== 0) throw new Error(`validator failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as { kind: string; name: string; problem: string | null }[];
}

/** Bytes of a Kubernetes quantity (Mi, Gi, M, G or plain). */
function bytes(quantity: string): number {
  const match = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|K|M|G)?$/.exec(quantity);
  if (!match) throw new Error(`unexpected quantity ${quantity}`);
  const unit = { Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, K: 1e3, M: 1e6, G: 1e9 }[match[2] ?? ''] ?? 1;
  return Number(match[1]) * unit;
}

function millicores(quantity: string): number {
  return quantity.endsWith('m') ? Number(quantity.slice(0, -1)) : Number(quantity) * 1000;
}

const expectations: Record<string, { minReplicas: number; createTopics: boolean }> = {
  small: { minReplicas: 1, createTopics: true },
  production: { minReplicas: 3, createTopics: false },
};

it('has the small and the production overlay, and reads the gateway routes', () => {
  expect(overlays).toEqual(expect.arrayContaining(['small', 'production']));
  expect(routes.length).toBeGreaterThanOrEqual(10);
});

describeWithKubectl.each(overlays)('overlay %s', (overlay) => {
  const objects = render(overlay);
  const ofKind = (kind: string) => objects.filter((object) => object.kind === kind);
  const named = (kind: string, name: string) => ofKind(kind).find((object) => object.metadata.name === name);
  const deployments = ofKind('Deployment');
  const config = named('ConfigMap', 'platform-endpoints')!;
  const expected = expectations[overlay] ?? { minReplicas: 1, createTopics: true };

  it('renders and every object is valid against the Kubernetes schemas (Strimzi KafkaTopic and KafkaUser: checked below)', () => {
    const strimzi = new Set(['KafkaTopic', 'KafkaUser']);
    const results = validate(objects);
    expect(results.length).toBe(objects.length);
    const invalid = results.filter((result) => result.problem !== null && !(strimzi.has(result.kind) && result.problem === 'no schema'));
    expect(invalid).toEqual([]);
    expect(results.filter((result) => result.problem === null).length).toBeGreaterThanOrEqual(objects.filter((object) => !strimzi.has(object.kind)).length);
  });

  it('has a Deployment for every service and the gateway, each with its Service', () => {
    expect(deployments.map((deployment) => deployment.metadata.name).sort()).toEqual(deploymentNames);
    for (const name of deploymentNames) expect(named('Service', name)?.spec.ports[0].targetPort).toBe('http');
  });

  describe.each(deploymentNames)('Deployment %s', (name) => {
    const deployment = deployments.find((object) => object.metadata.name === name)!;
    const pod = deployment.spec.template.spec;
    const podLabels: Record<string, string> = deployment.spec.template.metadata.labels;
    const selects = (selector: { matchLabels: Record<string, string> }) =>
      Object.entries(selector.matchLabels).every(([key, value]) => podLabels[key] === value);
    const container = pod.containers[0];

    it(`runs ${expected.minReplicas}+ replicas, with a PodDisruptionBudget that selects its pods and lets a drain proceed`, () => {
      expect(deployment.spec.replicas).toBeGreaterThanOrEqual(expected.minReplicas);
      const budgets = ofKind('PodDisruptionBudget').filter((budget) => selects(budget.spec.selector));
      expect(budgets).toHaveLength(1);
      const budget = budgets[0]!.spec;
      if (budget.minAvailable !== undefined) expect(budget.minAvailable).toBeLessThan(deployment.spec.replicas);
      else expect(budget.maxUnavailable).toBeGreaterThanOrEqual(1);
    });

    it('has a HorizontalPodAutoscaler on CPU (and consumer lag in production for the consumers)', () => {
      const autoscaler = ofKind('HorizontalPodAutoscaler').find(
        (hpa) => hpa.spec.scaleTargetRef.kind === 'Deployment' && hpa.spec.scaleTargetRef.name === name,
      );
      expect(autoscaler?.apiVersion).toBe('autoscaling/v2');
      expect(autoscaler!.spec.minReplicas).toBeGreaterThanOrEqual(expected.minReplicas);
      expect(autoscaler!.spec.maxReplicas).toBeGreaterThan(autoscaler!.spec.minReplicas);
      const metrics = autoscaler!.spec.metrics as {
        type: string;
        resource?: { name: string };
        external?: { metric: { name: string; selector: { matchLabels: Record<string, string> } } };
      }[];
      expect(metrics.some((metric) => metric.type === 'Resource' && metric.resource?.name === 'cpu')).toBe(true);
      if (overlay === 'production' && consumers.includes(name)) {
        const lag = metrics.find((metric) => metric.type === 'External');
        expect(lag?.external?.metric.name).toBe('kafka_consumergroup_lag');
        expect(lag?.external?.metric.selector.matchLabels['consumergroup']).toBe(name);
      }
    });

    it('runs as uid 1000, non-root, read-only root, no privilege escalation, no capabilities, RuntimeDefault seccomp', () => {
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' } });
      for (const each of [...(pod.initContainers ?? []), ...pod.containers]) {
        expect(each.securityContext).toMatchObject({
          runAsNonRoot: true,
          runAsUser: 1000,
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
        });
        expect(each.securityContext.seccompProfile ?? pod.securityContext.seccompProfile).toEqual({ type: 'RuntimeDefault' });
        // The only writable place: an emptyDir at /tmp.
        const tmp = (each.volumeMounts ?? []).find((mount: { mountPath: string }) => mount.mountPath === '/tmp');
        expect(pod.volumes.find((volume: { name: string }) => volume.name === tmp?.name)?.emptyDir).toBeDefined();
      }
      expect(pod.automountServiceAccountToken).toBe(false);
    });

    it('has startup, liveness and readiness probes on its http port; none of them depends on other services', () => {
      expect(container.ports.map((port: { name: string }) => port.name)).toContain('http');
      for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe']) {
        expect(container[probe]?.httpGet?.port).toBe('http');
        expect(container[probe].httpGet.path).not.toBe('/health/upstreams');
      }
      expect(container.livenessProbe.httpGet.path).toBe('/health/live');
      expect(container.startupProbe.failureThreshold * container.startupProbe.periodSeconds).toBeGreaterThanOrEqual(60);
      // The gateway's /health/ready is its own (GatewayHealthController, unit-tested); a service's checks its database and Kafka.
      expect(container.readinessProbe.httpGet.path).toBe('/health/ready');
    });

    it('spreads its replicas across nodes and zones', () => {
      const constraints = pod.topologySpreadConstraints as {
        topologyKey: string;
        whenUnsatisfiable: string;
        labelSelector: { matchLabels: Record<string, string> };
      }[];
      expect(constraints.map((constraint) => constraint.topologyKey).sort()).toEqual(['kubernetes.io/hostname', 'topology.kubernetes.io/zone']);
      for (const constraint of constraints) expect(selects(constraint.labelSelector)).toBe(true);
      if (overlay === 'production')
        expect(constraints.find((constraint) => constraint.topologyKey === 'kubernetes.io/hostname')!.whenUnsatisfiable).toBe('DoNotSchedule');
    });

    it('has requests and limits, with the V8 heap (NODE_OPTIONS) well inside the memory limit', () => {
      const { requests, limits } = container.resources;
      for (const quantity of [requests.cpu, requests.memory, limits.cpu, limits.memory]) expect(typeof quantity).toBe('string');
      expect(bytes(requests.memory)).toBeLessThanOrEqual(bytes(limits.memory));
      expect(millicores(requests.cpu)).toBeLessThanOrEqual(millicores(limits.cpu));
      const options = container.env.find((variable: { name: string }) => variable.name === 'NODE_OPTIONS')?.value as string;
      const heapMiB = Number(/--max-old-space-size=(\d+)/.exec(options)?.[1]);
      expect(heapMiB).toBeGreaterThan(0);
      expect(heapMiB * 1024 ** 2).toBeLessThanOrEqual(0.75 * bytes(limits.memory));
      if (overlay === 'production') expect(bytes(requests.memory)).toBe(bytes(limits.memory));
    });

    it('reads the shared settings and never migrates on start', () => {
      expect(container.envFrom).toContainEqual({ configMapRef: { name: 'platform-endpoints' } });
      expect(container.env.find((variable: { name: string }) => variable.name === 'MIGRATE_ON_START')).toBeUndefined();
      expect(config.data!['MIGRATE_ON_START']).toBe('false');
    });
  });

  it('has the migration Job of this release, with the release image, run before the rollout', () => {
    const jobs = ofKind('Job');
    expect(jobs.map((job) => job.metadata.name)).toEqual([`migrate-${version.replace(/\./g, '-')}`]);
    const job = jobs[0]!;
    const pod = job.spec.template.spec;
    expect(pod.restartPolicy).toBe('Never');
    expect(pod.containers[0].command).toEqual(['node', '--enable-source-maps', 'dist/libs/platform/src/bin/migrate.js']);
    expect(pod.containers[0].envFrom).toContainEqual({ secretRef: { name: 'platform-databases' } });
    expect(pod.containers[0].securityContext).toMatchObject({
      runAsNonRoot: true,
      runAsUser: 1000,
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
    const images = new Set([...deployments.map((deployment) => deployment.spec.template.spec.containers[0].image), pod.containers[0].image]);
    expect(images.size).toBe(1);
    expect([...images][0]).toMatch(new RegExp(`:${version.replace(/\./g, '\\.')}$`));
    // What `kubectl apply -l rollout-phase=pre` applies first: the config, the secret, the job (and the topics).
    const pre = objects.filter((object) => object.metadata.labels?.['rollout-phase'] === 'pre').map((object) => object.kind);
    expect(pre).toEqual(expect.arrayContaining(['ConfigMap', 'Secret', 'Job']));
    expect(pre).not.toContain('Deployment');
  });

  it('routes every prefix of apps/gateway/src/routes.ts to its service, and /console and / to the gateway', () => {
    const ingress = ofKind('Ingress');
    expect(ingress).toHaveLength(1);
    const paths = (
      ingress[0]!.spec.rules as { http: { paths: { path: string; pathType: string; backend: { service: { name: string; port: { name: string } } } }[] } }[]
    ).flatMap((rule) => rule.http.paths);
    const rule = (path: string) => paths.find((entry) => entry.path === path);
    for (const route of routes) {
      expect({ path: route.prefix, pathType: rule(route.prefix)?.pathType, service: rule(route.prefix)?.backend.service.name }).toEqual({
        path: route.prefix,
        pathType: 'Prefix',
        service: route.service,
      });
    }
    expect(rule('/console')).toMatchObject({ pathType: 'Prefix', backend: { service: { name: 'gateway' } } });
    expect(rule('/')).toMatchObject({ pathType: 'Exact', backend: { service: { name: 'gateway' } } });
    for (const entry of paths)
      expect(named('Service', entry.backend.service.name)?.spec.ports.map((port: { name: string }) => port.name)).toContain(entry.backend.service.port.name);
  });

  it('signs each Kafka client in as its own Strimzi KafkaUser over TLS when the overlay secures Kafka, with the files the settings name mounted', () => {
    const data = config.data!;
    const users = ofKind('KafkaUser');
    if (!data['KAFKA_SECURITY_PROTOCOL'] || data['KAFKA_SECURITY_PROTOCOL'] === 'PLAINTEXT') {
      expect(users).toEqual([]);
      return;
    }
    expect(data['KAFKA_SECURITY_PROTOCOL']).toBe('SASL_SSL');
    expect(users.map((user) => user.metadata.name).sort()).toEqual([...consumers].sort());
    for (const service of consumers) {
      const user = users.find((candidate) => candidate.metadata.name === service)!;
      expect(user.spec.authentication).toEqual({ type: data['KAFKA_SASL_MECHANISM']!.toLowerCase() });
      expect(user.metadata.labels?.['rollout-phase']).toBe('pre');
      // Its own consumer group, and no other.
      const groups = user.spec.authorization.acls.filter((acl: { resource: { type: string } }) => acl.resource.type === 'group');
      expect(groups.map((acl: { resource: { name: string } }) => acl.resource.name)).toEqual([service]);
      const container = named('Deployment', service)!.spec.template.spec.containers[0];
      expect(container.env).toContainEqual({ name: 'KAFKA_SASL_USERNAME', value: service });
      const volumes = named('Deployment', service)!.spec.template.spec.volumes;
      // Every file the settings name sits in a volume mounted from a Secret (the KafkaUser's, the cluster CA's).
      for (const variable of ['KAFKA_SASL_PASSWORD_FILE', 'KAFKA_SSL_CA_FILE']) {
        const path = data[variable]!;
        const mount = container.volumeMounts.find((candidate: { mountPath: string }) => path.startsWith(`${candidate.mountPath}/`));
        expect(mount).toBeDefined();
        const volume = volumes.find((candidate: { name: string }) => candidate.name === mount.name);
        expect(volume.secret.items.map((item: { path: string }) => `${mount.mountPath}/${item.path}`)).toContain(path);
      }
      expect(volumes.find((volume: { name: string }) => volume.name === 'kafka-user').secret.secretName).toBe(service);
    }
  });

  it('has valid Kafka topic settings, and Strimzi KafkaTopics for every topic and its dead-letter twin when the services do not create them', () => {
    const data = config.data!;
    expect(data['KAFKA_CREATE_TOPICS']).toBe(String(expected.createTopics));
    const replication = Number(data['KAFKA_REPLICATION_FACTOR']);
    const minInsync = Number(data['KAFKA_MIN_INSYNC_REPLICAS']);
    expect(replication).toBeGreaterThanOrEqual(1);
    expect(minInsync).toBeLessThanOrEqual(replication);
    const topics = ofKind('KafkaTopic');
    if (expected.createTopics) {
      expect(topics).toEqual([]);
      return;
    }
    expect(replication).toBeGreaterThanOrEqual(3);
    expect(minInsync).toBeGreaterThanOrEqual(2);
    const wanted = allTopics.flatMap((topic) => [topic, `${topic}.dead-letter`]).sort();
    expect(topics.map((topic) => topic.spec.topicName).sort()).toEqual(wanted);
    for (const topic of topics) {
      expect(topic.apiVersion).toBe('kafka.strimzi.io/v1beta2');
      expect(topic.metadata.labels?.['strimzi.io/cluster']).toBeTruthy();
      expect(topic.metadata.labels?.['rollout-phase']).toBe('pre');
      expect(topic.metadata.name).toMatch(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/);
      expect(topic.spec).toEqual({
        topicName: topic.spec.topicName,
        partitions: Number(data['KAFKA_PARTITIONS']),
        replicas: replication,
        config: { 'min.insync.replicas': String(minInsync) },
      });
    }
  });
});
