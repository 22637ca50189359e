/**
 * A first-time reader gets their guest identity from their first write: its response sets the
 * guest cookie. Two such writes in flight at once would each mint a guest and the later cookie
 * would win, leaving what the other wrote (a visit, a "try it" session) with a guest nobody is. So
 * until this browser is known to have an identity, writes that may mint one go out one at a time.
 */
// The key the progress queue has always used, so browsers that already have an identity keep it.
const KEY = "progress-identity";
let knownHere = false;
let chain: Promise<unknown> = Promise.resolve();

/**
 * Whether a write has succeeded in this browser (so it has an identity the server knows). Storage
 * is shared by the browser's tabs, so a sign-out in one is seen by all; the page's own memory is
 * only the fallback where storage is unavailable.
 */
export function identityKnown(): boolean {
  try {
    return localStorage.getItem(KEY) !== null;
  } catch {
    return knownHere;
  }
}

export function rememberIdentity(): void {
  knownHere = true;
  try {
    localStorage.setItem(KEY, "1");
  } catch {
    // Without storage, this page still knows (knownHere).
  }
}

/** At sign-out: the next write may mint a new guest again. */
export function forgetIdentity(): void {
  knownHere = false;
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing stored.
  }
}

/**
 * Runs `write`, which may mint the reader's identity: at once when the identity is known, else
 * after the writes queued before it. The first one that `succeeded` makes the identity known.
 */
export function identityWrite<T>(write: () => Promise<T>, succeeded: (result: T) => boolean): Promise<T> {
  const result = identityKnown() ? write() : chain.then(write);
  const settled = result.then(
    (r) => {
      if (succeeded(r)) rememberIdentity();
    },
    () => undefined,
  );
  if (!identityKnown()) chain = settled;
  return result;
}
