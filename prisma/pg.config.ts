import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { defineConfig } from "prisma/config";

// Prisma CLI config for PostgreSQL (production). Three adapter-pg 6.19 workarounds, see docs/toolchain.md:
// 1. prisma/prisma#27403: the JS schema engine cannot deserialize `name`/`char` columns from the
//    catalogue; relabel them as text (and their arrays as text[]).
// 2. Discrete connection fields instead of `connectionString`, or the shadow DB becomes the main DB.
// 3. Our own shadow database: created, then dropped only after its pool is closed.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "./pg/schema.prisma",
  migrations: { path: "./pg/migrations" },
  async adapter() {
    const config = poolConfigFrom(requireDatabaseUrl());
    const main = new PrismaPg(relabelCatalogTypes(new pg.Pool(config)));
    return {
      provider: main.provider,
      adapterName: main.adapterName,
      connect: () => main.connect(),
      async connectToShadowDb() {
        const name = `baton_shadow_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
        const admin = new pg.Client(config);
        await admin.connect();
        await admin.query(`CREATE DATABASE "${name}"`);
        await admin.end();
        const pool = relabelCatalogTypes(new pg.Pool({ ...config, database: name }));
        const adapter = await new PrismaPg(pool).connect();
        const dispose = adapter.dispose.bind(adapter);
        adapter.dispose = async () => {
          await dispose();
          await pool.end().catch(() => undefined);
          const dropper = new pg.Client(config);
          await dropper.connect();
          await dropper.query(`DROP DATABASE IF EXISTS "${name}"`);
          await dropper.end();
        };
        return adapter;
      },
    };
  },
});

function requireDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url || !/^postgres(ql)?:\/\//.test(url)) {
    throw new Error("DATABASE_URL must be a postgresql:// URL for prisma/pg.config.ts");
  }
  return url;
}

function poolConfigFrom(url: string): pg.PoolConfig {
  const u = new URL(url);
  return {
    host: decodeURIComponent(u.hostname),
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.replace(/^\//, "")),
    max: 4,
  };
}

type QueryResultLike = { fields?: Array<{ dataTypeID: number }> };

function relabel<T>(result: T): T {
  const fields = (result as QueryResultLike | undefined)?.fields;
  for (const field of fields ?? []) {
    if (field.dataTypeID === 18 || field.dataTypeID === 19) field.dataTypeID = 25;
    else if (field.dataTypeID === 1002 || field.dataTypeID === 1003) field.dataTypeID = 1009;
  }
  return result;
}

// pg's query() has promise and callback forms; wrap both. `any` mirrors pg's own overloads here.
/* eslint-disable @typescript-eslint/no-explicit-any */
function wrapQuery<C extends { query: (...args: any[]) => any }>(client: C): C {
  const original = client.query.bind(client);
  client.query = ((...args: any[]) => {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      args[args.length - 1] = (err: unknown, res: unknown) => last(err, res && relabel(res));
      return original(...args);
    }
    const out = original(...args);
    return out && typeof out.then === "function" ? out.then(relabel) : out;
  }) as C["query"];
  return client;
}

function relabelCatalogTypes(pool: pg.Pool): pg.Pool {
  wrapQuery(pool);
  const connect = pool.connect.bind(pool) as (...args: any[]) => any;
  pool.connect = ((callback?: (...args: any[]) => void) => {
    if (callback) {
      return connect((err: unknown, client: pg.PoolClient, done: unknown) => callback(err, client && wrapQuery(client), done));
    }
    return connect().then((client: pg.PoolClient) => wrapQuery(client));
  }) as typeof pool.connect;
  return pool;
}
/* eslint-enable @typescript-eslint/no-explicit-any */
