/**
 * Checks that are designed but not built yet. The side panel and the README list them so an
 * agent never mistakes a missing check for a passed one. Remove an entry when its detector lands.
 */
export const NOT_YET_CHECKED: readonly string[] = [];
