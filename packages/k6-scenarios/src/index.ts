// The Node-side view of k6-scenarios: the endpoint catalogue its scripts send and each
// script's plan (scenarios, phases, target rates) from its variables, as the script computes
// it (the scripts themselves are the bundles in performance/k6/, one per registry entry).
export { ENDPOINTS, type Endpoint } from './catalogue.js';
export { cooldownRps, type PlateauShape, plateauPhases, plateauStages } from './plan/plateau.js';
export {
  type PlanLevel,
  performanceEndpoints,
  planScript,
  type ScriptPlan,
} from './plan/script-plan.js';
