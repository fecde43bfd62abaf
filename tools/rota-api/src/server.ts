import { availableParallelism } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { createRotaApp } from './app.js';
import { type RotaApiConfig, resolveConfig } from './config.js';
import { openApiDatabase } from './database.js';
import { drainHandlers } from './http/routes.js';
import { describeListenError } from './listen-error.js';
import type { SlidingLogRateLimiter } from './security/rate-limiter.js';
import { generateSelfSignedCertificate } from './tls.js';

/** Options of `listenRotaApi` (in-process server). */
export interface ListenOptions {
  databaseUrl: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Serve HTTPS with a self-signed certificate generated now. */
  tls?: boolean;
  /** Env map for the configuration (default `process.env`). */
  env?: Record<string, string | undefined>;
  /** Pool size of the database client (default: the CPU count, at least 2). */
  maxConnections?: number;
  /** The auth rate limiter (default: one from the configuration). */
  rateLimiter?: SlidingLogRateLimiter;
}

/** A listening in-process Rota API. */
export interface RunningApi {
  url: string;
  app: FastifyInstance;
  config: RotaApiConfig;
  /** Closes the server, then the database pool. */
  close(): Promise<void>;
}

/** Starts the Rota API in this process over an existing (migrated, seeded) database. */
export async function listenRotaApi(options: ListenOptions): Promise<RunningApi> {
  const config = resolveConfig(options.env ?? process.env);
  const host = options.host ?? '127.0.0.1';
  const https = options.tls ? await generateSelfSignedCertificate(host) : undefined;
  // About one connection per core: postgres.js pipelines queries on busy connections, and on
  // 2 cores 2 connections cost less CPU per request than 10 (docs/benchmarks.md, section rota-api).
  const pool = options.maxConnections ?? Math.max(2, availableParallelism());
  const database = await openApiDatabase(options.databaseUrl, pool, config.tagStatements);
  let app: FastifyInstance;
  try {
    app = createRotaApp({
      config,
      repos: database.repos,
      reposFor: database.reposFor,
      server: https ? { https } : {},
      rateLimiter: options.rateLimiter,
    });
  } catch (error) {
    // A configuration the routes refuse (ROTA_API_DELAY naming no route): close the pool.
    await database.close();
    throw error;
  }
  try {
    await app.listen({ port: options.port ?? 0, host });
  } catch (error) {
    await database.close();
    throw describeListenError(error, host, options.port ?? 0);
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `${https ? 'https' : 'http'}://${shownHost}:${port}`,
    app,
    config,
    async close() {
      await app.close();
      await drainHandlers(5000);
      await database.close();
    },
  };
}
