import pg from "pg";

/** Server for the tests that prove the production path (started by tests/support/ensure-postgres.sh). */
export const PG_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://baton:baton@127.0.0.1:5432/postgres";

/** Creates an empty database and returns its URL plus a drop function. */
export async function createPostgresDatabase(prefix = "baton_test"): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
