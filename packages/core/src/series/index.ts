// `@rota-perf/core/series`: the per-second series recorder and its histograms (Node and
// browser; it needs hdr-histogram-js, so it stays out of the k6-safe root entry).
export {
  createLatencyHistogram,
  decodeHistogram,
  type ExactExtremes,
  encodeHistogram,
  type LatencyHistogram,
  latencyStatsOf,
  mergeHistograms,
  recordLatency,
} from './histogram.js';
export {
  type K6MetricDeclaration,
  K6NdjsonReader,
  type K6NdjsonReaderOptions,
  parseK6Time,
} from './k6-ndjson.js';
export { mergeSeries, type SeriesTotals, seriesTotals } from './merge.js';
export {
  type FinishedSecond,
  SeriesRecorder,
  type SeriesRecorderOptions,
} from './recorder.js';
