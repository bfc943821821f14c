import { deleteTopics, type RunningSystem } from '@wo/dev-system';

/** Stops the system and deletes this run's topics. The databases stay for the invariant check. */
export default async function globalTeardown(): Promise<void> {
  const system = (globalThis as { e2eSystem?: RunningSystem }).e2eSystem;
  if (!system) return;
  await system.stop();
  await deleteTopics(system.options);
}
