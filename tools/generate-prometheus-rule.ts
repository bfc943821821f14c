import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALERT_RULES_FILE, PROMETHEUS_RULE_FILE, prometheusRuleYaml } from './prometheus-rule';

/** `npm run alert-rules`: writes the PrometheusRule of deploy/observability from its plain rules file. */
const root = join(__dirname, '../..');
writeFileSync(join(root, PROMETHEUS_RULE_FILE), prometheusRuleYaml(readFileSync(join(root, ALERT_RULES_FILE), 'utf8')));
console.log(`wrote ${PROMETHEUS_RULE_FILE} from ${ALERT_RULES_FILE}`);
