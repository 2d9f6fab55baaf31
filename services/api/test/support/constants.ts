/** The database every test file clones: migrated and seeded once by scripts/run-tests.ts. */
export const TEMPLATE_DATABASE = 'oppvekst_template';
/** The app role's password in the test cluster (roles are cluster-wide). */
export const TEST_APP_PASSWORD = 'oppvekst-test-app';
/** The webhook worker role's password in the test cluster. */
export const TEST_WORKER_PASSWORD = 'oppvekst-test-worker';
