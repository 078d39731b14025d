/** Loads the core chunk once; started in the background after the pane first renders. */
export type Core = typeof import('./core-chunk');

let pending: Promise<Core> | null = null;

export function loadCore(): Promise<Core> {
  pending ??= import(/* webpackChunkName: "core" */ './core-chunk').catch((e: unknown) => {
    pending = null; // let the next click try again
    throw e;
  });
  return pending;
}
