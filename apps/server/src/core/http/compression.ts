import type { FastifyInstance } from 'fastify';
import fastifyCompress from '@fastify/compress';
import { constants } from 'node:zlib';

/**
 * Compresses API answers (lists, searches, figures) for phones on slow networks. Small answers
 * (a check-in's receipt) are sent as they are: below 1 KiB compression costs more than it saves.
 * Brotli at a low quality: the highest one costs tens of milliseconds per answer.
 * Static files arrive precompressed (web-app.ts) and are left alone.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
  });
}
