// The Node-side view of k6-scenarios: the endpoint catalogue its scripts send (the scripts
// themselves are the bundles in performance/k6/, one per entry of the core's script registry).
export { ENDPOINTS, type Endpoint } from './catalogue.js';
