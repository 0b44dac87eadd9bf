// The toggles domain's public server API. Client code imports ./schemas (and ./actions) only.
export { setToggle, type SetToggleResult } from './set-toggle';
export { listToggles, isEnabled, toggleEnvironment } from './queries';
export { rolloutBucket, inRollout } from './rollout';
export { setToggleInput, toggleKeyPattern, type SetToggleInput, type SetToggleValues, type ToggleDto } from './schemas';
