import { optionsFromEnv } from '@wo/dev-system';
import { checkInvariants } from '@wo/invariants';

/**
 * `npm run check-invariants`: checks every invariant of DESIGN.md against the live databases
 * (the ones `npm start` uses, or DATABASE_PREFIX / POSTGRES_URL) and prints what it found.
 * Exits 1 when something is violated. `--in-flight` tolerates sagas still running.
 */
async function main(): Promise<void> {
  const settled = !process.argv.includes('--in-flight');
  const report = await checkInvariants(optionsFromEnv(process.env), { settled });
  console.log(JSON.stringify(report.figures, null, 2));
  if (report.violations.length === 0) {
    console.log('invariants: all hold');
    return;
  }
  console.log(`invariants: ${report.violations.length} violation(s)`);
  for (const violation of report.violations) console.log(`  - ${violation}`);
  process.exitCode = 1;
}

main().catch((error: Error) => {
  console.error(`invariant check failed to run: ${error.message}`);
  process.exit(2);
});
