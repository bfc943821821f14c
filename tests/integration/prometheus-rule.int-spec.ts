import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, parseAllDocuments, stringify } from 'yaml';

/**
 * The alert rules exist twice: the plain Prometheus file (alert-rules.yml, for `rule_files`) and
 * the Prometheus Operator's PrometheusRule generated from it (`npm run alert-rules`). They must
 * say the same thing, both must pass promtool, and the kustomization must deploy the
 * PrometheusRule beside the ServiceMonitor.
 */
const root = resolve(__dirname, '../..');
const observability = join(root, 'deploy/observability');
const plain = parse(readFileSync(join(observability, 'alert-rules.yml'), 'utf8')) as { groups: { name: string; rules: { alert?: string }[] }[] };
const rule = parse(readFileSync(join(observability, 'prometheus-rule.yaml'), 'utf8')) as {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels: Record<string, string> };
  spec: { groups: unknown[] };
};
const hasPromtool = spawnSync('promtool', ['--version'], { stdio: 'ignore' }).status === 0;
const hasKubectl = spawnSync(process.env['KUBECTL'] ?? 'kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;
for (const [tool, present, pkg] of [
  ['promtool', hasPromtool, 'prometheus'],
  ['kubectl', hasKubectl, 'kubernetes-client'],
] as const) {
  if (present) continue;
  if (process.env['CI']) throw new Error(`${tool} is missing: .ci/run installs ${pkg}`);
  console.warn(`prometheus-rule: ${tool} checks SKIPPED, it is not installed (apt-get install -y ${pkg})`);
}

describe('the PrometheusRule', () => {
  it('is a monitoring.coreos.com/v1 PrometheusRule of the platform', () => {
    expect(rule).toMatchObject({
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PrometheusRule',
      metadata: { name: 'work-orders-alert-rules', labels: { 'app.kubernetes.io/part-of': 'work-orders-platform' } },
    });
  });

  it('has exactly the groups and rules of alert-rules.yml (regenerate with `npm run alert-rules`)', () => {
    expect(plain.groups.flatMap((group) => group.rules).length).toBeGreaterThanOrEqual(7);
    expect(rule.spec.groups).toEqual(plain.groups);
  });

  (hasPromtool ? it : it.skip)('has rules that promtool accepts', () => {
    const directory = mkdtempSync(join(tmpdir(), 'wo-sr-prometheus-rule-'));
    try {
      const file = join(directory, 'from-prometheus-rule.yml');
      writeFileSync(file, stringify({ groups: rule.spec.groups }, { lineWidth: 0 }));
      const result = spawnSync('promtool', ['check', 'rules', file], { encoding: 'utf8' });
      expect(`${result.stdout}${result.stderr}`).toContain('SUCCESS');
      expect(result.status).toBe(0);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  (hasKubectl ? it : it.skip)('is deployed by deploy/observability with the ServiceMonitor and the rules ConfigMap', () => {
    const rendered = spawnSync(process.env['KUBECTL'] ?? 'kubectl', ['kustomize', observability], { encoding: 'utf8' });
    expect(rendered.status).toBe(0);
    const kinds = parseAllDocuments(rendered.stdout).map((document) => (document.toJS() as { kind: string; metadata: { name: string } }) ?? null);
    expect(kinds.map((object) => `${object.kind}/${object.metadata.name}`)).toEqual(
      expect.arrayContaining(['PrometheusRule/work-orders-alert-rules', 'ServiceMonitor/work-orders-platform', 'ConfigMap/work-orders-alert-rules']),
    );
  });
});
