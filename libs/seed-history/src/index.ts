export { checkHistory, type HistoryCheck } from './history-checks';
export { loadHistory, type LoadHistoryOptions, type LoadHistoryResult } from './history-loader';
