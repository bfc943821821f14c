import { parse, stringify } from 'yaml';

/** Where the plain rules file and the PrometheusRule made from it live. */
export const ALERT_RULES_FILE = 'deploy/observability/alert-rules.yml';
export const PROMETHEUS_RULE_FILE = 'deploy/observability/prometheus-rule.yaml';

/** The rule groups of a plain Prometheus rules file (what `rule_files` loads). */
export function ruleGroupsOf(plainRules: string): unknown[] {
  const document = parse(plainRules) as { groups?: unknown[] } | null;
  if (!document || !Array.isArray(document.groups)) throw new Error(`${ALERT_RULES_FILE} has no groups`);
  return document.groups;
}

/**
 * The same rules as a Prometheus Operator `PrometheusRule` (monitoring.coreos.com/v1): its
 * `spec.groups` is the plain file's `groups`, unchanged, so the two cannot say different things.
 */
export function prometheusRuleYaml(plainRules: string): string {
  const rule = {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata: {
      name: 'work-orders-alert-rules',
      labels: { 'app.kubernetes.io/part-of': 'work-orders-platform', 'app.kubernetes.io/component': 'alert-rules' },
    },
    spec: { groups: ruleGroupsOf(plainRules) },
  };
  return `# Generated from alert-rules.yml by \`npm run alert-rules\`: do not edit (edit alert-rules.yml).\n${stringify(rule, { lineWidth: 0 })}`;
}
