// For the k6-safety type check only (tsconfig.k6.json, no Node or DOM types): the one global
// type the root entry names. CommandDef.run receives an AbortSignal from the Node bin runner;
// nothing in the root entry creates or listens to one.
interface AbortSignal {
  readonly aborted: boolean;
}
