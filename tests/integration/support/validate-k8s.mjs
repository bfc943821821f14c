// Validates Kubernetes objects (a JSON array on stdin) against the Kubernetes OpenAPI schemas that
// the kubernetes-models package ships as per-kind validators, and prints a JSON array of
// { kind, name, problem } (problem null when valid, "no schema" for kinds it does not know, such as
// Strimzi's KafkaTopic). A separate process because kubernetes-models is ESM only and Jest runs CJS.
import { readFileSync } from 'node:fs';

const objects = JSON.parse(readFileSync(0, 'utf8'));
const results = [];
for (const object of objects) {
  const { apiVersion = '', kind = '', metadata = {} } = object;
  let problem = null;
  let model;
  try {
    model = (await import(`kubernetes-models/${apiVersion}`))[kind];
  } catch {
    model = undefined;
  }
  if (!model) problem = 'no schema';
  else {
    try {
      new model(object).validate();
    } catch (error) {
      problem = error.message;
    }
  }
  results.push({ kind, name: metadata.name ?? '', problem });
}
process.stdout.write(JSON.stringify(results));
