import { fileURLToPath } from 'node:url';
import { migrate as drizzleMigrate } from 'drizzle-orm/postgres-js/migrator';
import { connect } from './connect.js';

/** Absolute path of the shipped `drizzle/` folder, resolved from this module (works from dist). */
export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** Applies the committed migrations to the database at `url`; a second run is a no-op. */
export async function migrate(url: string): Promise<void> {
  const { db, close } = await connect(url, { max: 1 });
  try {
    await drizzleMigrate(db, { migrationsFolder });
  } finally {
    await close();
  }
}
