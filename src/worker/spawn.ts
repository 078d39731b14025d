/**
 * Starts the core worker. Kept apart from client.ts because `import.meta.url` (webpack's marker
 * for a worker entry) only exists in the bundled pages; jest never loads this file.
 */
export function spawnCoreWorker(): Worker {
  return new Worker(new URL('./worker.ts', import.meta.url), { name: 'budget-check-core' });
}
