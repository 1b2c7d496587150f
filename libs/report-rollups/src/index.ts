export { REPORT_ROLLUP_REBUILD_SQL, ROLLUP_REBUILD_SQL } from './rollup-rebuild.sql';
export {
  aggregateSql,
  COARSE_ROLLUP_SOURCES,
  REBUILD_COARSE_ROLLUPS_SQL,
  type Feed,
  type Source,
} from './coarse-rollups.sql';
export { DEMAND_ROLLUP_REBUILD_SQL } from './demand-rollup.sql';
export { PICKS_REBUILD_SQL } from './picks-rebuild.sql';
export { DELIVERED_ROLLUP_REBUILD_SQL } from './delivered-rollup.sql';
