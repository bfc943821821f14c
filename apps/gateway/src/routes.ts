/**
 * Which service answers which path prefix: the same table the Kubernetes ingress uses
 * (deploy/k8s/ingress.yaml). Keep them in step.
 */
export const routes = [
  { prefix: '/work-orders', service: 'work-orders' },
  { prefix: '/boms', service: 'work-orders' },
  { prefix: '/sagas', service: 'work-orders' },
  { prefix: '/dead-letters', service: 'work-orders' },
  { prefix: '/merchants', service: 'inventory' },
  { prefix: '/warehouses', service: 'inventory' },
  { prefix: '/products', service: 'inventory' },
  { prefix: '/inventory', service: 'inventory' },
  { prefix: '/traceability', service: 'inventory' },
  { prefix: '/picking-requests', service: 'picking' },
  { prefix: '/picking-lists', service: 'picking' },
  { prefix: '/inbound-orders', service: 'inbound' },
] as const;

export type UpstreamService = (typeof routes)[number]['service'];
