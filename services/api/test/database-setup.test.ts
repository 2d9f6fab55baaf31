import { deriveAppPassword } from '@oppvekst/db';
import t from 'tap';
import { loadConfig } from '../src/config.js';
import { appPasswordFor } from '../src/database-setup.js';

const ADMIN = 'postgres://admin:secret@db.example:5432/oppvekst';

t.test('the app role password: configured, derived, or left to the operator', async (t) => {
  t.equal(appPasswordFor(loadConfig({ DATABASE_URL: ADMIN }), ADMIN), deriveAppPassword(ADMIN), 'derived from DATABASE_URL by default');
  t.equal(deriveAppPassword(ADMIN), deriveAppPassword(ADMIN), 'the same for every instance sharing the URL');
  t.not(deriveAppPassword(ADMIN), deriveAppPassword(ADMIN.replace('secret', 'other')), 'and different for another admin secret');
  t.equal(appPasswordFor(loadConfig({ DATABASE_URL: ADMIN, APP_DATABASE_PASSWORD: 'chosen' }), ADMIN), 'chosen', 'APP_DATABASE_PASSWORD wins');
  t.equal(
    appPasswordFor(loadConfig({ DATABASE_URL: ADMIN, APP_DATABASE_URL: 'postgres://app:x@db.example/oppvekst', APP_DATABASE_PASSWORD: 'chosen' }), ADMIN),
    undefined,
    'with APP_DATABASE_URL the operator manages the role: no password is set',
  );
});
