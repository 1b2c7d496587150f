/**
 * Jest's global setup is required outside its module mapper, so imports of
 * the workspace libraries (`@tradecounter/…`, e.g. the migrations' rollup
 * SQL) resolve only once tsconfig.base.json's paths are registered here.
 * Import it before anything that reaches the migrations.
 */
import { join } from 'node:path';
import { loadConfig, register } from 'tsconfig-paths';

const config = loadConfig(join(__dirname, '../../../../tsconfig.base.json'));
if (config.resultType === 'failed') throw new Error(`tsconfig.base.json: ${config.message}`);
register({ baseUrl: config.absoluteBaseUrl, paths: config.paths });
